/**
 * Where a page is being shown, from the browser's Fetch Metadata on its navigation request:
 * - "top": a tab of its own;
 * - "same-site-frame": an iframe of a page on the same site (portal.corp.example framing
 *   console.corp.example): SameSite=Lax cookies are sent, sign-in works;
 * - "cross-site-frame": an iframe of another site: the browser keeps SameSite=Lax cookies out of
 *   the frame, so the session cookie set by signing in there is never sent back, and sign-in
 *   cannot work. The console says so instead of looping back to the sign-in form.
 * Browsers without Fetch Metadata count as "top" (nothing is claimed that is not known).
 */
export type FrameContext = "top" | "same-site-frame" | "cross-site-frame";

type HeaderReader = { get(name: string): string | null };

export function frameContextOf(headers: HeaderReader): FrameContext {
  const dest = headers.get("sec-fetch-dest")?.toLowerCase();
  if (dest !== "iframe" && dest !== "frame") return "top";
  return headers.get("sec-fetch-site")?.toLowerCase() === "cross-site"
    ? "cross-site-frame"
    : "same-site-frame";
}

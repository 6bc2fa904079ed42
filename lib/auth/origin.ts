/**
 * Cross-site request forgery defence for the console's API: every state-changing request must come
 * from the console's own pages. `Origin` must be the console's origin (or a configured one); without
 * an `Origin`, the browser's `Sec-Fetch-Site` must say same-origin; with neither, refuse.
 */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

type HeaderSource = { method: string; url: string; headers: Headers };

export function isSafeMethod(method: string): boolean {
  return SAFE_METHODS.has(method.toUpperCase());
}

/** The origin the browser used to reach the console, as far as we may believe the headers. */
export function requestOrigin(req: HeaderSource, trustProxy: boolean): string {
  const url = new URL(req.url);
  const first = (name: string) => req.headers.get(name)?.split(",")[0]?.trim();
  const proto = (trustProxy && first("x-forwarded-proto")) || url.protocol.replace(/:$/, "");
  const host = (trustProxy && first("x-forwarded-host")) || req.headers.get("host") || url.host;
  return `${proto}://${host}`.toLowerCase();
}

export function isSameOriginRequest(
  req: HeaderSource,
  options: { allowedOrigins: readonly string[]; trustProxy: boolean },
): boolean {
  if (isSafeMethod(req.method)) return true;
  const origin = req.headers.get("origin");
  if (origin !== null) {
    const normalised = origin.trim().toLowerCase();
    if (normalised === "null" || normalised === "") return false;
    if (normalised === requestOrigin(req, options.trustProxy)) return true;
    return options.allowedOrigins.some((allowed) => allowed.toLowerCase() === normalised);
  }
  return req.headers.get("sec-fetch-site") === "same-origin";
}

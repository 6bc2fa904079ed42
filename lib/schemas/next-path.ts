/**
 * Where to go after signing in: only a path on this site. Anything that a browser could read as
 * another origin (`//evil`, `/\evil`, `https://…`, `javascript:`), or that carries control
 * characters, falls back to the overview. A path that already carries the base path loses it,
 * because the router adds it again.
 */
export function safeNextPath(next: string | null | undefined, basePath = ""): string {
  const fallback = "/";
  if (typeof next !== "string" || next.length === 0 || next.length > 2048) return fallback;
  if (!next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return fallback;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (/[\u0000-\u001f\u007f\\]/.test(next)) return fallback;
  let url: URL;
  try {
    url = new URL(next, "http://console.invalid");
  } catch {
    return fallback;
  }
  if (url.origin !== "http://console.invalid") return fallback;
  let path = `${url.pathname}${url.search}${url.hash}`;
  if (basePath && (path === basePath || path.startsWith(`${basePath}/`))) {
    path = path.slice(basePath.length) || "/";
  }
  // Never bounce back to the login page itself.
  if (path === "/login" || path.startsWith("/login?") || path.startsWith("/login/"))
    return fallback;
  return path;
}

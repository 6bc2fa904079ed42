/**
 * The security headers every answer carries, pages (proxy.ts) and API (withRoute) alike; each adds
 * its own Content-Security-Policy and Cache-Control. Not marked server-only: proxy.ts imports it.
 */
export function setSharedSecurityHeaders(headers: Headers, https: boolean): void {
  headers.set("X-Content-Type-Options", "nosniff");
  headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
  headers.set("Cross-Origin-Opener-Policy", "same-origin");
  headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
  if (https) headers.set("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
}

import { type NextRequest, NextResponse } from "next/server";
import { isHttps, SESSION_COOKIE_NAMES } from "@/lib/auth/cookies";
import { PATH_HEADER } from "@/lib/auth/path-header";
import { setSharedSecurityHeaders } from "@/lib/auth/security-headers";

/**
 * Runs before every page request (Next 16 proxy, Node runtime). Two jobs only:
 * 1. the security headers, with a fresh CSP nonce per request (Next reads it from the request's
 *    Content-Security-Policy header and puts it on its own scripts; layouts read `x-nonce`);
 * 2. an optimistic redirect to /login for pages requested without any session cookie.
 * It is not the authorization gate: every route handler and the console layout check the session
 * themselves, since proxies have been bypassed before (CVE-2025-29927).
 * API routes are left out (see `config`): withRoute sets their headers, and a nonce and rewritten
 * request headers on every API call were a measurable share of its CPU.
 */
export function proxy(req: NextRequest) {
  const path = req.nextUrl.pathname;
  const https = isHttps(req, process.env.TRUST_PROXY === "1" || process.env.TRUST_PROXY === "true");
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = contentSecurityPolicy(nonce, https);

  if (!isPublicPage(path) && !hasSessionCookie(req)) {
    const login = req.nextUrl.clone();
    login.pathname = "/login";
    login.search = new URLSearchParams({ next: `${path}${req.nextUrl.search}` }).toString();
    return withSecurityHeaders(NextResponse.redirect(login), csp, https);
  }

  const headers = new Headers(req.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", csp);
  // Overwrites anything the client sent under this name: layouts trust it for `next=`.
  headers.set(PATH_HEADER, `${path}${req.nextUrl.search}`);
  return withSecurityHeaders(NextResponse.next({ request: { headers } }), csp, https);
}

export const config = {
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|robots.txt).*)"],
};

function isPublicPage(path: string): boolean {
  if (path === "/login" || path.startsWith("/login/")) return true;
  // Files (the app icon, a web manifest): the login page shows them too, and they hold no data.
  return /\/[^/]+\.[A-Za-z0-9]+$/.test(path);
}

function hasSessionCookie(req: NextRequest): boolean {
  return SESSION_COOKIE_NAMES.some((name) => Boolean(req.cookies.get(name)?.value));
}

export function contentSecurityPolicy(nonce: string, https: boolean): string {
  const dev = process.env.NODE_ENV === "development";
  const frameAncestors = process.env.FRAME_ANCESTORS?.trim() || "'self'";
  return [
    "default-src 'self'",
    // React's dev build needs eval for its error overlays; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Radix positions popovers with inline style attributes; scripts stay nonce-only.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

function withSecurityHeaders(response: NextResponse, csp: string, https: boolean): NextResponse {
  const h = response.headers;
  h.set("Content-Security-Policy", csp);
  setSharedSecurityHeaders(h, https);
  // Console pages hold account data: never from a cache, never from the back/forward cache after
  // sign-out.
  h.set("Cache-Control", "no-store, max-age=0");
  return response;
}

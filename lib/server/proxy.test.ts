import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { config, contentSecurityPolicy, proxy } from "@/proxy";

function get(path: string, headers: Record<string, string> = {}) {
  return proxy(new NextRequest(`http://localhost:3100${path}`, { headers }));
}

describe("proxy", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("sends pages without a session cookie to the login page, remembering them", () => {
    const res = get("/backups?status=error");
    expect(res.status).toBe(307);
    const location = new URL(res.headers.get("location") ?? "", "http://localhost:3100");
    expect(location.pathname).toBe("/login");
    expect(location.searchParams.get("next")).toBe("/backups?status=error");
  });

  it("lets the login page and files through without a cookie", () => {
    for (const path of ["/login", "/login?next=%2F", "/icon.svg"]) {
      expect(get(path).headers.get("location"), path).toBeNull();
    }
  });

  it("lets pages with a session cookie through, passing nonce and path to the render", () => {
    const res = get("/servers?x=1", { cookie: "cbc_session=abc", "x-cbc-path": "//evil" });
    expect(res.headers.get("location")).toBeNull();
    // NextResponse.next({ request: { headers } }) forwards overridden request headers this way.
    expect(res.headers.get("x-middleware-request-x-cbc-path")).toBe("/servers?x=1");
    const nonce = res.headers.get("x-middleware-request-x-nonce");
    expect(nonce).toBeTruthy();
    expect(res.headers.get("content-security-policy")).toContain(`'nonce-${nonce}'`);
    expect(res.headers.get("x-middleware-request-content-security-policy")).toContain(nonce);
  });

  it("runs for pages, not for the API (withRoute sets the API's headers) or static files", () => {
    const matches = (url: string) => unstable_doesMiddlewareMatch({ config, url });
    expect(matches("/")).toBe(true);
    expect(matches("/backups?status=error")).toBe(true);
    expect(matches("/apisomething")).toBe(true);
    expect(matches("/api/backups")).toBe(false);
    expect(matches("/api/auth/session")).toBe(false);
    expect(matches("/_next/static/chunks/a.js")).toBe(false);
  });

  it("uses a fresh nonce on every request", () => {
    const a = get("/login").headers.get("content-security-policy");
    const b = get("/login").headers.get("content-security-policy");
    expect(a).not.toBe(b);
  });

  it("sets the security headers, HSTS only under HTTPS, pages never cached", () => {
    const page = get("/login");
    expect(page.headers.get("x-content-type-options")).toBe("nosniff");
    expect(page.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(page.headers.get("strict-transport-security")).toBeNull();
    expect(page.headers.get("cache-control")).toBe("no-store, max-age=0");

    vi.stubEnv("TRUST_PROXY", "1");
    const https = get("/login", { "x-forwarded-proto": "https" });
    expect(https.headers.get("strict-transport-security")).toContain("max-age=63072000");
    expect(https.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
  });

  it("builds a CSP without inline scripts, framing from FRAME_ANCESTORS", () => {
    vi.stubEnv("FRAME_ANCESTORS", "https://portal.example.com");
    const csp = contentSecurityPolicy("n0nce", false);
    expect(csp).toContain("script-src 'self' 'nonce-n0nce' 'strict-dynamic'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors https://portal.example.com");
    expect(csp).toContain("object-src 'none'");
    vi.stubEnv("FRAME_ANCESTORS", "");
    expect(contentSecurityPolicy("n", false)).toContain("frame-ancestors 'self'");
  });
});

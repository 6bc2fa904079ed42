import { describe, expect, it } from "vitest";
import {
  clearedSessionCookie,
  isHttps,
  readSessionId,
  sessionCookie,
  sessionCookieName,
} from "./cookies";

const req = (url: string, headers: Record<string, string> = {}) => ({
  url,
  headers: new Headers(headers),
});

describe("session cookie", () => {
  it("is HttpOnly, SameSite=Lax, not Secure and unprefixed on plain http", () => {
    const scope = { secure: false, basePath: "" };
    expect(sessionCookie(scope, "abc", 3600)).toBe(
      "cbc_session=abc; Path=/; Max-Age=3600; HttpOnly; SameSite=Lax",
    );
  });

  it("is __Host- prefixed and Secure with Path=/ under https", () => {
    const cookie = sessionCookie({ secure: true, basePath: "" }, "abc", 10.7);
    expect(cookie).toBe(
      "__Host-cbc_session=abc; Path=/; Max-Age=10; HttpOnly; SameSite=Lax; Secure",
    );
    expect(cookie).not.toContain("Domain");
  });

  it("uses __Secure- with the base path under https, since __Host- requires Path=/", () => {
    const scope = { secure: true, basePath: "/console" };
    expect(sessionCookieName(scope)).toBe("__Secure-cbc_session");
    expect(sessionCookie(scope, "abc", 5)).toContain("Path=/console;");
    expect(sessionCookie({ secure: false, basePath: "/console" }, "abc", 5)).toContain(
      "cbc_session=abc; Path=/console;",
    );
  });

  it("deletes with Max-Age=0 under the same name and path", () => {
    expect(clearedSessionCookie({ secure: true, basePath: "" })).toBe(
      "__Host-cbc_session=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax; Secure",
    );
  });

  it("believes X-Forwarded-Proto only behind a trusted proxy", () => {
    const forwarded = req("http://console.local/api", { "x-forwarded-proto": "https" });
    expect(isHttps(forwarded, true)).toBe(true);
    expect(isHttps(forwarded, false)).toBe(false);
    expect(isHttps(req("https://console.local/api"), false)).toBe(true);
    expect(isHttps(req("https://c/", { "x-forwarded-proto": "http" }), true)).toBe(false);
  });

  it("reads only the cookie named for the request's scheme", () => {
    const cookies = { cookie: "locale=zh; cbc_session=plain; __Host-cbc_session=secure" };
    expect(readSessionId(req("http://c/", cookies), { secure: false, basePath: "" })).toBe("plain");
    expect(readSessionId(req("https://c/", cookies), { secure: true, basePath: "" })).toBe(
      "secure",
    );
    expect(
      readSessionId(req("http://c/", { cookie: "x=1" }), { secure: false, basePath: "" }),
    ).toBe(undefined);
  });
});

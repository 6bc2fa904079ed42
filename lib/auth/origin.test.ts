import { describe, expect, it } from "vitest";
import { isSameOriginRequest, requestOrigin } from "./origin";

const options = { allowedOrigins: ["https://portal.example.com"], trustProxy: false };

function req(method: string, headers: Record<string, string>, url = "http://localhost:3100/api/x") {
  return { method, url, headers: new Headers({ host: "localhost:3100", ...headers }) };
}

describe("same-origin check", () => {
  it("lets safe methods through whatever their origin", () => {
    expect(isSameOriginRequest(req("GET", { origin: "https://evil.example" }), options)).toBe(true);
  });

  it("accepts a change from the console's own origin", () => {
    expect(isSameOriginRequest(req("POST", { origin: "http://localhost:3100" }), options)).toBe(
      true,
    );
  });

  it("accepts a configured origin and refuses any other", () => {
    expect(
      isSameOriginRequest(req("POST", { origin: "https://portal.example.com" }), options),
    ).toBe(true);
    expect(isSameOriginRequest(req("POST", { origin: "https://evil.example" }), options)).toBe(
      false,
    );
    expect(isSameOriginRequest(req("DELETE", { origin: "http://localhost:3101" }), options)).toBe(
      false,
    );
  });

  it("refuses the opaque null origin", () => {
    expect(isSameOriginRequest(req("POST", { origin: "null" }), options)).toBe(false);
  });

  it("falls back to Sec-Fetch-Site without Origin, and fails closed with neither", () => {
    expect(isSameOriginRequest(req("POST", { "sec-fetch-site": "same-origin" }), options)).toBe(
      true,
    );
    expect(isSameOriginRequest(req("POST", { "sec-fetch-site": "same-site" }), options)).toBe(
      false,
    );
    expect(isSameOriginRequest(req("POST", { "sec-fetch-site": "cross-site" }), options)).toBe(
      false,
    );
    expect(isSameOriginRequest(req("PUT", {}), options)).toBe(false);
  });

  it("uses forwarded host and scheme only behind a trusted proxy", () => {
    const forwarded = req("POST", {
      origin: "https://backup.example.com",
      "x-forwarded-proto": "https",
      "x-forwarded-host": "backup.example.com",
    });
    expect(requestOrigin(forwarded, true)).toBe("https://backup.example.com");
    expect(isSameOriginRequest(forwarded, { allowedOrigins: [], trustProxy: true })).toBe(true);
    expect(isSameOriginRequest(forwarded, { allowedOrigins: [], trustProxy: false })).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { portalLinkFrom } from "./portal";

describe("portalLinkFrom", () => {
  it("is absent without PORTAL_URL", () => {
    expect(portalLinkFrom({})).toBeNull();
    expect(portalLinkFrom({ PORTAL_URL: "  ", PORTAL_NAME: "Ops portal" })).toBeNull();
  });

  it("takes an http(s) URL and an optional name", () => {
    expect(portalLinkFrom({ PORTAL_URL: "https://portal.example.corp/ops" })).toEqual({
      url: "https://portal.example.corp/ops",
      name: undefined,
    });
    expect(
      portalLinkFrom({ PORTAL_URL: "http://portal.local/", PORTAL_NAME: " 运维门户 " }),
    ).toEqual({ url: "http://portal.local/", name: "运维门户" });
  });

  it("hides the link for anything that could run a script or is not a URL", () => {
    for (const url of [
      "javascript:alert(1)",
      "data:text/html,x",
      "//portal",
      "portal.corp",
      "ftp://x",
    ]) {
      expect(portalLinkFrom({ PORTAL_URL: url }), url).toBeNull();
    }
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeNextPath } from "./next-path";

describe("safeNextPath", () => {
  it("keeps a same-site path with its query", () => {
    expect(safeNextPath("/backups?status=error&page=2")).toBe("/backups?status=error&page=2");
    expect(safeNextPath("/policies/abc")).toBe("/policies/abc");
  });

  it.each([
    "//evil.example",
    "//evil.example/backups",
    "/\\evil.example",
    "https://evil.example/",
    "http:/evil.example",
    "javascript:alert(1)",
    "evil.example",
    "backups",
    "/\t/evil.example",
    "/%0a/x\n",
    "",
  ])("refuses %j", (next) => {
    expect(safeNextPath(next)).toBe("/");
  });

  it("falls back for a missing value and for the login page itself", () => {
    expect(safeNextPath(null)).toBe("/");
    expect(safeNextPath(undefined)).toBe("/");
    expect(safeNextPath("/login?next=/backups")).toBe("/");
  });

  it("drops a base path the router would add again", () => {
    expect(safeNextPath("/console/backups?x=1", "/console")).toBe("/backups?x=1");
    expect(safeNextPath("/console", "/console")).toBe("/");
    expect(safeNextPath("/consoles", "/console")).toBe("/consoles");
  });

  it("never answers anything but a single-slash path", () => {
    fc.assert(
      fc.property(fc.string(), (next) => {
        const path = safeNextPath(next);
        expect(path.startsWith("/")).toBe(true);
        expect(path.startsWith("//")).toBe(false);
        expect(path.startsWith("/\\")).toBe(false);
        expect(new URL(path, "http://console.invalid").origin).toBe("http://console.invalid");
      }),
    );
  });
});

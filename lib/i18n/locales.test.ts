import { describe, expect, it } from "vitest";
import { localeCookie, negotiateLocale } from "./locales";

describe("negotiateLocale", () => {
  it("prefers the remembered cookie", () => {
    expect(negotiateLocale("zh", "en-US,en;q=0.9")).toBe("zh");
    expect(negotiateLocale("en", "zh-CN")).toBe("en");
  });

  it("ignores an unknown cookie value and falls back to Accept-Language", () => {
    expect(negotiateLocale("fr", "zh-CN,zh;q=0.9,en;q=0.8")).toBe("zh");
    expect(negotiateLocale("<script>", "de-DE,en;q=0.5")).toBe("en");
  });

  it("falls back to English", () => {
    expect(negotiateLocale(undefined, undefined)).toBe("en");
    expect(negotiateLocale(undefined, "de-DE,*;q=0.1")).toBe("en");
  });
});

describe("localeCookie", () => {
  it("remembers for a year, scoped to the base path", () => {
    expect(localeCookie("zh")).toBe("locale=zh; Path=/; Max-Age=31536000; SameSite=Lax");
    expect(localeCookie("en", "/console")).toContain("Path=/console;");
  });
});

import { describe, expect, it } from "vitest";
import { formatGigabytes, formatMegabytes, shortId } from "./format";

describe("sizes", () => {
  it("picks the unit a person would use", () => {
    expect(formatMegabytes("en", 512)).toBe("512 MB");
    expect(formatMegabytes("en", 1536)).toBe("1.5 GB");
    expect(formatMegabytes("en", 3 * 1024 * 1024)).toBe("3 TB");
    expect(formatMegabytes("en", undefined)).toBe("—");
    expect(formatGigabytes("en", 40)).toBe("40 GB");
  });
  it("shortens UUIDs but not short ids", () => {
    expect(shortId("0b5b2e6c-6a3c-4c1e-9d32-7d2b1f2d9a10")).toBe("0b5b2e6c…");
    expect(shortId("abc")).toBe("abc");
  });
});

import { describe, expect, it } from "vitest";
import { frameContextOf } from "./frame-context";

const h = (values: Record<string, string>) => new Headers(values);

describe("frameContextOf", () => {
  it("is a tab of its own for documents and for browsers without Fetch Metadata", () => {
    expect(frameContextOf(h({}))).toBe("top");
    expect(
      frameContextOf(h({ "sec-fetch-dest": "document", "sec-fetch-site": "cross-site" })),
    ).toBe("top");
  });

  it("tells a same-site portal frame from a cross-site one", () => {
    for (const site of ["same-origin", "same-site", "none"]) {
      expect(frameContextOf(h({ "sec-fetch-dest": "iframe", "sec-fetch-site": site }))).toBe(
        "same-site-frame",
      );
    }
    expect(frameContextOf(h({ "Sec-Fetch-Dest": "IFRAME", "Sec-Fetch-Site": "cross-site" }))).toBe(
      "cross-site-frame",
    );
  });
});

import { describe, expect, it } from "vitest";
import { listStateOf } from "./list-state-of";

describe("listStateOf", () => {
  it("shows the error only when there is nothing else to show", () => {
    expect(listStateOf({ isError: true, data: undefined }, false)).toBe("error");
    expect(listStateOf({ isError: true, data: { items: [1] } }, false)).toBe("ready");
    expect(listStateOf({ isError: true, data: { items: [] } }, true)).toBe("empty");
  });
  it("is loading until the first data, then empty or ready", () => {
    expect(listStateOf({ isError: false, data: undefined }, true)).toBe("loading");
    expect(listStateOf({ isError: false, data: { items: [] } }, true)).toBe("empty");
    expect(listStateOf({ isError: false, data: { items: [1] } }, false)).toBe("ready");
  });
});

import { describe, expect, it } from "vitest";
import { firstOf, overviewQuotas, overviewTiles } from "./overview-model";

describe("overviewTiles", () => {
  it("folds each waiting state into its running tile and counts every status once", () => {
    const tiles = overviewTiles({
      counts: [
        { status: "available", count: 7 },
        { status: "waiting_protect", count: 2 },
        { status: "protecting", count: 3 },
        { status: "deleting", count: 1 },
        { status: "error", count: 0 },
      ],
    });
    expect(tiles.map((t) => [t.status, t.count])).toEqual([
      ["available", 7],
      ["protecting", 5],
      ["restoring", 0],
      ["deleting", 1],
      ["error", 0],
    ]);
    expect(tiles.find((t) => t.status === "protecting")?.href).toBe("/backups?status=protecting");
  });

  it("raises the alarm on the error tile only when something failed", () => {
    const alarming = (count: number) =>
      overviewTiles({ counts: [{ status: "error", count }] }).filter((t) => t.alarming);
    expect(alarming(0)).toEqual([]);
    expect(alarming(3).map((t) => t.status)).toEqual(["error"]);
  });
});

describe("overviewQuotas", () => {
  it("picks the backups and capacity quotas and leaves out what is missing", () => {
    const backups = { type: "backups", quota: 100, used: 4 };
    expect(overviewQuotas({ quotas: [backups] })).toEqual({ backups, capacity: undefined });
  });
});

describe("firstOf", () => {
  it("says how many items are left out", () => {
    expect(firstOf([1, 2, 3, 4, 5, 6, 7], 5)).toEqual({ items: [1, 2, 3, 4, 5], more: 2 });
    expect(firstOf([1], 5)).toEqual({ items: [1], more: 0 });
  });
});

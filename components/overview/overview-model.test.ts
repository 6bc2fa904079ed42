import { describe, expect, it } from "vitest";
import { firstOf, overviewQuotas, overviewTiles } from "./overview-model";

describe("overviewTiles", () => {
  it("folds each waiting state into its running tile and counts every status once", () => {
    const tiles = overviewTiles({
      counts: [
        { service: "csbs", status: "available", count: 7 },
        { service: "csbs", status: "waiting_protect", count: 2 },
        { service: "csbs", status: "protecting", count: 3 },
        { service: "csbs", status: "deleting", count: 1 },
        { service: "csbs", status: "error", count: 0 },
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

  it("adds both services, names each share, and opens the larger one's list", () => {
    const tiles = overviewTiles({
      counts: [
        { service: "csbs", status: "available", count: 2 },
        { service: "csbs", status: "error", count: 1 },
        { service: "cbr", status: "available", count: 5 },
        { service: "cbr", status: "protecting", count: 0 },
      ],
    });
    const available = tiles.find((t) => t.status === "available");
    expect(available?.count).toBe(7);
    expect(available?.parts).toEqual([
      { service: "cbr", count: 5 },
      { service: "csbs", count: 2 },
    ]);
    expect(available?.href).toBe("/backups?service=cbr&status=available");
    expect(tiles.find((t) => t.status === "error")?.href).toBe("/backups?status=error");
    // CBR's status filter repeats: a folded tile opens all its states at once.
    const cbrOnly = overviewTiles({
      counts: [{ service: "cbr", status: "protecting", count: 2 }],
    });
    expect(cbrOnly.find((t) => t.status === "protecting")?.href).toBe(
      "/backups?service=cbr&status=waiting_protect&status=protecting",
    );
    // A tenant without CSBS: even an empty tile opens CBR's list.
    expect(cbrOnly.find((t) => t.status === "error")?.href).toBe(
      "/backups?service=cbr&status=error",
    );
  });

  it("raises the alarm on the error tile only when something failed", () => {
    const alarming = (count: number) =>
      overviewTiles({ counts: [{ service: "cbr", status: "error", count }] }).filter(
        (t) => t.alarming,
      );
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

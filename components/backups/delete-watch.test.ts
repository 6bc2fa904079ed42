import { afterEach, describe, expect, it } from "vitest";
import { type Announcement, subscribeAnnouncements } from "@/lib/a11y/announcer";
import {
  type DeleteWords,
  deleteStateOf,
  deleteSummary,
  type ProbeResult,
  START_GRACE_PROBES,
  type WatchedBackup,
  wasDeletedHere,
  watchDeletes,
} from "./delete-watch";

const words: DeleteWords = {
  deletedOne: (name) => `Backup ${name} deleted.`,
  deletedMany: (count) => `${count} backups deleted.`,
  failedOne: (name) => `Delete of backup ${name} failed.`,
  failedSome: (failed, count, names) => `${failed} of ${count} deletes failed: ${names}.`,
};

const backup = (id: string, service: "csbs" | "cbr" = "cbr"): WatchedBackup => ({
  id,
  service,
  name: `n-${id}`,
  from: "available",
});

describe("deleteStateOf", () => {
  const fresh = { running: false, probes: 0, from: "available" };
  it("is deleted when the backup is gone (CBR) or says deleted (CSBS)", () => {
    expect(deleteStateOf({ kind: "gone" }, fresh)).toBe("deleted");
    expect(deleteStateOf({ kind: "status", status: "deleted" }, fresh)).toBe("deleted");
  });
  it("waits while the delete runs, or the cloud has no answer", () => {
    expect(deleteStateOf({ kind: "status", status: "waiting_delete" }, fresh)).toBe("pending");
    expect(deleteStateOf({ kind: "status", status: "deleting" }, fresh)).toBe("pending");
    expect(deleteStateOf({ kind: "unknown" }, { ...fresh, running: true })).toBe("pending");
  });
  it("gives a cloud a few looks to start before an unchanged status means failure", () => {
    const available: ProbeResult = { kind: "status", status: "available" };
    expect(deleteStateOf(available, fresh)).toBe("pending");
    expect(deleteStateOf(available, { ...fresh, probes: START_GRACE_PROBES })).toBe("failed");
    expect(deleteStateOf(available, { ...fresh, running: true })).toBe("failed");
    expect(deleteStateOf({ kind: "status", status: "error" }, fresh)).toBe("failed");
  });
});

describe("deleteSummary", () => {
  it("names one backup, counts several, and makes failures assertive", () => {
    expect(deleteSummary({ deleted: [backup("a")], failed: [] }, words)).toEqual({
      message: "Backup n-a deleted.",
      politeness: "polite",
    });
    expect(deleteSummary({ deleted: [backup("a"), backup("b")], failed: [] }, words)?.message).toBe(
      "2 backups deleted.",
    );
    expect(deleteSummary({ deleted: [], failed: [backup("a")] }, words)).toEqual({
      message: "Delete of backup n-a failed.",
      politeness: "assertive",
    });
    expect(deleteSummary({ deleted: [backup("a")], failed: [backup("b")] }, words)?.message).toBe(
      "1 of 2 deletes failed: n-b.",
    );
    expect(deleteSummary({ deleted: [], failed: [] }, words)).toBeNull();
  });
});

describe("watchDeletes", () => {
  let heard: Announcement[] = [];
  let stopListening = () => {};
  afterEach(() => stopListening());

  /** A manual clock: timers run only when the test says so. */
  function manualTimers() {
    const queue: (() => void)[] = [];
    return {
      setTimer: (fn: () => void) => {
        queue.push(fn);
        return queue.length;
      },
      clearTimer: () => {
        queue.length = 0;
      },
      async step() {
        const fn = queue.shift();
        fn?.();
        // Let the tick's probes settle.
        for (let i = 0; i < 10; i++) await Promise.resolve();
      },
    };
  }

  function listen() {
    heard = [];
    stopListening = subscribeAnnouncements((a) => heard.push(a));
  }

  it("announces once, when every backup of the batch has finished", async () => {
    listen();
    const timers = manualTimers();
    const looks: Record<string, ProbeResult[]> = {
      a: [{ kind: "status", status: "deleting" }, { kind: "gone" }],
      b: [
        { kind: "status", status: "waiting_delete" },
        { kind: "unknown" },
        { kind: "status", status: "deleting" },
        { kind: "gone" },
      ],
    };
    let settled = 0;
    watchDeletes([backup("a"), backup("b")], {
      probe: async (b) => looks[b.id]?.shift() ?? { kind: "unknown" },
      words,
      onSettled: () => settled++,
      ...timers,
    });
    for (let i = 0; i < 3; i++) await timers.step();
    expect(heard).toEqual([]);
    await timers.step();
    expect(heard.map((a) => [a.message, a.politeness])).toEqual([["2 backups deleted.", "polite"]]);
    expect(settled).toBe(1);
    expect(wasDeletedHere("a")).toBe(true);
    await timers.step();
    expect(heard).toHaveLength(1);
  });

  it("says a failure assertively, and nothing after being stopped", async () => {
    listen();
    const timers = manualTimers();
    watchDeletes([backup("c", "csbs")], {
      probe: async () => ({ kind: "status", status: "error" }),
      words,
      ...timers,
    });
    await timers.step();
    expect(heard.map((a) => [a.message, a.politeness])).toEqual([
      ["Delete of backup n-c failed.", "assertive"],
    ]);

    heard = [];
    const stop = watchDeletes([backup("d")], {
      probe: async () => ({ kind: "gone" }),
      words,
      ...timers,
    });
    stop();
    await timers.step();
    expect(heard).toEqual([]);
  });

  it("gives up silently on a cloud that never answers", async () => {
    listen();
    const timers = manualTimers();
    let settled = 0;
    watchDeletes([backup("e")], {
      probe: async () => {
        throw new Error("offline");
      },
      words,
      maxProbes: 3,
      onSettled: () => settled++,
      ...timers,
    });
    for (let i = 0; i < 5; i++) await timers.step();
    expect(heard).toEqual([]);
    expect(settled).toBe(1);
    expect(wasDeletedHere("e")).toBe(false);
  });
});

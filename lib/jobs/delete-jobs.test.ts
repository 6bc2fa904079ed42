import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it, vi } from "vitest";
import { backupKeys } from "@/lib/api/backups";
import { createTranslator } from "@/lib/i18n/translate";
import {
  DELETE_MAX_LOOKS,
  type DeleteLook,
  type DeleteTarget,
  deleteJob,
  deleteStateOf,
  deletesOutcome,
  nextLook,
  type ProbeResult,
  START_GRACE_PROBES,
  wasDeletedHere,
} from "./delete-jobs";
import { afterJobsEnded, pollJobs } from "./job-polling";
import { jobEndedAnnouncement, joinSentences } from "./job-words";
import type { WatchedJob } from "./jobs";

const target = (id: string, service: "csbs" | "cbr" = "cbr"): DeleteTarget => ({
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

describe("nextLook", () => {
  it("counts the looks and remembers that the delete was seen running", () => {
    const first = nextLook(target("a"), undefined, { kind: "status", status: "deleting" });
    expect(first).toEqual({ running: true, probes: 1, state: "pending" });
    // Back to its old status after it ran: refused.
    expect(nextLook(target("a"), first, { kind: "status", status: "available" }).state).toBe(
      "failed",
    );
  });
  it("gives a backup up after the last look that found nothing", () => {
    let look: DeleteLook | undefined;
    for (let i = 0; i < 3; i++) look = nextLook(target("a"), look, { kind: "unknown" }, 3);
    expect(look).toEqual({ running: false, probes: 3, state: "given-up" });
    expect(nextLook(target("a"), undefined, { kind: "unknown" }).state).toBe("pending");
    expect(DELETE_MAX_LOOKS).toBeGreaterThan(START_GRACE_PROBES);
  });
});

describe("deletesOutcome", () => {
  const look = (state: DeleteLook["state"]): DeleteLook => ({ running: true, probes: 1, state });
  it("runs while a backup is pending or not looked at yet, then names each end", () => {
    const targets = [target("a"), target("b"), target("c")];
    expect(deletesOutcome(targets, new Map([["a", look("deleted")]]))).toEqual({
      state: "running",
    });
    expect(
      deletesOutcome(
        targets,
        new Map([
          ["a", look("deleted")],
          ["b", look("failed")],
          ["c", look("given-up")],
        ]),
      ),
    ).toEqual({ state: "settled", deleted: ["n-a"], failed: ["n-b"] });
  });
});

describe("deleteJob", () => {
  it("keeps each backup's id, service, name (or id) and the status it had", () => {
    expect(
      deleteJob([
        { id: "b1", service: "csbs", status: "available", name: "web" },
        { id: "b2", service: "csbs", status: "error", name: "" },
      ]),
    ).toEqual({
      kind: "delete",
      subject: "web, b2",
      source: {
        service: "backups",
        backups: [
          { id: "b1", service: "csbs", name: "web", from: "available" },
          { id: "b2", service: "csbs", name: "b2", from: "error" },
        ],
      },
    });
  });
});

describe("delete words", () => {
  const en = createTranslator("en");
  const zh = createTranslator("zh");
  const job = { kind: "delete" as const, subject: "" };
  const said = (deleted: string[], failed: string[], t = en) =>
    jobEndedAnnouncement(t, job, { state: "settled", deleted, failed });

  it("names one backup, counts several, and makes failures assertive", () => {
    expect(said(["n-a"], [])).toEqual({ message: "Backup n-a deleted.", politeness: "polite" });
    expect(said(["n-a", "n-b"], [])?.message).toBe("2 backups deleted.");
    expect(said([], ["n-a"])).toEqual({
      message: "Delete of backup n-a failed.",
      politeness: "assertive",
    });
    expect(said(["n-a"], ["n-b"])?.message).toBe("1 of 2 deletes failed: n-b.");
    expect(said(["n-a", "n-b"], [], zh)?.message).toBe("已删除 2 个备份。");
  });
  it("says nothing when every backup was given up, or while the delete runs", () => {
    expect(said([], [])).toBeNull();
    expect(jobEndedAnnouncement(en, job, { state: "running" })).toBeNull();
  });
});

describe("joinSentences", () => {
  it("ends each sentence once", () => {
    expect(joinSentences(["Backup of web-01 finished"])).toBe("Backup of web-01 finished");
    expect(joinSentences(["2 backups deleted.", "Backup of web-01 finished"])).toBe(
      "2 backups deleted. Backup of web-01 finished",
    );
    expect(joinSentences(["Backup of a finished", "已删除 2 个备份。", "x"])).toBe(
      "Backup of a finished. 已删除 2 个备份。 x",
    );
  });
});

describe("polling a delete job", () => {
  const watched = (id: string, backups: DeleteTarget[]): WatchedJob => ({
    id,
    kind: "delete",
    subject: backups.map((b) => b.name).join(", "),
    source: { service: "backups", backups },
    startedAt: 0,
  });

  it("looks at the pending backups each tick and settles when the last one has ended", async () => {
    const client = new QueryClient();
    const looks: Record<string, ProbeResult[]> = {
      a: [{ kind: "status", status: "deleting" }, { kind: "gone" }],
      b: [
        { kind: "status", status: "waiting_delete" },
        { kind: "unknown" },
        { kind: "status", status: "deleting" },
        { kind: "gone" },
      ],
    };
    const asked: string[] = [];
    const look = async (t: DeleteTarget) => {
      asked.push(t.id);
      return looks[t.id]?.shift() ?? { kind: "unknown" };
    };
    const job = watched("poll-1", [target("a"), target("b")]);
    for (let i = 0; i < 3; i++) {
      expect((await pollJobs(client, [job], 0, look)).get(job.id)).toEqual({ state: "running" });
    }
    expect(wasDeletedHere("a")).toBe(true);
    expect(wasDeletedHere("b")).toBe(false);
    expect((await pollJobs(client, [job], 0, look)).get(job.id)).toEqual({
      state: "settled",
      deleted: ["n-a", "n-b"],
      failed: [],
    });
    // "a" was not asked again once it was gone.
    expect(asked.join("")).toBe("ababbb");
    expect(wasDeletedHere("b")).toBe(true);
  });

  it("treats a look that throws as no answer, and a refused delete as failed", async () => {
    const client = new QueryClient();
    const job = watched("poll-2", [target("e", "csbs")]);
    const offline = async (): Promise<ProbeResult> => {
      throw new Error("offline");
    };
    expect((await pollJobs(client, [job], 0, offline)).get(job.id)).toEqual({ state: "running" });
    expect(wasDeletedHere("e")).toBe(false);
    const refused = async (): Promise<ProbeResult> => ({ kind: "status", status: "error" });
    expect((await pollJobs(client, [job], 0, refused)).get(job.id)).toEqual({
      state: "settled",
      deleted: [],
      failed: ["n-e"],
    });
  });

  it("refreshes the backup lists when a delete job ends, not for other jobs", () => {
    const client = new QueryClient();
    const invalidate = vi.spyOn(client, "invalidateQueries").mockResolvedValue();
    afterJobsEnded(client, [
      { ...watched("x", []), kind: "backup", source: { service: "cbr", checkpointId: "k" } },
    ]);
    expect(invalidate).not.toHaveBeenCalled();
    afterJobsEnded(client, [watched("poll-1", [target("a")])]);
    expect(invalidate).toHaveBeenCalledWith({ queryKey: backupKeys.all });
  });
});

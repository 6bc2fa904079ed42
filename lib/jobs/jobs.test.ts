import { describe, expect, it, vi } from "vitest";
import { createTranslator } from "@/lib/i18n/translate";
import { jobEndedAnnouncement, jobStartedText } from "./job-words";
import {
  checkpointOutcome,
  csbsOutcome,
  PARTIAL_RUN_AFTER_MS,
  subscribeJobs,
  unwatchJob,
  watchedJobs,
  watchJob,
} from "./jobs";

const job = (checkpointIds: string[], expected: number, startedAt = 0) => ({
  startedAt,
  source: { service: "csbs" as const, checkpointIds, expected },
});

describe("csbsOutcome", () => {
  it("runs until the job's backup is listed, then while it runs", () => {
    expect(
      csbsOutcome(job(["c1"], 1), [{ checkpointId: "other", status: "available" }], 5),
    ).toEqual({ state: "running" });
    expect(csbsOutcome(job(["c1"], 1), [{ checkpointId: "c1", status: "protecting" }], 5)).toEqual({
      state: "running",
    });
    expect(csbsOutcome(job(["c1"], 1), [{ checkpointId: "c1", status: "available" }], 5)).toEqual({
      state: "finished",
    });
  });

  it("waits for every backup of the job, and names the server whose backup failed", () => {
    const backups = [
      { checkpointId: "c1", serverName: "web-01", status: "available" },
      { checkpointId: "c2", serverName: "db-01", status: "error", failReason: "disk busy" },
      { checkpointId: "c3", serverName: "app-01", status: "protecting" },
    ];
    expect(csbsOutcome(job(["c1", "c2", "c3"], 3), backups, 5)).toEqual({ state: "running" });
    expect(csbsOutcome(job(["c1", "c2"], 2), backups, 5)).toEqual({
      state: "failed",
      reason: "db-01: disk busy",
    });
    expect(csbsOutcome(job(["c2"], 1), backups, 5)).toEqual({
      state: "failed",
      reason: "disk busy",
    });
  });

  it("takes the backups a run made as the whole run once the run is old enough", () => {
    const backups = [{ checkpointId: "p1", status: "available" }];
    expect(csbsOutcome(job(["p1"], 3), backups, PARTIAL_RUN_AFTER_MS - 1)).toEqual({
      state: "running",
    });
    expect(csbsOutcome(job(["p1"], 3), backups, PARTIAL_RUN_AFTER_MS)).toEqual({
      state: "finished",
    });
  });
});

describe("checkpointOutcome", () => {
  it("reads a CBR checkpoint's status", () => {
    expect(checkpointOutcome("protecting")).toEqual({ state: "running" });
    expect(checkpointOutcome("available")).toEqual({ state: "finished" });
    expect(checkpointOutcome("error", "quota")).toEqual({ state: "failed", reason: "quota" });
  });
});

describe("the job store", () => {
  it("tells its watcher when a job comes and goes", () => {
    const listener = vi.fn();
    const stop = subscribeJobs(listener);
    const id = watchJob({
      kind: "vaultBackup",
      subject: "vault-1",
      source: { service: "cbr", checkpointId: "k1" },
    });
    expect(watchedJobs().map((j) => j.subject)).toEqual(["vault-1"]);
    unwatchJob(id);
    unwatchJob(id);
    stop();
    expect(watchedJobs()).toEqual([]);
    expect(listener).toHaveBeenCalledTimes(2);
  });
});

describe("job words", () => {
  const en = createTranslator("en");
  const zh = createTranslator("zh");
  const backup = { kind: "backup" as const, subject: "web-01" };

  it("says a job started and how it ended, in both languages", () => {
    expect(jobStartedText(en, "backup", "web-01")).toBe("Backup of web-01 started");
    expect(jobStartedText(zh, "policyRun", "daily")).toBe("备份策略 daily 已开始执行");
    expect(jobEndedAnnouncement(en, backup, { state: "finished" })).toEqual({
      message: "Backup of web-01 finished",
      politeness: "polite",
    });
    expect(jobEndedAnnouncement(zh, backup, { state: "failed", reason: "磁盘忙" })).toEqual({
      message: "web-01 的备份失败：磁盘忙",
      politeness: "assertive",
    });
  });

  it("says nothing while the job runs, and says so when the cloud gave no reason", () => {
    expect(jobEndedAnnouncement(en, backup, { state: "running" })).toBeNull();
    expect(
      jobEndedAnnouncement(
        en,
        { kind: "vaultBackup", subject: "v" },
        { state: "failed", reason: undefined },
      )?.message,
    ).toBe("Backup of vault v failed: no reason given");
  });
});

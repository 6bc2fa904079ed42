import { describe, expect, it } from "vitest";
import { parseCsbsPattern } from "../../schedule";
import { createRng } from "../rng";
import { seedCompute } from "../seed/compute";
import type { ProjectState } from "../state";
import { emptyCsbsState } from "./empty";
import { seedCsbs } from "./seed";
import { CSBS_STATUSES } from "./types";

const now = new Date("2026-11-22T08:00:00.000Z");

function project(scale: "normal" | "large"): ProjectState {
  const compute = seedCompute("eu-west-0", createRng("t/compute"), now, scale);
  return {
    id: "p",
    name: "eu-west-0",
    servers: compute.servers,
    volumes: compute.volumes,
    csbs: emptyCsbsState(),
    cbr: {} as ProjectState["cbr"],
  };
}

describe("seedCsbs", () => {
  const p = project("normal");
  const csbs = seedCsbs(p, createRng("t/csbs"), now);

  it("is deterministic", () => {
    expect(seedCsbs(project("normal"), createRng("t/csbs"), now)).toEqual(csbs);
  });

  it("seeds a handful of valid policies: schedules, retention rules, enabled states", () => {
    expect(csbs.policies.length).toBeGreaterThanOrEqual(4);
    for (const policy of csbs.policies) {
      expect(parseCsbsPattern(policy.operation.pattern).ok).toBe(true);
    }
    expect(new Set(csbs.policies.map((x) => x.operation.enabled))).toEqual(new Set([true, false]));
    expect(csbs.policies.some((x) => x.operation.permanent)).toBe(true);
    expect(csbs.policies.some((x) => (x.operation.maxBackups ?? 0) > 0)).toBe(true);
    expect(csbs.policies.some((x) => (x.operation.retentionDurationDays ?? 0) > 0)).toBe(true);
    const members = csbs.policies.flatMap((x) => x.resources.map((r) => r.id));
    expect(new Set(members).size).toBe(members.length);
  });

  it("seeds a few hundred backups over 30 days in every status", () => {
    expect(csbs.items.length).toBeGreaterThanOrEqual(200);
    expect(new Set(csbs.items.map((i) => i.status))).toEqual(new Set(CSBS_STATUSES));
    const oldest = Date.parse(csbs.items[0]?.createdAt ?? "");
    expect(now.getTime() - oldest).toBeLessThanOrEqual(30 * 86_400_000 + 60_000);
    expect(now.getTime() - oldest).toBeGreaterThan(25 * 86_400_000);
    const sorted = [...csbs.items].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    expect(csbs.items.map((i) => i.createdAt)).toEqual(sorted.map((i) => i.createdAt));
  });

  it("gives failed backups a reason and every backup one volume backup per disk", () => {
    for (const item of csbs.items) {
      if (item.status === "error") {
        expect(item.failReason).not.toBe("");
        expect(item.failCode?.Code).toBeTruthy();
      }
      const server = p.servers.find((s) => s.id === item.resourceId);
      const disks = server?.volumeIds ?? [];
      // The disks of the server at the time: older backups may lack the newest data disk.
      const old = Date.parse(item.createdAt) < now.getTime() - 21 * 86_400_000;
      const expected = old && disks.length >= 3 ? disks.slice(0, -1) : disks;
      expect(item.volumeBackups.map((v) => v.sourceVolumeId)).toEqual(expected);
      expect(item.volumeBackups.filter((v) => v.bootable)).toHaveLength(1);
    }
  });

  it("mixes manual and automatic, full and incremental; transitional ones have tasks", () => {
    expect(new Set(csbs.items.map((i) => i.autoTrigger))).toEqual(new Set([true, false]));
    expect(new Set(csbs.items.map((i) => i.incremental))).toEqual(new Set([true, false]));
    for (const item of csbs.items) {
      const transitional = !["available", "error", "deleted"].includes(item.status);
      expect(item.task !== null, item.status).toBe(transitional);
    }
    for (const r of csbs.restores) {
      expect(csbs.items.find((i) => i.task?.restoreId === r.id)).toBeDefined();
    }
  });

  it("seeds about 10,000 backups for a large project", () => {
    const large = project("large");
    expect(large.servers.length).toBeGreaterThan(400);
    const big = seedCsbs(large, createRng("t/csbs"), now);
    expect(big.items.length).toBe(10_000);
    expect(big.quotas.backups).toBeGreaterThan(10_000);
  });
});

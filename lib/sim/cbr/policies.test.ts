import { describe, expect, it } from "vitest";
import { createRng } from "../rng";
import { fixtureNow, fixtureProject } from "./fixture";
import { catchUpCbr } from "./lifecycle";

const durations = { protectMs: 10_000, restoreMs: 5_000, deleteMs: 1_000, tickMs: 100 };

function env() {
  let n = 0;
  return {
    rand: createRng("policy-test"),
    newId: () => `bbbbbbbb-0000-4000-8000-${String(++n).padStart(12, "0")}`,
  };
}

describe("vault policies", () => {
  it("back up the whole vault at the pattern's UTC instant, once per run", () => {
    const project = fixtureProject();
    const vault = project.cbr.vaults.find((v) => v.policyId !== null);
    if (!vault) throw new Error("fixture");
    expect(vault.policyPattern).toEqual(["FREQ=DAILY;INTERVAL=1;BYHOUR=2;BYMINUTE=00"]);
    const e = env();
    const before = project.cbr.checkpoints.length;

    catchUpCbr(project, new Date("2026-11-21T01:59:00Z"), durations, e);
    expect(project.cbr.checkpoints.length).toBe(before);

    catchUpCbr(project, new Date("2026-11-21T02:00:05Z"), durations, e);
    expect(project.cbr.checkpoints.length).toBe(before + 1);
    const checkpoint = project.cbr.checkpoints.at(-1);
    expect(checkpoint).toMatchObject({
      vaultId: vault.id,
      autoTrigger: true,
      createdAt: "2026-11-21T02:00:00.000Z",
      status: "protecting",
    });
    expect(checkpoint?.name).toMatch(/^autobk_[0-9a-f]{4}$/);
    expect(checkpoint?.resources.map((r) => r.id)).toEqual(vault.resources.map((r) => r.id));
    const logs = project.cbr.operationLogs.filter((l) => l.checkpointId === checkpoint?.id);
    expect(logs.every((l) => l.policyId === vault.policyId)).toBe(true);

    catchUpCbr(project, new Date("2026-11-21T02:00:20Z"), durations, e);
    expect(project.cbr.checkpoints.length).toBe(before + 1);
    expect(checkpoint?.status).toBe("available");
  });

  it("runs a policy missed over several days once, and finishes it if its time is past", () => {
    const project = fixtureProject();
    const before = project.cbr.checkpoints.length;
    catchUpCbr(project, new Date(fixtureNow.getTime() + 3.5 * 86_400_000), durations, env());
    const fired = project.cbr.checkpoints.slice(before).filter((c) => c.autoTrigger);
    expect(fired).toHaveLength(1);
    expect(fired[0]).toMatchObject({ createdAt: "2026-11-23T02:00:00.000Z", status: "available" });
  });

  it("does not fire for a vault without a policy", () => {
    const project = fixtureProject();
    for (const vault of project.cbr.vaults) vault.policyId = null;
    const before = project.cbr.checkpoints.length;
    catchUpCbr(project, new Date(fixtureNow.getTime() + 2 * 86_400_000), durations, env());
    expect(project.cbr.checkpoints.length).toBe(before);
  });
});

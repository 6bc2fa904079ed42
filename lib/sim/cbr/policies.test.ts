import { describe, expect, it } from "vitest";
import { createRng } from "../rng";
import { CbrFailure } from "./errors";
import { fixtureNow, fixtureProject } from "./fixture";
import { catchUpCbr } from "./lifecycle";
import {
  associatePolicy,
  backupPolicyOf,
  createPolicy,
  dissociatePolicy,
  updatePolicy,
} from "./policies";
import type { CbrProject } from "./types";

const durations = { protectMs: 10_000, restoreMs: 5_000, deleteMs: 1_000, tickMs: 100 };

function env() {
  let n = 0;
  return {
    rand: createRng("policy-test"),
    newId: () => `bbbbbbbb-0000-4000-8000-${String(++n).padStart(12, "0")}`,
  };
}
const prodVault = (project: CbrProject) => {
  const vault = project.cbr.vaults.find((v) => v.name === "vault-prod-servers");
  if (!vault) throw new Error("fixture");
  return vault;
};
const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof CbrFailure) return `${error.status} ${error.code}`;
    throw error;
  }
  return "ok";
};
const body = (over: Record<string, unknown> = {}) => ({
  name: "p1",
  operation_type: "backup",
  operation_definition: { max_backups: 3, timezone: "UTC+08:00" },
  trigger: { properties: { pattern: ["FREQ=DAILY;INTERVAL=1;BYHOUR=5;BYMINUTE=00"] } },
  ...over,
});

describe("bound backup policies fire", () => {
  it("back up every resource of the vault at the pattern's UTC instant, once per run", () => {
    const project = fixtureProject();
    const vault = prodVault(project);
    const policy = backupPolicyOf(project.cbr, vault.id);
    expect(policy?.pattern).toEqual(["FREQ=DAILY;INTERVAL=1;BYHOUR=2;BYMINUTE=00"]);
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
    expect(logs).toHaveLength(vault.resources.length);
    expect(logs.every((l) => l.policyId === policy?.id && l.operationType === "backup")).toBe(true);

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

  it("does not fire once dissociated, nor while disabled, and does not make up a disabled span", () => {
    const project = fixtureProject();
    const vault = prodVault(project);
    const policy = backupPolicyOf(project.cbr, vault.id);
    if (!policy) throw new Error("fixture");
    const e = env();
    const before = project.cbr.checkpoints.length;
    dissociatePolicy(project.cbr, vault.id, policy.id);
    catchUpCbr(project, new Date(fixtureNow.getTime() + 2 * 86_400_000), durations, e);
    expect(project.cbr.checkpoints.length).toBe(before);

    associatePolicy(project.cbr, vault.id, policy.id);
    updatePolicy(
      project.cbr,
      policy.id,
      { enabled: false },
      { now: new Date(fixtureNow.getTime() + 2 * 86_400_000) },
    );
    catchUpCbr(project, new Date(fixtureNow.getTime() + 4 * 86_400_000), durations, e);
    expect(project.cbr.checkpoints.length).toBe(before);
    // Enabled again after two days: the disabled days' runs are not made up at once.
    const enabledAt = new Date(fixtureNow.getTime() + 4 * 86_400_000);
    updatePolicy(project.cbr, policy.id, { enabled: true }, { now: enabledAt });
    catchUpCbr(project, new Date(enabledAt.getTime() + 60_000), durations, e);
    expect(project.cbr.checkpoints.length).toBe(before);
  });

  it("a new policy made and bound in the simulator's time fires at its first run", () => {
    const project = fixtureProject();
    const e = env();
    const vault = project.cbr.vaults.find((v) => v.name === "vault-data-disks");
    if (!vault) throw new Error("fixture");
    const policy = createPolicy(project.cbr, body(), { now: fixtureNow, newId: e.newId });
    associatePolicy(project.cbr, vault.id, policy.id);
    const next = new Date(fixtureNow);
    next.setUTCHours(5, 0, 0, 0);
    if (next <= fixtureNow) next.setUTCDate(next.getUTCDate() + 1);
    catchUpCbr(project, new Date(next.getTime() - 1000), durations, e);
    const before = project.cbr.checkpoints.length;
    catchUpCbr(project, new Date(next.getTime() + 1000), durations, e);
    const made = project.cbr.checkpoints.slice(before);
    expect(made).toHaveLength(1);
    expect(made[0]).toMatchObject({ vaultId: vault.id, createdAt: next.toISOString() });
    expect(made[0]?.backupIds).toHaveLength(vault.resources.length);
  });
});

describe("retention", () => {
  it("prunes automatic backups by count after each run, with delete operation logs", () => {
    const project = fixtureProject();
    const vault = prodVault(project);
    const policy = backupPolicyOf(project.cbr, vault.id);
    if (!policy) throw new Error("fixture");
    const e = env();
    updatePolicy(
      project.cbr,
      policy.id,
      { operation_definition: { max_backups: 2, timezone: "UTC+08:00" } },
      { now: fixtureNow },
    );
    const resource = vault.resources[0];
    if (!resource) throw new Error("fixture");
    const autoOf = () =>
      project.cbr.backups.filter(
        (b) => b.vaultId === vault.id && b.resourceId === resource.id && b.autoTrigger,
      );
    expect(autoOf().length).toBeGreaterThan(5);
    catchUpCbr(project, new Date(fixtureNow.getTime() + 86_400_000), durations, e);
    catchUpCbr(project, new Date(fixtureNow.getTime() + 86_400_000 + 60_000), durations, e);
    const left = autoOf();
    expect(left.filter((b) => b.status === "available" || b.status === "protecting")).toHaveLength(
      2,
    );
    const deletes = project.cbr.operationLogs.filter(
      (l) => l.operationType === "delete" && l.resource.id === resource.id,
    );
    expect(deletes.length).toBeGreaterThan(3);
    // Manual backups are not the policy's to prune.
    expect(project.cbr.backups.some((b) => b.vaultId === vault.id && !b.autoTrigger)).toBe(
      project.cbr.backups.some((b) => b.vaultId === vault.id && !b.autoTrigger),
    );
  });
});

describe("binding rules", () => {
  it("one backup policy per vault; dissociating an unbound policy is 6002; unknown ones 6000/6105", () => {
    const project = fixtureProject();
    const e = env();
    const vault = prodVault(project);
    const other = createPolicy(project.cbr, body({ name: "other" }), {
      now: fixtureNow,
      newId: e.newId,
    });
    expect(codeOf(() => associatePolicy(project.cbr, vault.id, other.id))).toBe(
      "400 BackupService.6127",
    );
    expect(codeOf(() => dissociatePolicy(project.cbr, vault.id, other.id))).toBe(
      "404 BackupService.6002",
    );
    expect(
      codeOf(() => associatePolicy(project.cbr, vault.id, "bbbbbbbb-0000-4000-8000-999999999999")),
    ).toBe("404 BackupService.6000");
    expect(
      codeOf(() => associatePolicy(project.cbr, "bbbbbbbb-0000-4000-8000-999999999999", other.id)),
    ).toBe("404 BackupService.6105");
  });

  it("a replication policy needs a destination vault, a backup policy takes none", () => {
    const project = fixtureProject();
    const e = env();
    const vault = project.cbr.vaults.find((v) => v.name === "vault-empty");
    if (!vault) throw new Error("fixture");
    const replication = createPolicy(
      project.cbr,
      body({
        name: "rep",
        operation_type: "replication",
        operation_definition: {
          max_backups: 3,
          timezone: "UTC+08:00",
          destination_region: "eu-nl",
          destination_project_id: "fcf6cb26c3bf4402869792207ad3dce4",
        },
      }),
      { now: fixtureNow, newId: e.newId },
      "eu-west-0",
    );
    expect(codeOf(() => associatePolicy(project.cbr, vault.id, replication.id))).toBe(
      "400 BackupService.9900",
    );
    const backup = createPolicy(project.cbr, body({ name: "b" }), {
      now: fixtureNow,
      newId: e.newId,
    });
    expect(
      codeOf(() =>
        associatePolicy(project.cbr, vault.id, backup.id, "bbbbbbbb-0000-4000-8000-999999999999"),
      ),
    ).toBe("400 BackupService.6127");
    expect(codeOf(() => associatePolicy(project.cbr, vault.id, backup.id))).toBe("ok");
    // A vault holds one backup and one replication policy at once.
    expect(
      codeOf(() =>
        associatePolicy(
          project.cbr,
          vault.id,
          replication.id,
          "bbbbbbbb-0000-4000-8000-999999999999",
        ),
      ),
    ).toBe("ok");
    // The destination region of a bound replication policy cannot change (6003).
    expect(
      codeOf(() =>
        updatePolicy(
          project.cbr,
          replication.id,
          {
            operation_definition: {
              timezone: "UTC+08:00",
              destination_region: "eu-de",
              destination_project_id: "fcf6cb26c3bf4402869792207ad3dce4",
            },
          },
          { now: fixtureNow },
        ),
      ),
    ).toBe("400 BackupService.6003");
  });

  it("refuses the 33rd backup policy (6001) and an unknown type (6117)", () => {
    const project = fixtureProject();
    const e = env();
    const now = { now: fixtureNow, newId: e.newId };
    while (project.cbr.policies.filter((p) => p.operationType === "backup").length < 32) {
      createPolicy(project.cbr, body({ name: `p${project.cbr.policies.length}` }), now);
    }
    expect(codeOf(() => createPolicy(project.cbr, body({ name: "one-more" }), now))).toBe(
      "400 BackupService.6001",
    );
    expect(codeOf(() => createPolicy(project.cbr, body({ operation_type: "archive" }), now))).toBe(
      "400 BackupService.6117",
    );
  });
});

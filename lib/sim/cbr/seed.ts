// The seeded CBR data of a project: a few vaults of both types built from the project's servers
// and volumes, with backups (and their per-disk children), checkpoints and operation logs over
// the last three weeks. Only the PRNG it is given decides anything, so every fresh start is equal.
import { demoUsers } from "../iam/directory";
import { uuidFromRng } from "../ids";
import { resourceTypeOf } from "./constants";
import { cbrErrors } from "./errors";
import {
  backupOperationLog,
  buildBackup,
  type CbrEnv,
  finishOperation,
  hex4,
  requestId,
  serverVolumes,
} from "./operations";
import { associatePolicy, createPolicy } from "./policies";
import type {
  CbrCheckpoint,
  CbrObjectType,
  CbrProject,
  CbrState,
  CbrVault,
  CbrVaultResource,
} from "./types";
import { vaultUsedMb } from "./views";

type SeedProject = Pick<CbrProject, "id" | "servers" | "volumes">;

const hour = 3_600_000;
/** The seeded policy's trigger, in the form of the CBR API reference's own example. */
const dailyAt2 = "FREQ=DAILY;INTERVAL=1;BYHOUR=2;BYMINUTE=00";
const day = 24 * hour;

type VaultPlan = {
  name: string;
  objectType: CbrObjectType;
  description: string;
  resources: CbrVaultResource[];
  /** Runs (checkpoints) at these many days ago, oldest first. */
  runsDaysAgo: number[];
  auto: boolean;
  /**
   * Of `runsDaysAgo`, the runs a policy made that the vault no longer follows: automatic backups
   * that backup locking keeps until they expire.
   */
  formerPolicyRunsDaysAgo?: number[];
  status?: CbrVault["status"];
  frozenScene?: string;
  locked?: boolean;
  /** Ends with a manual backup of one resource still running when the simulator starts. */
  runningNow?: boolean;
  /** Capacity as a multiple of what the seeded backups use (at least `minGb`). */
  headroom: number;
  minGb: number;
};

function serverResource(project: SeedProject, serverId: string): CbrVaultResource | null {
  const server = project.servers.find((s) => s.id === serverId);
  if (!server) return null;
  const sizeGb = serverVolumes(project, server).reduce((sum, v) => sum + v.sizeGb, 0);
  return {
    id: server.id,
    name: server.name,
    type: resourceTypeOf.server,
    sizeGb,
    excludeVolumes: [],
    autoProtect: false,
  };
}

function plans(project: SeedProject): VaultPlan[] {
  const eligible = project.servers.filter((server) => {
    const volumes = serverVolumes(project, server);
    return (
      !server.bareMetal &&
      server.status !== "ERROR" &&
      volumes.length > 0 &&
      volumes.every((v) => !v.multiattach)
    );
  });
  // A large project (SIM_SCALE=large, hundreds of servers) gets a big policy vault, so that the
  // console's CBR lists can be measured at a few thousand backups.
  const prodCount = project.servers.length > 100 ? 100 : 5;
  const prod = eligible.slice(0, prodCount).map((s) => s.id);
  const dev = eligible.slice(prodCount, prodCount + 3).map((s) => s.id);
  const inServerVaults = new Set([...prod, ...dev]);
  const bareMetal = new Set(project.servers.filter((s) => s.bareMetal).map((s) => s.id));
  // A disk cannot be backed up in two vaults (BackupService.6137): data disks of other servers.
  const dataDisks = project.volumes.filter(
    (v) =>
      !v.bootable &&
      !v.multiattach &&
      v.status !== "error" &&
      !v.attachments.some((a) => inServerVaults.has(a.serverId) || bareMetal.has(a.serverId)),
  );
  const toDisk = (volumeId: string): CbrVaultResource | null => {
    const volume = project.volumes.find((v) => v.id === volumeId);
    return volume
      ? {
          id: volume.id,
          name: volume.name,
          type: resourceTypeOf.disk,
          sizeGb: volume.sizeGb,
          excludeVolumes: [],
          autoProtect: false,
        }
      : null;
  };
  const present = <T>(items: (T | null)[]) => items.filter((x): x is T => x !== null);
  const daily = Array.from({ length: 22 }, (_, i) => 21 - i);
  return [
    {
      name: "vault-prod-servers",
      objectType: "server",
      description: "Production servers, daily policy backups",
      resources: present(prod.map((id) => serverResource(project, id))),
      runsDaysAgo: daily,
      auto: true,
      runningNow: true,
      headroom: 1.6,
      minGb: 500,
    },
    {
      name: "vault-dev-servers",
      objectType: "server",
      description: "Development servers, manual backups, backup locking on",
      resources: present(dev.map((id) => serverResource(project, id))),
      runsDaysAgo: [18, 13, 9, 4, 1],
      auto: false,
      formerPolicyRunsDaysAgo: [18, 13],
      locked: true,
      headroom: 1.8,
      minGb: 200,
    },
    {
      name: "vault-data-disks",
      objectType: "disk",
      description: "Data disks of the application tier",
      resources: present(dataDisks.slice(0, 3).map((v) => toDisk(v.id))),
      runsDaysAgo: [20, 17, 14, 11, 8, 5, 2],
      auto: false,
      headroom: 1.5,
      minGb: 100,
    },
    {
      name: "vault-empty",
      objectType: "server",
      description: "New vault, no resources associated yet",
      resources: [],
      runsDaysAgo: [],
      auto: false,
      headroom: 1,
      minGb: 100,
    },
    {
      name: "vault-archive-frozen",
      objectType: "disk",
      description: "Archive disks; the vault is frozen",
      resources: present(dataDisks.slice(3, 4).map((v) => toDisk(v.id))),
      runsDaysAgo: [19, 12],
      auto: false,
      status: "frozen",
      frozenScene: "ARREAR",
      headroom: 1.2,
      minGb: 50,
    },
  ];
}

export function seedCbrState(project: SeedProject, rand: () => number, now: Date): CbrState {
  const state: CbrState = {
    policies: [],
    vaults: [],
    backups: [],
    checkpoints: [],
    operationLogs: [],
  };
  const env: CbrEnv = { now, newId: () => uuidFromRng(rand), rand };
  const userId = demoUsers[0]?.id ?? "";
  const policyId = uuidFromRng(rand);
  const cbrProject: CbrProject = { ...project, cbr: state };

  // The vaults the daily policy is bound to: those whose every run it made.
  const followers = new Set<string>();
  plans(project).forEach((plan, index) => {
    const vault: CbrVault = {
      id: env.newId(),
      name: plan.name,
      description: plan.description,
      createdAt: new Date(now.getTime() - (30 + index) * day).toISOString(),
      userId,
      objectType: plan.objectType,
      sizeGb: plan.minGb,
      status: plan.status ?? "available",
      frozenScene: plan.frozenScene ?? null,
      locked: plan.locked ?? false,
      autoBind: false,
      autoExpand: false,
      tags: plan.auto ? [{ key: "env", value: "prod" }] : [],
      resources: plan.resources,
    };
    state.vaults.push(vault);
    if (plan.auto) followers.add(vault.id);
    plan.runsDaysAgo.forEach((daysAgo, run) => {
      seedRun(cbrProject, vault, plan, daysAgo, run, env);
    });
    if (plan.runningNow) seedRunningBackup(cbrProject, vault, env);
    const usedGb = vaultUsedMb(state, vault.id) / 1024;
    vault.sizeGb = Math.max(plan.minGb, Math.ceil((usedGb * plan.headroom) / 50) * 50);
  });
  seedPolicies(state, env, policyId, followers);
  return state;
}

/**
 * The seeded policies, made and bound through the API's own code (createPolicy, associatePolicy):
 * the daily 02:00 UTC policy of the production vault, whose seeded automatic backups carry its id,
 * and a weekly disk policy with long-term retention in UTC+08:00, bound to nothing and disabled.
 */
function seedPolicies(
  state: CbrState,
  env: CbrEnv,
  dailyId: string,
  followers: ReadonlySet<string>,
): void {
  const daily = createPolicy(
    state,
    {
      name: "daily-prod-0200utc",
      enabled: true,
      operation_type: "backup",
      operation_definition: { retention_duration_days: 30, timezone: "UTC+00:00" },
      trigger: { properties: { pattern: [dailyAt2] } },
    },
    { now: env.now, newId: () => dailyId },
  );
  createPolicy(
    state,
    {
      name: "weekly-disks-longterm",
      enabled: false,
      operation_type: "backup",
      operation_definition: {
        max_backups: 4,
        day_backups: 0,
        week_backups: 8,
        month_backups: 12,
        year_backups: 2,
        timezone: "UTC+08:00",
      },
      trigger: { properties: { pattern: ["FREQ=WEEKLY;BYDAY=SA;BYHOUR=16;BYMINUTE=00"] } },
    },
    env,
  );
  for (const vault of state.vaults) {
    if (!followers.has(vault.id)) continue;
    associatePolicy(state, vault.id, daily.id);
    for (const log of state.operationLogs) {
      if (log.vaultId === vault.id && log.operationType === "backup" && log.backup) {
        const backup = state.backups.find((b) => b.id === log.backup?.backupId);
        if (backup?.autoTrigger) log.policyId = daily.id;
      }
    }
  }
}

function seedRun(
  project: CbrProject,
  vault: CbrVault,
  plan: VaultPlan,
  daysAgo: number,
  run: number,
  env: CbrEnv,
): void {
  const state = project.cbr;
  const rand = env.rand;
  const auto = plan.auto || (plan.formerPolicyRunsDaysAgo?.includes(daysAgo) ?? false);
  // Policy runs at 02:00 UTC; manual ones at office hours.
  const base = new Date(env.now.getTime() - daysAgo * day);
  base.setUTCHours(auto ? 2 : 9 + Math.floor(rand() * 8), auto ? 0 : Math.floor(rand() * 60), 0, 0);
  // Today's run may still be ahead.
  if (base.getTime() > env.now.getTime()) return;
  const startedAt = base.toISOString();
  const name = `${auto ? "autobk" : "manualbk"}_${hex4(rand)}`;
  const checkpoint: CbrCheckpoint = {
    id: env.newId(),
    vaultId: vault.id,
    vaultName: vault.name,
    status: "available",
    createdAt: startedAt,
    name,
    description: "",
    incremental: true,
    autoTrigger: auto,
    retentionDuration: auto ? 30 : -1,
    resources: vault.resources.map((r) => ({
      id: r.id,
      name: r.name,
      type: r.type,
      sizeGb: r.sizeGb,
    })),
    skipped: [],
    backupIds: [],
  };
  for (const resource of vault.resources) {
    const previous = state.backups.filter(
      (b) => b.vaultId === vault.id && b.resourceId === resource.id && b.status === "available",
    );
    // Full on the first run and weekly after, incremental otherwise.
    const incremental = previous.length > 0 && run % 7 !== 0;
    const backup = buildBackup(
      project,
      {
        vault,
        resource,
        checkpointId: checkpoint.id,
        name,
        description: "",
        autoTrigger: auto,
        incremental,
        createdAt: startedAt,
        expiredAt: auto ? new Date(base.getTime() + 30 * day).toISOString() : null,
      },
      env,
    );
    const log = backupOperationLog(vault, backup, env);
    const minutes = 3 + Math.floor(rand() * 12);
    const endedAt = new Date(base.getTime() + minutes * 60_000).toISOString();
    const failed = rand() < 0.07;
    if (failed) {
      const error =
        resource.type === "OS::Nova::Server"
          ? cbrErrors.serverStatusForbidsBackup
          : cbrErrors.diskStatusForbidsBackup;
      backup.status = "error";
      backup.updatedAt = endedAt;
      finishOperation(log, endedAt, { status: "failed", code: error.code, message: error.message });
      log.progress = 10 + Math.floor(rand() * 60);
    } else {
      backup.status = "available";
      backup.protectedAt = endedAt;
      backup.updatedAt = endedAt;
      finishOperation(log, endedAt, { status: "success" });
    }
    state.backups.push(backup);
    state.operationLogs.push(log);
    checkpoint.backupIds.push(backup.id);

    // Now and then someone restored from a backup a few days later.
    if (backup.status === "available" && daysAgo > 3 && rand() < 0.05) {
      const restoredAt = new Date(base.getTime() + 2 * day + 3 * hour);
      const restoreEnd = new Date(restoredAt.getTime() + (5 + Math.floor(rand() * 20)) * 60_000);
      state.operationLogs.push({
        ...backupOperationLog(vault, backup, env),
        id: env.newId(),
        operationType: "restore",
        policyId: null,
        createdAt: restoredAt.toISOString(),
        startedAt: restoredAt.toISOString(),
        updatedAt: restoreEnd.toISOString(),
        endedAt: restoreEnd.toISOString(),
        status: "success",
        progress: 100,
        requestId: requestId(env),
        backup: null,
        restore: {
          backupId: backup.id,
          backupName: backup.name,
          targetResourceId: resource.id,
          targetResourceName: resource.name,
          powerOn: true,
        },
      });
    }
  }
  if (checkpoint.backupIds.length > 0) state.checkpoints.push(checkpoint);
}

/** A manual backup started at seeding time: a demo sees it progress and finish. */
function seedRunningBackup(project: CbrProject, vault: CbrVault, env: CbrEnv): void {
  const resource = vault.resources.at(-1);
  if (!resource) return;
  const at = env.now.toISOString();
  const name = `manualbk_${hex4(env.rand)}`;
  const checkpoint: CbrCheckpoint = {
    id: env.newId(),
    vaultId: vault.id,
    vaultName: vault.name,
    status: "protecting",
    createdAt: at,
    name,
    description: "",
    incremental: true,
    autoTrigger: false,
    retentionDuration: -1,
    resources: [
      { id: resource.id, name: resource.name, type: resource.type, sizeGb: resource.sizeGb },
    ],
    skipped: [],
    backupIds: [],
  };
  const backup = buildBackup(
    project,
    {
      vault,
      resource,
      checkpointId: checkpoint.id,
      name,
      description: "",
      autoTrigger: false,
      incremental: true,
      createdAt: at,
      expiredAt: null,
    },
    env,
  );
  const log = backupOperationLog(vault, backup, env);
  backup.task = { kind: "protect", startedAt: at, opLogId: log.id };
  checkpoint.backupIds.push(backup.id);
  project.cbr.backups.push(backup);
  project.cbr.operationLogs.push(log);
  project.cbr.checkpoints.push(checkpoint);
}

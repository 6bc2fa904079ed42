// Vault management in the simulated CBR: create, update (rename, resize, auto-expand, auto-bind,
// locking), delete, and the resources of a vault (add, remove, migrate). The rules are those of
// lib/vaults; this file applies them to the state and answers violations with the cloud's codes.
// Removing a resource and deleting a vault delete backups: those go through the project's delete
// queue (delete.ts) and are followed by a `remove_resource` or `vault_delete` operation log that
// ends when the last of them is gone (advanceVaultAdmin).
import {
  BIND_RULE_TAGS_MAX,
  capacityAfter,
  checkAddResources,
  checkCreateSize,
  checkLockChange,
  checkLockedBackupDelete,
  checkMigration,
  checkRemoval,
  checkResize,
  checkTags,
  checkVaultDescription,
  checkVaultName,
  matchesBindRules,
  normalizeTag,
  type Tag,
  VAULT_TAGS_MAX,
} from "@/lib/vaults";
import { providerIds, resourceTypeOf } from "./constants";
import { startQueuedCbrDeletes } from "./delete";
import { type CbrErrorCode, cbrErrors, fail, invalid } from "./errors";
import { type CbrEnv, finishOperation, requestId, serverVolumes } from "./operations";
import type {
  CbrBackup,
  CbrOperationLog,
  CbrProject,
  CbrResourceType,
  CbrVault,
  CbrVaultResource,
} from "./types";
import { refuseViolation, vaultFail } from "./vault-admin-errors";
import type {
  AddResourcesRequest,
  CreateVaultRequest,
  UpdateVaultRequest,
} from "./vault-admin-requests";
import { bindVaultPolicy, checkVaultPolicy } from "./vault-policy-binding";
import { vaultUsedMb } from "./views";

/** Backup statuses of a job still running: a vault or resource with one is busy. */
const BUSY = new Set([
  "protecting",
  "waiting_protect",
  "restoring",
  "waiting_restore",
  "deleting",
  "waiting_delete",
]);

export function findVault(project: CbrProject, id: string): CbrVault {
  const vault = project.cbr.vaults.find((v) => v.id === id);
  if (!vault) fail("vaultNotFound", `Vault (${id}) not found.`);
  return vault;
}

/** The vault that holds a resource, if any: a resource sits in at most one. */
export function vaultHolding(project: CbrProject, resourceId: string): CbrVault | undefined {
  return project.cbr.vaults.find((v) => v.resources.some((r) => r.id === resourceId));
}

function protectTypeOf(vault: CbrVault): "backup" | "replication" {
  return vault.protectType ?? "backup";
}

function checkTagList(
  tags: readonly { key: string; value?: string | undefined }[] | undefined,
  field: string,
  max: number,
): Tag[] {
  const list = (tags ?? []).map(normalizeTag);
  const problem = checkTags(list, max);
  if (problem) {
    refuseViolation(problem.violation, `${field}[${problem.index}]`);
  }
  return list;
}

/** The vault resources a request names, after the membership rules of lib/vaults. */
function resourcesOf(
  project: CbrProject,
  vault: Pick<CbrVault, "id" | "objectType" | "resources"> & { protectType: string },
  requested: AddResourcesRequest,
  field: string,
): CbrVaultResource[] {
  const problem = checkAddResources(
    {
      id: vault.id,
      objectType: vault.objectType,
      protectType: vault.protectType,
      resourceCount: vault.resources.length,
    },
    requested,
    (id) => vaultHolding(project, id)?.id ?? null,
  );
  if (problem) {
    const resource = requested[problem.index];
    refuseViolation(problem.violation, `${field}[${problem.index}].id`, {
      ...(resource ? { resourceType: resource.type } : {}),
    });
  }
  return requested.map((r, index) => {
    const excluded = r.extra_info?.exclude_volumes ?? [];
    if (r.type === "OS::Nova::Server") {
      const server = project.servers.find((s) => s.id === r.id);
      if (!server) vaultFail("serverNotFound", `Server (${r.id}) not found.`);
      if (excluded.some((id) => !server.volumeIds.includes(id))) {
        invalid(`Invalid ${field}[${index}].extra_info.exclude_volumes provided.`);
      }
      const sizeGb = serverVolumes(project, server, excluded).reduce((s, v) => s + v.sizeGb, 0);
      return {
        id: server.id,
        name: server.name,
        type: "OS::Nova::Server" as const,
        sizeGb,
        excludeVolumes: excluded,
        autoProtect: false,
      };
    }
    const volume = project.volumes.find((v) => v.id === r.id);
    if (!volume) vaultFail("diskNotFound", `Disk (${r.id}) not found.`);
    return {
      id: volume.id,
      name: volume.name,
      type: "OS::Cinder::Volume" as const,
      sizeGb: volume.sizeGb,
      excludeVolumes: [],
      autoProtect: false,
    };
  });
}

// ---------- create ----------

export function createVault(
  project: CbrProject,
  request: CreateVaultRequest,
  env: Pick<CbrEnv, "now" | "newId">,
  userId: string,
): CbrVault {
  const nameProblem = checkVaultName(request.name);
  if (nameProblem) refuseViolation(nameProblem, "vault.name");
  const description = request.description ?? "";
  if (checkVaultDescription(description)) invalid("Invalid vault.description provided.");
  const { billing } = request;
  const sizeProblem = checkCreateSize(billing.size);
  if (sizeProblem) refuseViolation(sizeProblem, "vault.billing.size");
  if (billing.object_type === "disk" && billing.consistent_level === "app_consistent") {
    // Application consistency freezes a server's applications: disks have none.
    invalid("Invalid vault.billing.consistent_level provided.");
  }
  const tags = checkTagList(request.tags, "vault.tags", VAULT_TAGS_MAX);
  const bindRules = checkTagList(
    request.bind_rules?.tags,
    "vault.bind_rules.tags",
    BIND_RULE_TAGS_MAX,
  );
  const shell = {
    id: "",
    objectType: billing.object_type,
    protectType: billing.protect_type,
    resources: [],
  };
  const resources = resourcesOf(project, shell, request.resources, "vault.resources");
  const policy = request.backup_policy_id
    ? checkVaultPolicy(project, request.backup_policy_id)
    : null;

  const at = env.now.toISOString();
  const vault: CbrVault = {
    id: env.newId(),
    name: request.name,
    description,
    createdAt: at,
    userId,
    objectType: billing.object_type,
    sizeGb: billing.size,
    status: "available",
    frozenScene: null,
    locked: request.locked ?? false,
    autoBind: request.auto_bind ?? false,
    autoExpand: request.auto_expand ?? false,
    tags,
    resources,
    protectType: billing.protect_type,
    consistentLevel: billing.consistent_level,
    bindRules,
    threshold: request.threshold ?? 80,
    smnNotify: request.smn_notify ?? true,
  };
  project.cbr.vaults.push(vault);
  if (policy) bindVaultPolicy(project, vault, policy);
  autoBind(project, vault);
  return vault;
}

// ---------- update ----------

export function updateVault(
  project: CbrProject,
  vault: CbrVault,
  request: UpdateVaultRequest,
): CbrVault {
  if (vault.status !== "available") {
    vaultFail("cannotUpdate", `The vault status is ${vault.status}.`);
  }
  if (request.name !== undefined) {
    const problem = checkVaultName(request.name);
    if (problem) refuseViolation(problem, "vault.name");
  }
  const size = request.billing?.size;
  if (size !== undefined) {
    const problem = checkResize(size, {
      sizeGb: vault.sizeGb,
      usedMb: vaultUsedMb(project.cbr, vault.id),
    });
    if (problem) refuseViolation(problem, "vault.billing.size");
  }
  const level = request.billing?.consistent_level;
  if (level === "app_consistent" && vault.objectType === "disk") {
    invalid("Invalid vault.billing.consistent_level provided.");
  }
  if (request.locked !== undefined) {
    const problem = checkLockChange(vault.locked, request.locked);
    if (problem) refuseViolation(problem, "vault.locked");
  }
  const bindRules =
    request.bind_rules === undefined
      ? undefined
      : checkTagList(request.bind_rules.tags, "vault.bind_rules.tags", BIND_RULE_TAGS_MAX);

  if (request.name !== undefined) vault.name = request.name;
  if (size !== undefined) vault.sizeGb = size;
  if (level !== undefined) vault.consistentLevel = level;
  if (request.locked) vault.locked = true;
  if (request.auto_bind !== undefined) vault.autoBind = request.auto_bind;
  if (bindRules !== undefined) vault.bindRules = bindRules;
  if (request.auto_expand !== undefined) vault.autoExpand = request.auto_expand;
  if (request.smn_notify !== undefined) vault.smnNotify = request.smn_notify;
  if (request.threshold !== undefined) vault.threshold = request.threshold;
  autoBind(project, vault);
  return vault;
}

// ---------- deletions that delete backups ----------

/**
 * The id that a deleted backup's task carries: not a log of its own (one task per resource or
 * vault, not per backup), so the delete queue leaves the log to advanceVaultAdmin.
 */
const partOf = (log: CbrOperationLog) => `${log.id}/part`;

function taskLog(
  vault: CbrVault,
  operationType: "vault_delete" | "remove_resource",
  resource: { id: string; name: string; type: CbrResourceType },
  backups: number,
  env: Pick<CbrEnv, "now" | "newId">,
): CbrOperationLog {
  const at = env.now.toISOString();
  return {
    id: env.newId(),
    operationType,
    status: "running",
    checkpointId: null,
    vaultId: vault.id,
    vaultName: vault.name,
    providerId: providerIds[vault.objectType],
    policyId: null,
    createdAt: at,
    startedAt: at,
    updatedAt: at,
    endedAt: null,
    progress: 0,
    requestId: requestId(env),
    errorInfo: { code: "", message: "" },
    resource,
    deleteCounts: { total: backups, failed: 0 },
    backup: null,
    restore: null,
  };
}

function queueDeletes(backups: CbrBackup[], log: CbrOperationLog, at: string): void {
  for (const backup of backups) {
    backup.status = "waiting_delete";
    backup.updatedAt = at;
    backup.task = { kind: "delete", startedAt: null, requestedAt: at, opLogId: partOf(log) };
  }
}

export function deleteVault(
  project: CbrProject,
  vault: CbrVault,
  env: Pick<CbrEnv, "now" | "newId">,
): CbrOperationLog {
  // umn "Deleting a Vault": only an Available or Error vault.
  if (vault.status !== "available" && vault.status !== "error") {
    vaultFail("cannotDelete", `The vault status is ${vault.status}.`);
  }
  const backups = project.cbr.backups.filter((b) => b.vaultId === vault.id);
  const busy = backups.find((b) => BUSY.has(b.status));
  if (busy) vaultFail("cannotDelete", `Backup (${busy.id}) is ${busy.status}.`);
  // Deleting the vault would delete what backup locking keeps: its unexpired policy backups.
  const kept = backups.find((b) => checkLockedBackupDelete(vault, b, env.now));
  if (kept) {
    vaultFail("cannotDelete", "Backup locking keeps its policy backups until they expire.");
  }
  const log = taskLog(
    vault,
    "vault_delete",
    { id: vault.id, name: vault.name, type: resourceTypeOf[vault.objectType] },
    backups.length,
    env,
  );
  project.cbr.operationLogs.push(log);
  vault.status = "deleting";
  queueDeletes(backups, log, env.now.toISOString());
  startQueuedCbrDeletes(project.cbr, env.now);
  if (backups.length === 0) advanceVaultAdmin(project, env.now);
  return log;
}

export function removeResources(
  project: CbrProject,
  vault: CbrVault,
  ids: string[],
  env: Pick<CbrEnv, "now" | "newId">,
): string[] {
  if (vault.status !== "available") {
    vaultFail("invalidStatus", `The vault status is ${vault.status}.`);
  }
  const lock = checkRemoval(vault);
  if (lock) refuseViolation(lock, "resource_ids");
  if (new Set(ids).size !== ids.length) vaultFail("duplicateResource");
  const removed = ids.map((id, index) => {
    const resource = vault.resources.find((r) => r.id === id);
    if (!resource) vaultFail("notInVault", `Invalid resource_ids[${index}]: ${id}.`);
    const backups = project.cbr.backups.filter(
      (b) => b.vaultId === vault.id && b.resourceId === id,
    );
    const busy = backups.find((b) => BUSY.has(b.status));
    if (busy?.status === "deleting" || busy?.status === "waiting_delete") {
      vaultFail("beingRemoved");
    }
    if (busy)
      vaultFail("invalidStatus", `Backup (${busy.id}) of ${resource.name} is ${busy.status}.`);
    return { resource, backups };
  });
  const at = env.now.toISOString();
  for (const { resource, backups } of removed) {
    vault.resources = vault.resources.filter((r) => r.id !== resource.id);
    const log = taskLog(
      vault,
      "remove_resource",
      { id: resource.id, name: resource.name, type: resource.type },
      backups.length,
      env,
    );
    project.cbr.operationLogs.push(log);
    queueDeletes(backups, log, at);
  }
  startQueuedCbrDeletes(project.cbr, env.now);
  advanceVaultAdmin(project, env.now);
  return ids;
}

// ---------- add and migrate ----------

export function addResources(
  project: CbrProject,
  vault: CbrVault,
  requested: AddResourcesRequest,
): string[] {
  if (vault.status !== "available") {
    vaultFail("invalidStatus", `The vault status is ${vault.status}.`);
  }
  const resources = resourcesOf(
    project,
    { ...vault, protectType: protectTypeOf(vault) },
    requested,
    "resources",
  );
  vault.resources.push(...resources);
  return resources.map((r) => r.id);
}

export function migrateResources(
  project: CbrProject,
  source: CbrVault,
  request: { destination_vault_id: string; resource_ids: string[] },
): string[] {
  const destination = project.cbr.vaults.find((v) => v.id === request.destination_vault_id);
  if (!destination) vaultFail("destinationNotFound");
  for (const vault of [source, destination]) {
    if (vault.status !== "available") {
      vaultFail("invalidStatus", `The status of vault (${vault.name}) is ${vault.status}.`);
    }
  }
  const ids = request.resource_ids;
  if (new Set(ids).size !== ids.length) vaultFail("duplicateResource");
  ids.forEach((id, index) => {
    if (!source.resources.some((r) => r.id === id)) {
      vaultFail("notInVault", `Invalid resource_ids[${index}]: ${id}.`);
    }
  });
  // umn: "Resources can be migrated only when no task is being executed in the source and
  // destination vaults."
  for (const vault of [source, destination]) {
    const busy = project.cbr.backups.find((b) => b.vaultId === vault.id && BUSY.has(b.status));
    if (busy) vaultFail("invalidStatus", `A task is running in vault (${vault.name}).`);
  }
  const moving = new Set(ids);
  const backups = project.cbr.backups.filter(
    (b) => b.vaultId === source.id && moving.has(b.resourceId),
  );
  const movingMb = backups.reduce((sum, b) => sum + (b.status === "error" ? 0 : b.sizeMb), 0);
  const problem = checkMigration(
    source,
    {
      ...destination,
      protectType: protectTypeOf(destination),
      usedMb: vaultUsedMb(project.cbr, destination.id),
    },
    movingMb,
  );
  if (problem) refuseViolation(problem, "destination_vault_id");
  const resources = source.resources.filter((r) => moving.has(r.id));
  source.resources = source.resources.filter((r) => !moving.has(r.id));
  destination.resources.push(...resources);
  for (const backup of backups) backup.vaultId = destination.id;
  return ids;
}

// ---------- auto-bind, auto-expand and the end of deletions ----------

/** A server's tags as the simulator sees them: its Nova metadata (there is no ECS tag API). */
export function serverTags(server: { metadata?: Record<string, string> }): Tag[] {
  return Object.entries(server.metadata ?? {}).map(([key, value]) => ({ key, value }));
}

/** Why a server cannot be backed up (the checkpoint's skip codes), or null. */
export function serverProblem(
  project: CbrProject,
  server: CbrProject["servers"][number],
): CbrErrorCode | null {
  const disks = serverVolumes(project, server);
  if (server.status === "ERROR") return cbrErrors.serverStatusForbidsBackup;
  if (disks.length === 0) return cbrErrors.serverWithoutDisks;
  if (disks.some((d) => d.multiattach)) return cbrErrors.sharedDiskForbidsBackup;
  return null;
}

/**
 * Servers that a vault's auto-bind rules match now, that can be backed up and that no vault holds: what auto-bind would
 * add (the console's preview reads the same through protectables).
 */
export function autoBindCandidates(project: CbrProject, vault: CbrVault) {
  if (!vault.bindRules?.length || vault.objectType !== "server") return [];
  return project.servers.filter(
    (server) =>
      matchesBindRules(serverTags(server), vault.bindRules ?? []) &&
      !vaultHolding(project, server.id) &&
      !serverProblem(project, server),
  );
}

/**
 * Auto-bind (umn: CBR "scans all unprotected resources, associates them with the vault"): the
 * simulator does it when the rules are set and on every tick, rather than at the next backup.
 */
export function autoBind(project: CbrProject, vault: CbrVault): boolean {
  if (!vault.autoBind || vault.status !== "available" || protectTypeOf(vault) !== "backup") {
    return false;
  }
  const candidates = autoBindCandidates(project, vault);
  for (const server of candidates) {
    vault.resources.push({
      id: server.id,
      name: server.name,
      type: "OS::Nova::Server",
      sizeGb: serverVolumes(project, server).reduce((s, v) => s + v.sizeGb, 0),
      excludeVolumes: [],
      autoProtect: true,
    });
  }
  return candidates.length > 0;
}

/**
 * Brings vault management up to `now`: ends the removal and vault-deletion tasks whose backups are
 * all gone (a deleted vault then leaves the state), grows full vaults that auto-expand, and binds
 * the servers that auto-bind rules match. Returns whether anything changed.
 */
export function advanceVaultAdmin(project: CbrProject, now: Date): boolean {
  const { cbr } = project;
  let changed = false;
  const open = cbr.operationLogs.filter(
    (log) =>
      (log.operationType === "vault_delete" || log.operationType === "remove_resource") &&
      (log.status === "running" || log.status === "waiting"),
  );
  if (open.length > 0) {
    const pending = new Set<string>();
    for (const backup of cbr.backups) {
      if (backup.task?.kind === "delete") pending.add(backup.task.opLogId);
    }
    const at = now.toISOString();
    for (const log of open) {
      if (pending.has(partOf(log))) continue;
      finishOperation(log, at, { status: "success" });
      changed = true;
      if (log.operationType === "vault_delete") {
        cbr.vaults = cbr.vaults.filter((v) => v.id !== log.vaultId);
      }
    }
  }
  for (const vault of cbr.vaults) {
    if (vault.autoExpand && vault.status === "available") {
      const used = vaultUsedMb(cbr, vault.id);
      if (used > vault.sizeGb * 1024) {
        const grown = capacityAfter({ sizeGb: vault.sizeGb, usedMb: 0, autoExpand: true }, used);
        if (grown !== null && grown !== vault.sizeGb) {
          vault.sizeGb = grown;
          changed = true;
        }
      }
    }
    if (autoBind(project, vault)) changed = true;
  }
  return changed;
}

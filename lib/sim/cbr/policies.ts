// CBR v3 policies: create, update, delete, bind to vaults (associatepolicy / dissociatepolicy),
// fire on their UTC pattern, prune by their retention. The body rules are lib/schemas/cbr-policy's
// (shared with the console); the codes are the OTC CBR reference's (errors.ts).

import { pruneBackups } from "@/lib/retention/long-term";
import { parseCbrPatterns, runsBetween } from "@/lib/schedule";
import type { CbrOperationDefinition, CbrPolicyInput } from "@/lib/schemas/cbr-policy";
import { checkCbrPolicyBody, retentionRuleOf } from "@/lib/schemas/cbr-policy";
import { createCheckpoint } from "./checkpoints";
import { requestCbrDelete } from "./delete";
import { CbrFailure, fail, invalid } from "./errors";
import type { CbrEnv } from "./operations";
import type { CbrPolicy, CbrProject, CbrState, CbrVault } from "./types";

/** OTC-CBR FAQ: 32 policies per account; the simulator counts them per project (BackupService.6001). */
export const MAX_CBR_POLICIES = 32;

function refuseBody(result: ReturnType<typeof checkCbrPolicyBody>): asserts result is {
  ok: true;
  policy: CbrPolicyInput;
} {
  if (result.ok) return;
  if (result.problem.kind === "type") fail("unknownPolicyType", result.problem.message);
  invalid(result.problem.message);
}

export function findPolicy(cbr: CbrState, id: string): CbrPolicy {
  const policy = cbr.policies.find((p) => p.id === id);
  if (!policy) fail("policyNotFound", `Policy (${id}) not found.`);
  return policy;
}

/** The enabled-or-not backup policy bound to a vault, if any. */
export function backupPolicyOf(cbr: CbrState, vaultId: string): CbrPolicy | undefined {
  return cbr.policies.find(
    (p) => p.operationType === "backup" && p.associatedVaults.some((a) => a.vaultId === vaultId),
  );
}

export function policiesOfVault(cbr: CbrState, vaultId: string): CbrPolicy[] {
  return cbr.policies.filter((p) => p.associatedVaults.some((a) => a.vaultId === vaultId));
}

const stored = (def: CbrOperationDefinition | undefined): CbrPolicy["definition"] => {
  const out: CbrPolicy["definition"] = {};
  for (const [key, value] of Object.entries(def ?? {})) {
    if (value !== undefined) out[key] = value;
  }
  return out;
};

/** POST /policies: the body under `policy`. */
export function createPolicy(
  cbr: CbrState,
  raw: unknown,
  env: Pick<CbrEnv, "now" | "newId">,
  region?: string,
): CbrPolicy {
  const result = checkCbrPolicyBody(raw, "create", region ? { region } : {});
  refuseBody(result);
  const input = result.policy;
  const ofType = cbr.policies.filter((p) => p.operationType === input.operation_type);
  if (ofType.length >= MAX_CBR_POLICIES) {
    fail("policyQuota", `At most ${MAX_CBR_POLICIES} ${input.operation_type} policies.`);
  }
  const policy: CbrPolicy = {
    id: env.newId(),
    name: input.name ?? "",
    enabled: input.enabled ?? true,
    operationType: input.operation_type ?? "backup",
    definition: stored(input.operation_definition),
    pattern: input.pattern ?? [],
    triggerId: env.newId(),
    createdAt: env.now.toISOString(),
    checkedAt: env.now.toISOString(),
    associatedVaults: [],
  };
  cbr.policies.push(policy);
  return policy;
}

/**
 * PUT /policies/{id}: only the fields sent change; a sent operation_definition replaces the stored
 * one (the reference's update sample sends the whole definition).
 */
export function updatePolicy(
  cbr: CbrState,
  id: string,
  raw: unknown,
  env: Pick<CbrEnv, "now">,
  region?: string,
): CbrPolicy {
  const policy = findPolicy(cbr, id);
  const result = checkCbrPolicyBody(raw, "update", {
    operationType: policy.operationType,
    ...(region ? { region } : {}),
  });
  refuseBody(result);
  const input = result.policy;
  if (
    input.operation_definition?.destination_region !== undefined &&
    policy.operationType === "replication" &&
    policy.associatedVaults.length > 0 &&
    input.operation_definition.destination_region !== policy.definition.destination_region
  ) {
    fail("destinationRegionLocked");
  }
  if (input.name !== undefined) policy.name = input.name;
  if (input.operation_definition) policy.definition = stored(input.operation_definition);
  if (input.pattern) {
    policy.pattern = input.pattern;
    // A new schedule counts from now: runs of the old one that were missed are not made up.
    policy.checkedAt = env.now.toISOString();
  }
  if (input.enabled !== undefined) {
    // Enabling starts from now: the runs while it was disabled do not fire on the next tick.
    if (input.enabled && !policy.enabled) policy.checkedAt = env.now.toISOString();
    policy.enabled = input.enabled;
  }
  return policy;
}

/** DELETE /policies/{id}: its bindings go with it. */
export function deletePolicy(cbr: CbrState, id: string): void {
  findPolicy(cbr, id);
  cbr.policies = cbr.policies.filter((p) => p.id !== id);
}

function findVault(cbr: CbrState, vaultId: string): CbrVault {
  const vault = cbr.vaults.find((v) => v.id === vaultId);
  if (!vault) fail("vaultNotFound", `Vault (${vaultId}) not found.`);
  return vault;
}

/**
 * POST /vaults/{id}/associatepolicy. A vault holds at most one backup policy and one replication
 * policy; a replication policy needs the destination vault (Huawei's VaultAssociate).
 */
export function associatePolicy(
  cbr: CbrState,
  vaultId: string,
  policyId: string,
  destinationVaultId?: string,
): { vault_id: string; policy_id: string } {
  const vault = findVault(cbr, vaultId);
  const policy = findPolicy(cbr, policyId);
  if (policy.associatedVaults.some((a) => a.vaultId === vault.id)) {
    return { vault_id: vault.id, policy_id: policy.id };
  }
  if (vault.status === "deleting" || vault.status === "error") {
    fail("policyNotApplicable", `The vault status is ${vault.status}.`);
  }
  const same = policiesOfVault(cbr, vault.id).find((p) => p.operationType === policy.operationType);
  if (same) {
    fail(
      "policyNotApplicable",
      `Vault (${vault.name}) already has the ${same.operationType} policy ${same.name}; remove it first.`,
    );
  }
  if (policy.operationType === "replication") {
    if (!destinationVaultId) {
      invalid("Invalid destination_vault_id: required to apply a replication policy.");
    }
  } else if (destinationVaultId) {
    fail("policyNotApplicable", "destination_vault_id is only for a replication policy.");
  }
  policy.associatedVaults.push({
    vaultId: vault.id,
    ...(destinationVaultId ? { destinationVaultId } : {}),
  });
  return { vault_id: vault.id, policy_id: policy.id };
}

/** POST /vaults/{id}/dissociatepolicy. */
export function dissociatePolicy(
  cbr: CbrState,
  vaultId: string,
  policyId: string,
): { vault_id: string; policy_id: string } {
  const vault = findVault(cbr, vaultId);
  const policy = findPolicy(cbr, policyId);
  if (!policy.associatedVaults.some((a) => a.vaultId === vault.id)) {
    fail("policyNotOnVault", `Policy (${policy.id}) is not applied to vault (${vault.id}).`);
  }
  policy.associatedVaults = policy.associatedVaults.filter((a) => a.vaultId !== vault.id);
  return { vault_id: vault.id, policy_id: policy.id };
}

/** The last run of `policy` in (checkedAt, now], or null. A missed span fires once, not per slot. */
function dueRun(policy: CbrPolicy, now: Date): Date | null {
  const parsed = parseCbrPatterns(policy.pattern);
  if (!parsed.ok) return null;
  const from = policy.checkedAt ? new Date(policy.checkedAt) : now;
  return runsBetween(parsed.rules, from, now).at(-1) ?? null;
}

/**
 * Applies the policy's retention to the automatic backups of each resource of a vault: what the
 * rules do not keep is deleted through the ordinary delete (its own operation log). Backups still
 * being made count as the newest; only finished ones are removed.
 */
export function pruneVault(
  project: CbrProject,
  policy: CbrPolicy,
  vault: CbrVault,
  env: Pick<CbrEnv, "now" | "newId">,
): number {
  const rule = retentionRuleOf(policy.definition as CbrOperationDefinition);
  const byResource = new Map<string, typeof project.cbr.backups>();
  for (const backup of project.cbr.backups) {
    if (backup.vaultId !== vault.id || !backup.autoTrigger || backup.task?.kind === "delete")
      continue;
    if (!["available", "protecting", "error"].includes(backup.status)) continue;
    const list = byResource.get(backup.resourceId) ?? [];
    list.push(backup);
    byResource.set(backup.resourceId, list);
  }
  let removed = 0;
  for (const backups of byResource.values()) {
    const kept = backups.filter((b) => b.status !== "error");
    const result = pruneBackups(
      kept.map((b) => ({ id: b.id, createdAt: new Date(b.createdAt) })),
      rule,
      env.now,
    );
    for (const id of result.remove) {
      const backup = kept.find((b) => b.id === id);
      if (backup?.status !== "available") continue;
      try {
        requestCbrDelete(project, backup, env);
        removed += 1;
      } catch (error) {
        // A locked vault or a backup the cloud may not delete now stays; the next run tries again.
        if (!(error instanceof CbrFailure)) throw error;
      }
    }
  }
  return removed;
}

/** Fires the enabled backup policies whose run time has come. Returns whether anything changed. */
export function firePolicies(project: CbrProject, now: Date, env: CbrEnv): boolean {
  let changed = false;
  for (const policy of project.cbr.policies) {
    if (!policy.enabled || policy.operationType !== "backup") continue;
    const run = dueRun(policy, now);
    // Moving the mark alone is not worth a save: after a restart an unsaved mark only means the
    // window since the last saved one is checked again, and it held no run or it would be saved.
    policy.checkedAt = now.toISOString();
    if (!run) continue;
    changed = true;
    for (const binding of policy.associatedVaults) {
      const vault = project.cbr.vaults.find((v) => v.id === binding.vaultId);
      if (vault?.status !== "available" || vault.resources.length === 0) continue;
      try {
        const checkpoint = createCheckpoint(
          project,
          {
            vaultId: vault.id,
            autoTrigger: true,
            description: "",
            incremental: true,
            name: null,
            resources: [],
            resourceDetails: [],
          },
          { ...env, now: run },
        );
        const made = new Set(checkpoint.backupIds);
        for (const log of project.cbr.operationLogs) {
          if (log.backup && made.has(log.backup.backupId)) log.policyId = policy.id;
        }
      } catch (error) {
        // Nothing to back up at that run (every resource busy, vault full): the run is skipped.
        if (!(error instanceof CbrFailure)) throw error;
      }
      pruneVault(project, policy, vault, { ...env, now: run });
    }
  }
  return changed;
}

/** Times as the reference writes them: `2019-05-08T06:57:05.000+00:00`. */
const cbrTime = (iso: string) => iso.replace("Z", "+00:00");

export function policyJson(policy: CbrPolicy): Record<string, unknown> {
  return {
    id: policy.id,
    name: policy.name,
    enabled: policy.enabled,
    operation_type: policy.operationType,
    operation_definition: { ...policy.definition },
    trigger: {
      id: policy.triggerId,
      name: "default",
      type: "time",
      properties: { pattern: [...policy.pattern], start_time: cbrTime(policy.createdAt) },
    },
    associated_vaults: policy.associatedVaults.map((a) => ({
      vault_id: a.vaultId,
      ...(a.destinationVaultId ? { destination_vault_id: a.destinationVaultId } : {}),
    })),
  };
}

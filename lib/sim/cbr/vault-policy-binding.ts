// A vault created with `backup_policy_id` (CreateVault, OTC-CBR Table 4) is bound to that policy
// through the same code as POST /vaults/{id}/associatepolicy, so that both refuse alike.

import { fail } from "./errors";
import { associatePolicy, findPolicy } from "./policies";
import type { CbrPolicy, CbrProject, CbrVault } from "./types";

/**
 * The policy a vault may be created with, checked before the vault exists: 404 BackupService.6000
 * when there is none, and only a backup policy for a backup vault (a replication policy needs a
 * destination vault, which creation cannot name).
 */
export function checkVaultPolicy(project: CbrProject, policyId: string): CbrPolicy {
  const policy = findPolicy(project.cbr, policyId);
  if (policy.operationType !== "backup") {
    fail("policyNotApplicable", `Policy (${policyId}) is not a backup policy.`);
  }
  return policy;
}

/** Binds the new vault to the policy: its backups follow the policy's schedule from now on. */
export function bindVaultPolicy(project: CbrProject, vault: CbrVault, policy: CbrPolicy): void {
  associatePolicy(project.cbr, vault.id, policy.id);
}

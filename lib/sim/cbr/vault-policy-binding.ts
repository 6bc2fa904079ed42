// A vault created with `backup_policy_id` (CreateVault, OTC-CBR Table 4) is bound to that policy.
// This branch's simulator keeps a policy only on the vaults that apply it (policyId and its
// trigger patterns), so a policy is known when some vault applies it. The CBR policy API
// (associatepolicy, a policy store) replaces these two functions with its own binding.
import type { CbrProject, CbrVault } from "./types";
import { vaultFail } from "./vault-admin-errors";

export type BindablePolicy = { id: string; pattern: string[] };

/** The policy a vault may be created with; 404 BackupService.6000 when there is none. */
export function checkVaultPolicy(project: CbrProject, policyId: string): BindablePolicy {
  const holder = project.cbr.vaults.find((v) => v.policyId === policyId && v.policyPattern);
  if (!holder?.policyPattern) vaultFail("policyNotFound", `Policy (${policyId}) not found.`);
  return { id: policyId, pattern: [...holder.policyPattern] };
}

/** Binds the vault to the policy: its backups follow the policy's schedule from `now` on. */
export function bindVaultPolicy(vault: CbrVault, policy: BindablePolicy, now: Date): void {
  vault.policyId = policy.id;
  vault.policyPattern = [...policy.pattern];
  vault.policyCheckedAt = now.toISOString();
}

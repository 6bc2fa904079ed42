/**
 * What protects a resource in CBR: it sits in a vault that follows an enabled backup policy. The
 * policy lists its vaults (`associated_vaults`); a vault has no field naming its policy. A
 * resource in a vault without one is kept, not protected: no new backup will be made of it.
 * Replication policies copy backups, they make none, so they protect nothing here.
 */

type VaultLike = { id: string; name?: string | undefined; resources: { id: string }[] };
type PolicyLike = {
  id: string;
  name?: string | undefined;
  /** The cloud's default is enabled. */
  enabled?: boolean | undefined;
  operation_type?: string | undefined;
  associated_vaults?: { vault_id: string }[] | undefined;
};

export type CbrProtection = {
  vaultId: string;
  vaultName: string;
  policyId: string;
  policyName: string;
};

/** Each protected resource id → its vault and the enabled backup policy that vault follows. */
export function cbrProtectionByResource(
  vaults: readonly VaultLike[],
  policies: readonly PolicyLike[],
): Map<string, CbrProtection> {
  const policyOfVault = new Map<string, PolicyLike>();
  for (const policy of policies) {
    if (policy.enabled === false || policy.operation_type !== "backup") continue;
    for (const binding of policy.associated_vaults ?? []) {
      if (!policyOfVault.has(binding.vault_id)) policyOfVault.set(binding.vault_id, policy);
    }
  }
  const out = new Map<string, CbrProtection>();
  for (const vault of vaults) {
    const policy = policyOfVault.get(vault.id);
    if (!policy) continue;
    for (const resource of vault.resources) {
      out.set(resource.id, {
        vaultId: vault.id,
        vaultName: vault.name ?? vault.id,
        policyId: policy.id,
        policyName: policy.name ?? policy.id,
      });
    }
  }
  return out;
}

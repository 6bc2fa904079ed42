import "server-only";
import {
  associateVaultPolicy,
  type CbrPolicy,
  createCbrPolicy,
  deleteCbrPolicy,
  dissociateVaultPolicy,
  getCbrPolicy,
  listCbrPolicies,
  listVaults,
  updateCbrPolicy,
} from "@/lib/cloud/cbr";
import type { CloudContext } from "@/lib/cloud/context";
import { CloudError } from "@/lib/cloud/errors";
import type { Locale } from "@/lib/i18n/locales";
import { cbrPolicyFieldOfCloudError } from "@/lib/schemas/cbr-policy";
import {
  type CbrPolicyFormValues,
  type CbrPolicyView,
  cbrPolicyBodyOf,
} from "@/lib/schemas/cbr-policy-form";
import { heldByPolicyMessage } from "@/lib/server/error-messages";
import { RouteError, refusalsAtField } from "@/lib/server/errors";

// CBR v3 policies for the console: reads with the bound vaults' names, changes, and refusals sent
// back to the editor field they concern.

type VaultNames = Map<string, { name: string; resources: number }>;

async function vaultNames(cloud: CloudContext): Promise<VaultNames> {
  const page = await listVaults(cloud, { limit: 1000 });
  return new Map(
    page.items.map((v) => [v.id, { name: v.name ?? v.id, resources: v.resources.length }]),
  );
}

export function toCbrPolicyView(policy: CbrPolicy, vaults: VaultNames = new Map()): CbrPolicyView {
  const definition: Record<string, number | string> = {};
  for (const [key, value] of Object.entries(policy.operation_definition ?? {})) {
    if (typeof value === "number" || typeof value === "string") definition[key] = value;
  }
  return {
    id: policy.id,
    name: policy.name ?? policy.id,
    enabled: policy.enabled ?? true,
    operationType: policy.operation_type ?? "backup",
    pattern: policy.trigger?.properties?.pattern ?? [],
    definition,
    vaults: (policy.associated_vaults ?? []).map((a) => {
      const vault = vaults.get(a.vault_id);
      return {
        id: a.vault_id,
        name: vault?.name ?? a.vault_id,
        ...(vault ? { resources: vault.resources } : {}),
      };
    }),
  };
}

export async function listCbrPolicyViews(cloud: CloudContext): Promise<CbrPolicyView[]> {
  const [policies, vaults] = await Promise.all([listCbrPolicies(cloud), vaultNames(cloud)]);
  return policies.map((p) => toCbrPolicyView(p, vaults));
}

export async function getCbrPolicyView(cloud: CloudContext, id: string): Promise<CbrPolicyView> {
  const [policy, vaults] = await Promise.all([getCbrPolicy(cloud, id), vaultNames(cloud)]);
  return toCbrPolicyView(policy, vaults);
}

/** Runs a cloud change; a refusal about one field comes back at that field. */
function atField<T>(locale: Locale, call: () => Promise<T>): Promise<T> {
  return refusalsAtField(locale, (e) => cbrPolicyFieldOfCloudError(e.code, e.message), call);
}

export async function createCbrPolicyFrom(
  cloud: CloudContext,
  locale: Locale,
  values: CbrPolicyFormValues,
): Promise<CbrPolicyView> {
  const created = await atField(locale, () =>
    createCbrPolicy(cloud, cbrPolicyBodyOf(values, "create")),
  );
  return toCbrPolicyView(created);
}

export async function updateCbrPolicyFrom(
  cloud: CloudContext,
  locale: Locale,
  id: string,
  values: CbrPolicyFormValues,
): Promise<CbrPolicyView> {
  const { operation_type: _type, ...body } = cbrPolicyBodyOf(values, "update") as ReturnType<
    typeof cbrPolicyBodyOf
  > & { operation_type?: string };
  await atField(locale, () => updateCbrPolicy(cloud, id, body));
  return getCbrPolicyView(cloud, id);
}

export async function setCbrPolicyEnabled(
  cloud: CloudContext,
  locale: Locale,
  id: string,
  enabled: boolean,
): Promise<CbrPolicyView> {
  await atField(locale, () => updateCbrPolicy(cloud, id, { enabled }));
  return getCbrPolicyView(cloud, id);
}

export async function removeCbrPolicy(cloud: CloudContext, id: string): Promise<void> {
  await deleteCbrPolicy(cloud, id);
}

/** Binds the policy to a vault; a refusal (wrong vault, one already bound) is shown at `vaultId`. */
export async function bindCbrPolicy(
  cloud: CloudContext,
  locale: Locale,
  id: string,
  vaultId: string,
): Promise<CbrPolicyView> {
  try {
    await associateVaultPolicy(cloud, vaultId, id);
  } catch (error) {
    if (!(error instanceof CloudError) || error.status === 401) throw error;
    const held = error.code === NOT_APPLICABLE ? await heldBy(cloud, vaultId, id) : undefined;
    throw RouteError.fromCloud(error, locale, {
      field: "vaultId",
      ...(held ? { addendum: heldByPolicyMessage(held.name ?? held.id, locale) } : {}),
    });
  }
  return getCbrPolicyView(cloud, id);
}

/** "The policy cannot be applied" (OTC-CBR error codes): most often, one of its type is bound. */
const NOT_APPLICABLE = "BackupService.6127";

/** The policy of the same type as `policyId` that the vault already follows, if any. */
async function heldBy(
  cloud: CloudContext,
  vaultId: string,
  policyId: string,
): Promise<CbrPolicy | undefined> {
  const [policy, bound] = await Promise.all([
    getCbrPolicy(cloud, policyId),
    listCbrPolicies(cloud, { vault_id: vaultId }),
  ]).catch(() => [undefined, []] as const);
  return bound.find((p) => p.id !== policyId && p.operation_type === policy?.operation_type);
}

export async function unbindCbrPolicy(
  cloud: CloudContext,
  id: string,
  vaultId: string,
): Promise<CbrPolicyView> {
  await dissociateVaultPolicy(cloud, vaultId, id);
  return getCbrPolicyView(cloud, id);
}

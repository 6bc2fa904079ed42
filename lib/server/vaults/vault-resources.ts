import "server-only";
import {
  addVaultResources,
  getVault,
  listProtectables,
  listVaults,
  migrateVaultResources,
  type Protectable,
} from "@/lib/cloud/cbr";
import type { CloudContext } from "@/lib/cloud/context";
import type { Locale } from "@/lib/i18n/locales";
import type { AddResourcesResult, VaultCandidate } from "@/lib/schemas/vault-admin";
import { RESOURCE_TYPE_OF } from "@/lib/vaults/rules";
import { RouteError, refusalsAtField } from "../errors";

const PAGE = 50;
const MAX_PAGES = 10;

async function allProtectables(cloud: CloudContext, type: "server" | "disk") {
  const all: Protectable[] = [];
  for (let page = 0; page < MAX_PAGES; page++) {
    const items = await listProtectables(cloud, type, { limit: PAGE, offset: page * PAGE });
    all.push(...items);
    if (items.length < PAGE) break;
  }
  return all;
}

function objectTypeOf(vault: { billing?: { object_type?: string | undefined } | undefined }) {
  return vault.billing?.object_type === "disk" ? "disk" : "server";
}

/**
 * What could go into the vault, each with its state: in this vault, free, held by another vault
 * (with the backups a move keeps), or refused with the cloud's reason (an error state, a shared
 * disk…). The cloud's protectables answer decides; the console adds the backup counts.
 */
export async function vaultCandidates(
  cloud: CloudContext,
  vaultId: string,
): Promise<VaultCandidate[]> {
  const vault = await getVault(cloud, vaultId);
  const [instances, vaults] = await Promise.all([
    allProtectables(cloud, objectTypeOf(vault)),
    listVaults(cloud, { limit: 1000 }),
  ]);
  const backupsIn = new Map(
    vaults.items.flatMap((v) => v.resources.map((r) => [`${v.id}/${r.id}`, r.backup_count ?? 0])),
  );
  const names = new Map(vaults.items.map((v) => [v.id, v.name ?? v.id]));
  const locked = new Set(vaults.items.filter((v) => v.locked).map((v) => v.id));
  const here = new Set(vault.resources.map((r) => r.id));
  return instances.map((p): VaultCandidate => {
    const base = {
      id: p.id,
      name: p.name || p.id,
      type: p.type,
      ...(p.size !== undefined ? { sizeGb: p.size } : {}),
      disks: p.children.map((d) => ({
        id: d.id,
        name: d.name || d.id,
        ...(d.size !== undefined ? { sizeGb: d.size } : {}),
      })),
    };
    if (here.has(p.id)) return { ...base, state: "here" };
    const holder = p.protectable?.vault;
    if (holder && locked.has(holder.id)) {
      // Backup locking keeps a vault's resources in it (lib/vaults checkMigration).
      const name = holder.name ?? names.get(holder.id) ?? holder.id;
      return {
        ...base,
        state: "refused",
        vault: { id: holder.id, name },
        reason: `it is in vault ${name}, whose backup locking keeps its resources there.`,
      };
    }
    if (holder) {
      return {
        ...base,
        state: "elsewhere",
        vault: { id: holder.id, name: holder.name ?? names.get(holder.id) ?? holder.id },
        backups: backupsIn.get(`${holder.id}/${p.id}`) ?? 0,
      };
    }
    if (p.protectable && !p.protectable.result) {
      return {
        ...base,
        state: "refused",
        reason: p.protectable.reason ?? p.protectable.code ?? "",
      };
    }
    return { ...base, state: "free" };
  });
}

/**
 * New resources with one AddResources; resources the user chose to move with one
 * MigrateResources per vault they come from (their backups move with them). Nothing is retried;
 * the first refusal stops there and is shown at its part of the form, in the catalog's words.
 */
export async function addResources(
  cloud: CloudContext,
  locale: Locale,
  vaultId: string,
  input: { add: string[]; move: { id: string; fromVaultId: string }[] },
): Promise<AddResourcesResult> {
  const vault = await getVault(cloud, vaultId);
  const type = RESOURCE_TYPE_OF[objectTypeOf(vault)];
  if (input.move.some((m) => m.fromVaultId === vaultId)) {
    throw RouteError.of("VALIDATION", {
      field: "move",
      message: "A resource cannot be moved to the vault it is in.",
    });
  }
  const added =
    input.add.length > 0
      ? await refusalsAtField(
          locale,
          () => "add",
          () =>
            addVaultResources(
              cloud,
              vaultId,
              input.add.map((id) => ({ id, type })),
            ),
        )
      : [];
  const moved: string[] = [];
  const bySource = new Map<string, string[]>();
  for (const m of input.move)
    bySource.set(m.fromVaultId, [...(bySource.get(m.fromVaultId) ?? []), m.id]);
  for (const [source, ids] of bySource) {
    await refusalsAtField(
      locale,
      () => "move",
      () => migrateVaultResources(cloud, source, vaultId, ids),
    );
    moved.push(...ids);
  }
  return { added, moved };
}

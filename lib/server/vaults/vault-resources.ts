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
import { listAllServers } from "@/lib/cloud/ecs";
import type { Locale } from "@/lib/i18n/locales";
import type { AddResourcesResult, VaultCandidate } from "@/lib/schemas/vault-admin";
import { RESOURCE_TYPE_OF, type Tag, type VaultObjectType } from "@/lib/vaults/rules";
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
 * A server's tags as auto-bind rules see them. ECS keeps a server's tags in its metadata on the
 * simulator (as Nova metadata); the cloud's tag API would be the source on a real one.
 */
function serverTags(metadata: Record<string, string> | undefined): Tag[] {
  return Object.entries(metadata ?? {}).map(([key, value]) => ({ key, value }));
}

/**
 * What could go into a vault of `objectType`, each with its state: in the vault (`here`), free,
 * held by another vault (with the backups a move keeps), or refused with the cloud's reason (an
 * error state, a shared disk…). The cloud's protectables answer decides; the console adds the
 * backup counts and, for servers, their tags.
 */
async function candidatesFor(
  cloud: CloudContext,
  objectType: VaultObjectType,
  here: ReadonlySet<string>,
): Promise<VaultCandidate[]> {
  const [instances, vaults, servers] = await Promise.all([
    allProtectables(cloud, objectType),
    listVaults(cloud, { limit: 1000 }),
    objectType === "server" ? listAllServers(cloud) : Promise.resolve([]),
  ]);
  const backupsIn = new Map(
    vaults.items.flatMap((v) => v.resources.map((r) => [`${v.id}/${r.id}`, r.backup_count ?? 0])),
  );
  const names = new Map(vaults.items.map((v) => [v.id, v.name ?? v.id]));
  const locked = new Set(vaults.items.filter((v) => v.locked).map((v) => v.id));
  const tagsOf = new Map(servers.map((s) => [s.id, serverTags(s.metadata)]));
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
      tags: tagsOf.get(p.id) ?? [],
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

/** What could go into this vault (see candidatesFor). */
export async function vaultCandidates(
  cloud: CloudContext,
  vaultId: string,
): Promise<VaultCandidate[]> {
  const vault = await getVault(cloud, vaultId);
  return candidatesFor(cloud, objectTypeOf(vault), new Set(vault.resources.map((r) => r.id)));
}

/** What could go into a new vault of this type (see candidatesFor). */
export function newVaultCandidates(
  cloud: CloudContext,
  objectType: VaultObjectType,
): Promise<VaultCandidate[]> {
  return candidatesFor(cloud, objectType, new Set());
}

/**
 * Moves resources into the vault with one MigrateResources per vault they come from (their
 * backups move with them). Nothing is retried; the first refusal stops there, at the `move` field,
 * with what had moved before it already in `moved`.
 */
export async function moveResources(
  cloud: CloudContext,
  locale: Locale,
  vaultId: string,
  move: readonly { id: string; fromVaultId: string }[],
  moved: string[] = [],
): Promise<string[]> {
  const bySource = new Map<string, string[]>();
  for (const m of move) bySource.set(m.fromVaultId, [...(bySource.get(m.fromVaultId) ?? []), m.id]);
  for (const [source, ids] of bySource) {
    await refusalsAtField(
      locale,
      () => "move",
      () => migrateVaultResources(cloud, source, vaultId, ids),
    );
    moved.push(...ids);
  }
  return moved;
}

/**
 * New resources with one AddResources, then the moves (moveResources). Nothing is retried; the
 * first refusal stops there and is shown at its part of the form, in the catalog's words.
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
  const moved = await moveResources(cloud, locale, vaultId, input.move);
  return { added, moved };
}

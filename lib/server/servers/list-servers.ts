import "server-only";
import { listBackups, listCbrPolicies, listVaults } from "@/lib/cloud/cbr";
import type { CloudContext } from "@/lib/cloud/context";
import { checkProtectable, csbsOffered, listCheckpointItems, listPolicies } from "@/lib/cloud/csbs";
import { listServers, type Server } from "@/lib/cloud/ecs";
import { listVolumes, type Volume } from "@/lib/cloud/evs";
import { cloudErrorMessage } from "@/lib/i18n/cloud-errors";
import type { Locale } from "@/lib/i18n/locales";
import { createTranslator } from "@/lib/i18n/translate";
import type { ServerRow } from "@/lib/schemas/backups";
import { cbrProtectionByResource } from "@/lib/vaults";

const MAX_PAGES = 20;
const SERVER_TYPE = "OS::Nova::Server";
/** Being in another policy makes check_protectable say no, but a manual backup is still possible. */
const STILL_PROTECTABLE = new Set(["CSBS.6004"]);
/** How many of the newest backups are read to find each server's last one (one request). */
const RECENT_BACKUPS = 1000;

async function allPages<T>(
  fetchPage: (marker: string | undefined) => Promise<{ items: T[]; nextMarker?: string }>,
): Promise<T[]> {
  const all: T[] = [];
  let marker: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = await fetchPage(marker);
    all.push(...result.items);
    marker = result.nextMarker;
    if (!marker) break;
  }
  return all;
}

type CbrPlacement = {
  /** Server → the CBR server vault holding it. */
  vaultOf: Map<string, { id: string; name: string }>;
  /** Vault → the backup policy bound to it, enabled or not. */
  policyOf: Map<string, { id: string; name: string; enabled: boolean }>;
  /** Server → its vault's enabled policy: what protects it (lib/vaults/protection.ts). */
  protection: ReturnType<typeof cbrProtectionByResource>;
};

/** Where each server sits in CBR and what its vault follows; nothing if CBR fails to answer. */
async function cbrPlacement(cloud: CloudContext): Promise<CbrPlacement> {
  try {
    const [vaults, policies] = await Promise.all([
      listVaults(cloud, { limit: 1000 }),
      listCbrPolicies(cloud, { operation_type: "backup" }),
    ]);
    const vaultOf = new Map<string, { id: string; name: string }>();
    for (const vault of vaults.items) {
      for (const r of vault.resources) {
        if (r.type === SERVER_TYPE)
          vaultOf.set(r.id, { id: vault.id, name: vault.name ?? vault.id });
      }
    }
    const policyOf = new Map<string, { id: string; name: string; enabled: boolean }>();
    for (const p of policies) {
      if (p.operation_type !== "backup") continue;
      for (const b of p.associated_vaults ?? []) {
        if (!policyOf.has(b.vault_id)) {
          policyOf.set(b.vault_id, {
            id: p.id,
            name: p.name ?? p.id,
            enabled: p.enabled !== false,
          });
        }
      }
    }
    return { vaultOf, policyOf, protection: cbrProtectionByResource(vaults.items, policies) };
  } catch {
    return { vaultOf: new Map(), policyOf: new Map(), protection: new Map() };
  }
}

/** Each server's newest CBR backup among the project's latest 1,000; none if CBR fails. */
async function recentCbrBackups(cloud: CloudContext) {
  try {
    const page = await listBackups(cloud, {
      limit: RECENT_BACKUPS,
      sort: "created_at:desc",
      resource_type: SERVER_TYPE,
    });
    return page.items;
  } catch {
    return [];
  }
}

/**
 * The project's servers for `/servers`: disks from EVS (one listing, not one call per server),
 * how each is protected (a CSBS policy listing it, its CBR vault and that vault's policy), its
 * newest backup in either service among the project's latest 1,000 of each, and whether it can be
 * backed up now: a vault member by CBR (which answers per backup), any other by CSBS's verdict
 * (one check for all; none where the region offers no CSBS).
 */
export async function listServerRows(cloud: CloudContext, locale: Locale): Promise<ServerRow[]> {
  const [servers, volumes, policies, recent, recentCbr, cbr] = await Promise.all([
    allPages<Server>((marker) => listServers(cloud, { limit: 100, ...(marker ? { marker } : {}) })),
    allPages<Volume>((marker) =>
      listVolumes(cloud, { limit: 1000, ...(marker ? { marker } : {}) }),
    ),
    listPolicies(cloud, { limit: 1000 }),
    listCheckpointItems(cloud, { limit: RECENT_BACKUPS, sort: "created_at:desc" }),
    recentCbrBackups(cloud),
    cbrPlacement(cloud),
  ]);
  const csbsChecked = servers.filter((s) => !cbr.vaultOf.has(s.id));
  const checks =
    csbsChecked.length > 0 && csbsOffered(cloud)
      ? await checkProtectable(
          cloud,
          csbsChecked.map((s) => ({ resource_id: s.id, resource_type: SERVER_TYPE })),
        )
      : [];

  const csbsPolicy = new Map<string, { id: string; name: string }>();
  for (const p of policies)
    for (const r of p.resources) csbsPolicy.set(r.id, { id: p.id, name: p.name });
  const verdict = new Map(checks.map((c) => [c.resource_id, c]));
  const last = new Map<string, NonNullable<ServerRow["lastBackup"]>>();
  const offer = (serverId: string | undefined, row: NonNullable<ServerRow["lastBackup"]>) => {
    if (!serverId) return;
    const seen = last.get(serverId);
    if (!seen || (row.createdAt ?? "") > (seen.createdAt ?? "")) last.set(serverId, row);
  };
  for (const item of recent.items) {
    offer(item.resource_id, {
      id: item.id,
      service: "csbs",
      name: item.name ?? "",
      status: item.status,
      ...(item.extend_info.progress !== undefined ? { progress: item.extend_info.progress } : {}),
      ...(item.created_at ? { createdAt: item.created_at } : {}),
    });
  }
  for (const backup of recentCbr) {
    offer(backup.resource_id, {
      id: backup.id,
      service: "cbr",
      name: backup.name ?? "",
      status: backup.status,
      ...(backup.created_at ? { createdAt: backup.created_at } : {}),
    });
  }
  const disksOf = new Map<string, ServerRow["disks"]>();
  for (const volume of volumes) {
    for (const attachment of volume.attachments) {
      if (!attachment.server_id) continue;
      const list = disksOf.get(attachment.server_id) ?? [];
      list.push({
        id: volume.id,
        ...(volume.name ? { name: volume.name } : {}),
        ...(volume.size !== undefined ? { sizeGb: volume.size } : {}),
        system:
          volume.bootable === true ||
          attachment.device === "/dev/vda" ||
          attachment.device === "/dev/sda",
        ...(attachment.device ? { device: attachment.device } : {}),
        shared: volume.multiattach === true || volume.shareable === true,
      });
      disksOf.set(attachment.server_id, list);
    }
  }

  const t = createTranslator(locale);
  const noCsbs = !csbsOffered(cloud);
  return servers
    .map((s): ServerRow => {
      const vault = cbr.vaultOf.get(s.id) ?? null;
      const check = verdict.get(s.id);
      const code = check?.error_code;
      const protectable =
        vault !== null ||
        check?.result === true ||
        (code !== undefined && STILL_PROTECTABLE.has(code));
      const reason = noCsbs
        ? t("servers.backupNow.noService")
        : code
          ? (cloudErrorMessage(code, locale) ?? check?.error_msg ?? code)
          : (check?.error_msg ?? "");
      const cbrProtection = cbr.protection.get(s.id);
      const disks = (disksOf.get(s.id) ?? []).sort((a, b) =>
        (a.device ?? "").localeCompare(b.device ?? ""),
      );
      const csbs = csbsPolicy.get(s.id) ?? null;
      return {
        id: s.id,
        name: s.name,
        status: s.status,
        ...(s["OS-EXT-AZ:availability_zone"] ? { az: s["OS-EXT-AZ:availability_zone"] } : {}),
        ...(s.flavor?.name || s.flavor?.id
          ? { flavor: (s.flavor.name ?? s.flavor.id) as string }
          : {}),
        disks,
        // A server in both services names its CSBS policy here, the one its CSBS checks concern.
        policy:
          csbs ??
          (cbrProtection ? { id: cbrProtection.policyId, name: cbrProtection.policyName } : null),
        csbsPolicy: csbs,
        vault,
        cbrPolicy: vault ? (cbr.policyOf.get(vault.id) ?? null) : null,
        lastBackup: last.get(s.id) ?? null,
        protectable,
        ...(!protectable ? { reason } : {}),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

import "server-only";
import { listCbrPolicies, listVaults } from "@/lib/cloud/cbr";
import type { CloudContext } from "@/lib/cloud/context";
import { checkProtectable, listCheckpointItems, listPolicies } from "@/lib/cloud/csbs";
import { listServers, type Server } from "@/lib/cloud/ecs";
import { listVolumes, type Volume } from "@/lib/cloud/evs";
import { cloudErrorMessage } from "@/lib/i18n/cloud-errors";
import type { Locale } from "@/lib/i18n/locales";
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

/** Servers protected by CBR (in a vault following an enabled backup policy); none if CBR fails. */
async function cbrProtection(cloud: CloudContext) {
  try {
    const [vaults, policies] = await Promise.all([
      listVaults(cloud, { limit: 1000 }),
      listCbrPolicies(cloud, { operation_type: "backup" }),
    ]);
    return cbrProtectionByResource(vaults.items, policies);
  } catch {
    return new Map<string, never>();
  }
}

/**
 * The project's servers for `/servers`: disks from EVS (one listing, not one call per server),
 * the policy holding each (a CSBS policy listing it, or the CBR policy of its vault), its newest backup among the project's latest 1,000, and CSBS's
 * verdict on backing it up (one check for all).
 */
export async function listServerRows(cloud: CloudContext, locale: Locale): Promise<ServerRow[]> {
  const [servers, volumes, policies, recent, cbr] = await Promise.all([
    allPages<Server>((marker) => listServers(cloud, { limit: 100, ...(marker ? { marker } : {}) })),
    allPages<Volume>((marker) =>
      listVolumes(cloud, { limit: 1000, ...(marker ? { marker } : {}) }),
    ),
    listPolicies(cloud, { limit: 1000 }),
    listCheckpointItems(cloud, { limit: RECENT_BACKUPS, sort: "created_at:desc" }),
    cbrProtection(cloud),
  ]);
  const checks =
    servers.length > 0
      ? await checkProtectable(
          cloud,
          servers.map((s) => ({ resource_id: s.id, resource_type: SERVER_TYPE })),
        )
      : [];

  const owner = new Map<string, { id: string; name: string }>();
  for (const [id, p] of cbr) owner.set(id, { id: p.policyId, name: p.policyName });
  // A server in both services shows its CSBS policy, the one the rest of this row is about.
  for (const p of policies)
    for (const r of p.resources) owner.set(r.id, { id: p.id, name: p.name });
  const verdict = new Map(checks.map((c) => [c.resource_id, c]));
  const last = new Map<string, (typeof recent.items)[number]>();
  for (const item of recent.items) {
    if (item.resource_id && !last.has(item.resource_id)) last.set(item.resource_id, item);
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

  return servers
    .map((s): ServerRow => {
      const check = verdict.get(s.id);
      const code = check?.error_code;
      const protectable =
        check?.result === true || (code !== undefined && STILL_PROTECTABLE.has(code));
      const item = last.get(s.id);
      const disks = (disksOf.get(s.id) ?? []).sort((a, b) =>
        (a.device ?? "").localeCompare(b.device ?? ""),
      );
      return {
        id: s.id,
        name: s.name,
        status: s.status,
        ...(s["OS-EXT-AZ:availability_zone"] ? { az: s["OS-EXT-AZ:availability_zone"] } : {}),
        ...(s.flavor?.name || s.flavor?.id
          ? { flavor: (s.flavor.name ?? s.flavor.id) as string }
          : {}),
        disks,
        policy: owner.get(s.id) ?? null,
        lastBackup: item
          ? {
              id: item.id,
              name: item.name ?? "",
              status: item.status,
              ...(item.extend_info.progress !== undefined
                ? { progress: item.extend_info.progress }
                : {}),
              ...(item.created_at ? { createdAt: item.created_at } : {}),
            }
          : null,
        protectable,
        ...(!protectable
          ? {
              reason: code
                ? (cloudErrorMessage(code, locale) ?? check?.error_msg ?? code)
                : (check?.error_msg ?? ""),
            }
          : {}),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

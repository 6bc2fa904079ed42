import { type BackupNowBody, backupNameFor } from "./backups";
import { CHECKPOINT_LIMITS } from "./vault";

/**
 * Which service "back up now" uses for a server, and what that service cannot take. Shared by the
 * dialog (which says it before sending) and the service behind `POST /api/servers/backup` (which
 * decides again on fresh vault data and refuses what breaks these rules before sending anything).
 * Kept apart from backups.ts because it reads the CBR checkpoint limits of vault.ts, which itself
 * imports backups.ts.
 */

export type VaultRef = { id: string; name: string };

export type BackupNowTarget =
  | { service: "cbr"; vault: VaultRef }
  | { service: "csbs" }
  /** In no vault, and the project's region offers no CSBS: nothing can back it up now. */
  | { service: null };

/**
 * A server in a CBR server vault is backed up in that vault: CBR is the service tenants run and
 * CSBS is being retired, and a vault member's backups belong with the vault's others (its policy's
 * retention, its locking, its restore points). Outside vaults CSBS is the only way, where offered.
 */
export function backupNowTarget(vault: VaultRef | null, csbsOffered: boolean): BackupNowTarget {
  if (vault) return { service: "cbr", vault };
  return csbsOffered ? { service: "csbs" } : { service: null };
}

export type BackupNowConflict = {
  /** The body's field at fault, as the form names it. */
  field: string;
  /** Why, as a words key of the servers catalog (lib/i18n/words/servers.ts). */
  reason: "cbrName" | "cbrTags" | "cbrExclude";
};

/**
 * What a CBR checkpoint (seeds/004) cannot take from the back up now body: a name over 64
 * characters (with the `-0001` suffix several servers get), tags (its parameters have none) and
 * disks to leave out (its documented resource details name a resource, not its disks).
 */
export function backupNowConflicts(
  body: Pick<BackupNowBody, "servers" | "name" | "tags">,
  isCbr: (serverId: string) => boolean,
): BackupNowConflict[] {
  const cbr = body.servers.filter((s) => isCbr(s.id));
  if (cbr.length === 0) return [];
  const out: BackupNowConflict[] = [];
  if (body.name.trim().length > cbrNameMax(body.servers.length)) {
    out.push({ field: "name", reason: "cbrName" });
  }
  if (body.tags.length > 0) out.push({ field: "tags", reason: "cbrTags" });
  body.servers.forEach((s, i) => {
    if (isCbr(s.id) && s.excludeVolumes.length > 0) {
      out.push({ field: `servers.${i}.excludeVolumes`, reason: "cbrExclude" });
    }
  });
  return out;
}

/** The longest name CBR takes for `count` servers: 64, less the suffix backupNameFor adds. */
export function cbrNameMax(count: number): number {
  return CHECKPOINT_LIMITS.name - backupNameFor("", 0, count).length;
}

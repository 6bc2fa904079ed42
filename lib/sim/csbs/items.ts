import { RUNNING_STATUSES } from "@/lib/status";
import type { ProjectState } from "../state";
import { type CsbsFailure, failure } from "./errors";
import { deviceOf, type ProtectableServer, typeOf } from "./protectable";
import type { CsbsItem, CsbsState, CsbsStatus } from "./types";

/** Statuses in which an item is busy (the cloud still works on it): neither restored nor deleted. */
export const BUSY: ReadonlySet<CsbsStatus> = new Set(RUNNING_STATUSES);

/** Items that count against the quota (everything not deleted). */
export function liveItems(csbs: CsbsState): CsbsItem[] {
  return csbs.items.filter((i) => i.status !== "deleted");
}

export function checkQuota(csbs: CsbsState, adding: number): CsbsFailure | null {
  const used = liveItems(csbs).length;
  return used + adding > csbs.quotas.backups ? failure("CSBS.9006", "backups") : null;
}

/** Keeps `items` sorted by creation time (nearly always an append). */
export function insertItem(csbs: CsbsState, item: CsbsItem): void {
  let i = csbs.items.length;
  while (i > 0 && compareCreated(csbs.items[i - 1] as CsbsItem, item) > 0) i--;
  csbs.items.splice(i, 0, item);
}

export function findItem(csbs: CsbsState, id: string): CsbsItem | undefined {
  const item = csbs.items.find((i) => i.id === id);
  return item && item.status !== "deleted" ? item : undefined;
}

export type NewBackup = {
  id: string;
  checkpointId: string;
  name: string;
  description: string;
  policyId: string | null;
  autoTrigger: boolean;
  /** Already resolved by the caller with `isIncremental` (the first backup is always full). */
  incremental: boolean;
  tags: CsbsItem["tags"];
  /** Data disks left out of this backup (`extra_info.exclude_volumes`). */
  excludeVolumes?: string[];
  createdAt: Date;
  newId: () => string;
  rand: () => number;
};

/**
 * A backup is incremental when asked (or not said otherwise) and the server already has a usable
 * backup to build on; the first backup of a server is always full (reference 5.1.1).
 */
export function isIncremental(
  csbs: CsbsState,
  serverId: string,
  asked: boolean | undefined,
): boolean {
  if (asked === false) return false;
  return csbs.items.some(
    (i) => i.resourceId === serverId && i.status !== "error" && i.status !== "deleted",
  );
}

/** A new server backup in `protecting`, with one volume backup per disk attached right now. */
export function newItem(project: ProjectState, target: ProtectableServer, b: NewBackup): CsbsItem {
  const { server } = target;
  const excluded = new Set(b.excludeVolumes ?? []);
  const volumes = target.volumes.filter((v) => !excluded.has(v.id));
  const incremental = b.incremental;
  const at = b.createdAt.toISOString();
  const addresses = Object.values(server.addresses).flat();
  const snapshotId = b.newId();
  return {
    id: b.id,
    checkpointId: b.checkpointId,
    name: b.name,
    description: b.description,
    status: "protecting",
    resourceId: server.id,
    resourceType: typeOf(server),
    resourceName: server.name,
    resourceAz: server.availabilityZone,
    createdAt: at,
    updatedAt: at,
    finishedAt: null,
    policyId: b.policyId,
    autoTrigger: b.autoTrigger,
    incremental,
    imageType: "backup",
    progress: 0,
    sizeMb: 0,
    averageSpeed: 0,
    spaceSavingRatio: 0,
    failCode: null,
    failOp: "",
    failReason: "",
    taskId: b.newId(),
    volumeBackups: volumes.map((v) => ({
      id: b.newId(),
      name: b.name,
      sourceVolumeId: v.id,
      sourceVolumeName: v.name,
      sourceVolumeSizeGb: v.sizeGb,
      bootable: server.volumeIds[0] === v.id,
      device: deviceOf(v, server.id),
      incremental,
      sizeMb: 0,
      averageSpeed: 0,
      spaceSavingRatio: 0,
      snapshotId,
    })),
    backupData: {
      region: project.name,
      cloudServiceType: "server",
      disk: volumes[0]?.sizeGb ?? 0,
      imageType: server.imageType ?? "gold",
      ram: server.flavor.ram,
      vcpus: server.flavor.vcpus,
      eip: addresses.find((a) => a.type === "floating")?.addr ?? "",
      privateIp: addresses.find((a) => a.type === "fixed")?.addr ?? "",
    },
    tags: b.tags,
    task: { kind: "protect", startedAt: at, requestedAt: at },
  };
}

/**
 * The sizes a finished backup reports: a share of the disks' size, smaller for incrementals.
 * Some speeds and ratios are fractional, as real clouds send them (reference/cloud-apis.md §5).
 */
export function completeSizes(item: CsbsItem, rand: () => number): void {
  let total = 0;
  for (const v of item.volumeBackups) {
    const share = item.incremental ? 0.02 + rand() * 0.08 : 0.1 + rand() * 0.4;
    v.sizeMb = Math.max(1, Math.round(v.sourceVolumeSizeGb * 1024 * share));
    v.averageSpeed = Math.round(20 + rand() * 80);
    v.spaceSavingRatio = Math.round(rand() * 60);
    total += v.sizeMb;
  }
  item.sizeMb = total;
  item.averageSpeed = Math.round((20 + rand() * 80) * 10) / 10;
  item.spaceSavingRatio = Math.round(rand() * 600) / 10;
}

/** Short random suffix of CSBS's generated names (`manualbk_47222`, `autobk_d32c`). */
export function nameSuffix(rand: () => number): string {
  return Math.floor(rand() * 0x10000)
    .toString(16)
    .padStart(4, "0");
}

/** Queues a delete: at most five run at once per project (the ticker starts the waiting ones). */
export function requestDelete(item: CsbsItem, now: Date): void {
  const at = now.toISOString();
  item.status = "waiting_delete";
  item.updatedAt = at;
  item.task = { kind: "delete", startedAt: null, requestedAt: at };
}

/** The items' storage order: creation time, then id (so that a reverse walk is a stable order). */
export function compareCreated(a: CsbsItem, b: CsbsItem): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * `extra_info.exclude_volumes` (seeds/000): data disks of the server to leave out. The system disk
 * cannot be left out, and every id must be a disk of the server.
 */
export function checkExcludedVolumes(
  target: ProtectableServer,
  extraInfo: unknown,
): CsbsFailure | string[] {
  if (typeof extraInfo !== "object" || extraInfo === null) return [];
  const list = (extraInfo as Record<string, unknown>).exclude_volumes;
  if (list === undefined) return [];
  if (!Array.isArray(list) || !list.every((x) => typeof x === "string")) {
    return failure("CSBS.9001", "extra_info.exclude_volumes must be a list of volume ids.");
  }
  const ids = target.volumes.map((v) => v.id);
  for (const id of list) {
    if (!ids.includes(id)) {
      return failure(
        "CSBS.9001",
        `Volume (${id}) is not attached to server (${target.server.id}).`,
      );
    }
    if (id === ids[0]) {
      return failure("CSBS.9001", `The system disk (${id}) cannot be excluded from a backup.`);
    }
  }
  return [...new Set(list)];
}

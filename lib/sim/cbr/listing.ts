// Query parameters of the CBR list operations: filters, sort and paging, checked as documented.
import { backupStatuses, operationStatuses, operationTypes, uuidPattern } from "./constants";
import { invalid } from "./errors";
import { parseQueryTime } from "./time";
import type { CbrBackup, CbrOperationLog, CbrVault } from "./types";

/** Read access to a query string, with repeatable keys (`status=a&status=b`). */
export type Query = { get(name: string): string | undefined; all(name: string): string[] };

export function queryOf(url: string): Query {
  const params = new URL(url).searchParams;
  return {
    get: (name) => params.get(name) ?? undefined,
    all: (name) => params.getAll(name),
  };
}

export type Page = { limit: number; offset: number };

function integer(query: Query, name: string, min: number, max: number): number | undefined {
  const raw = query.get(name);
  if (raw === undefined || raw === "") return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    invalid(`Invalid ${name} provided: an integer from ${min} to ${max}.`);
  }
  return Number(raw);
}

/** `limit` 1..1000 (default 1000) and `offset` from 0, as the reference's response tables give. */
export function pageOf(query: Query): Page {
  return {
    limit: integer(query, "limit", 1, 1000) ?? 1000,
    offset: integer(query, "offset", 0, Number.MAX_SAFE_INTEGER) ?? 0,
  };
}

export function paginate<T>(items: T[], page: Page): T[] {
  return items.slice(page.offset, page.offset + page.limit);
}

function oneOf<T extends string>(query: Query, name: string, values: readonly T[]): T | undefined {
  const raw = query.get(name);
  if (raw === undefined || raw === "") return undefined;
  if (!(values as readonly string[]).includes(raw)) invalid(`Invalid ${name} provided.`);
  return raw as T;
}

function id(query: Query, name: string): string | undefined {
  const raw = query.get(name);
  if (raw === undefined || raw === "") return undefined;
  if (!uuidPattern.test(raw)) invalid(`Invalid ${name} provided.`);
  return raw;
}

function text(query: Query, name: string): string | undefined {
  const raw = query.get(name);
  return raw === undefined || raw === "" ? undefined : raw;
}

function time(query: Query, name: string): number | undefined {
  const raw = text(query, name);
  if (raw === undefined) return undefined;
  const ms = parseQueryTime(raw);
  if (ms === null) invalid(`Invalid ${name} provided: use YYYY-MM-DDTHH:MM:SSZ.`);
  return ms;
}

const contains = (value: string, part: string | undefined) =>
  part === undefined || value.toLowerCase().includes(part.toLowerCase());

// ---- vaults (ListVault) ----

/** `vaultsOfPolicy`: the vaults a policy is bound to (the `policy_id` filter). */
export function vaultFilter(
  query: Query,
  vaultsOfPolicy: (policyId: string) => string[] = () => [],
): (vault: CbrVault) => boolean {
  const name = text(query, "name");
  // Repeatable (`id=a&id=b`): the SDK sends an array.
  const vaultIds = query.all("id").filter(Boolean);
  for (const value of vaultIds) if (!uuidPattern.test(value)) invalid("Invalid id provided.");
  const objectType = oneOf(query, "object_type", ["server", "disk", "turbo"] as const);
  const status = oneOf(query, "status", [
    "available",
    "lock",
    "frozen",
    "deleting",
    "error",
  ] as const);
  const policyId = text(query, "policy_id");
  const boundVaults = policyId === undefined ? [] : vaultsOfPolicy(policyId);
  const cloudType = oneOf(query, "cloud_type", ["public", "hybrid"] as const);
  const protectType = oneOf(query, "protect_type", ["backup", "replication"] as const);
  // One id, or several separated by commas, as SDKs send arrays in a query string.
  const resourceIds = text(query, "resource_ids")?.split(",").filter(Boolean);
  return (vault) =>
    contains(vault.name, name) &&
    (vaultIds.length === 0 || vaultIds.includes(vault.id)) &&
    (objectType === undefined || vault.objectType === objectType) &&
    (status === undefined || vault.status === status) &&
    (policyId === undefined || boundVaults.includes(vault.id)) &&
    (cloudType === undefined || cloudType === "public") &&
    (protectType === undefined || protectType === "backup") &&
    (resourceIds === undefined || vault.resources.some((r) => resourceIds.includes(r.id)));
}

// ---- backups (ListBackups) ----

export function backupFilter(query: Query): (backup: CbrBackup) => boolean {
  const statuses = query.all("status").filter(Boolean);
  for (const status of statuses) {
    if (!(backupStatuses as readonly string[]).includes(status))
      invalid("Invalid status provided.");
  }
  const vaultId = id(query, "vault_id");
  const resourceId = id(query, "resource_id");
  const checkpointId = id(query, "checkpoint_id");
  const resourceType = oneOf(query, "resource_type", [
    "OS::Nova::Server",
    "OS::Cinder::Volume",
    "OS::Sfs::Turbo",
  ] as const);
  const imageType = oneOf(query, "image_type", ["backup", "replication"] as const);
  const ownType = oneOf(query, "own_type", ["private", "shared", "all_granted"] as const);
  const name = text(query, "name");
  const resourceName = text(query, "resource_name");
  const resourceAz = text(query, "resource_az");
  const start = time(query, "start_time");
  const end = time(query, "end_time");
  return (backup) => {
    const created = Date.parse(backup.createdAt);
    return (
      // Nothing is shared with this project in the simulator.
      ownType !== "shared" &&
      (statuses.length === 0 || statuses.includes(backup.status)) &&
      (vaultId === undefined || backup.vaultId === vaultId) &&
      (resourceId === undefined || backup.resourceId === resourceId) &&
      (checkpointId === undefined || backup.checkpointId === checkpointId) &&
      (resourceType === undefined || backup.resourceType === resourceType) &&
      (imageType === undefined || imageType === "backup") &&
      (resourceAz === undefined || backup.resourceAz === resourceAz) &&
      contains(backup.name, name) &&
      contains(backup.resourceName, resourceName) &&
      (start === undefined || created >= start) &&
      (end === undefined || created <= end)
    );
  };
}

const sortKeys = ["created_at", "updated_at", "name", "status", "protected_at", "id"] as const;
type SortKey = (typeof sortKeys)[number];

const sortValue: Record<SortKey, (b: CbrBackup) => string> = {
  created_at: (b) => b.createdAt,
  updated_at: (b) => b.updatedAt,
  name: (b) => b.name,
  status: (b) => b.status,
  protected_at: (b) => b.protectedAt ?? "",
  id: (b) => b.id,
};

/** `sort=key1[:asc|desc],key2…`, at most 255 characters; the default direction is desc. */
export function backupComparator(query: Query): (a: CbrBackup, b: CbrBackup) => number {
  const raw = text(query, "sort") ?? "created_at:desc";
  if (raw.length > 255) invalid("Invalid sort provided: at most 255 characters.");
  const keys = raw.split(",").map((part) => {
    const [key, direction = "desc", extra] = part.trim().split(":");
    if (!(sortKeys as readonly string[]).includes(key ?? "") || extra !== undefined) {
      invalid(`Invalid sort provided: keys are ${sortKeys.join(", ")}.`);
    }
    if (direction !== "asc" && direction !== "desc") {
      invalid("Invalid sort provided: direction is asc or desc.");
    }
    return { value: sortValue[key as SortKey], sign: direction === "asc" ? 1 : -1 };
  });
  return (a, b) => {
    for (const { value, sign } of keys) {
      const x = value(a);
      const y = value(b);
      if (x !== y) return x < y ? -sign : sign;
    }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  };
}

/** `marker`: the id of the last backup of the previous page; paging resumes after it. */
export function afterMarker(query: Query, sorted: CbrBackup[]): CbrBackup[] {
  const marker = text(query, "marker");
  if (marker === undefined) return sorted;
  const index = sorted.findIndex((b) => b.id === marker);
  if (index < 0) invalid("Invalid marker provided.");
  return sorted.slice(index + 1);
}

// ---- operation logs (ListOpLogs) ----

export function operationLogFilter(query: Query): (log: CbrOperationLog) => boolean {
  const type = oneOf(query, "operation_type", operationTypes);
  const status = oneOf(query, "status", operationStatuses);
  const vaultId = id(query, "vault_id");
  const checkpointId = id(query, "checkpoint_id");
  const resourceId = id(query, "resource_id");
  const providerId = id(query, "provider_id");
  const vaultName = text(query, "vault_name");
  const resourceName = text(query, "resource_name");
  const start = time(query, "start_time");
  const end = time(query, "end_time");
  return (log) => {
    const created = Date.parse(log.createdAt);
    return (
      (type === undefined || log.operationType === type) &&
      (status === undefined || log.status === status) &&
      (vaultId === undefined || log.vaultId === vaultId) &&
      (checkpointId === undefined || log.checkpointId === checkpointId) &&
      (resourceId === undefined || log.resource.id === resourceId) &&
      (providerId === undefined || log.providerId === providerId) &&
      contains(log.vaultName, vaultName) &&
      contains(log.resource.name, resourceName) &&
      (start === undefined || created >= start) &&
      (end === undefined || created <= end)
    );
  };
}

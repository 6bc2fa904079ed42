import { type CsbsFailure, invalid } from "./errors";
import { parseCsbsTime } from "./format";
import { compareCreated } from "./items";
import { CSBS_STATUSES, type CsbsItem, type CsbsStatus } from "./types";

type Query = Record<string, string | undefined>;

export type ItemFilter = (item: CsbsItem) => boolean;

/** The filters of "list backups" and "count backups" (reference 5.3.2, 5.3.4; `ip` as OTC has it). */
export function parseItemFilter(q: Query): CsbsFailure | ItemFilter {
  const tests: ItemFilter[] = [];
  const status = q.status;
  if (status !== undefined) {
    if (!CSBS_STATUSES.includes(status as CsbsStatus)) {
      return invalid(`status must be one of ${CSBS_STATUSES.join(", ")}.`);
    }
    tests.push((i) => i.status === status);
  } else {
    // Deleted backups only show when asked for by status.
    tests.push((i) => i.status !== "deleted");
  }
  const fuzzy = (value: string | undefined, get: (i: CsbsItem) => string) => {
    if (!value) return;
    const needle = value.toLowerCase();
    tests.push((i) => get(i).toLowerCase().includes(needle));
  };
  const exact = (value: string | undefined, get: (i: CsbsItem) => string | null) => {
    if (value === undefined || value === "") return;
    tests.push((i) => get(i) === value);
  };
  fuzzy(q.name, (i) => i.name);
  fuzzy(q.resource_name, (i) => i.resourceName);
  exact(q.az, (i) => i.resourceAz);
  exact(q.resource_id, (i) => i.resourceId);
  exact(q.image_type, (i) => i.imageType);
  exact(q.policy_id, (i) => i.policyId);
  exact(q.checkpoint_id, (i) => i.checkpointId);
  exact(q.resource_type, (i) => i.resourceType);
  if (q.ip) {
    const ip = q.ip;
    tests.push((i) => i.backupData.privateIp === ip || i.backupData.eip === ip);
  }
  for (const [field, keep] of [
    ["start_time", (created: string, bound: string) => created >= bound],
    ["end_time", (created: string, bound: string) => created <= bound],
  ] as const) {
    const text = q[field];
    if (text === undefined || text === "") continue;
    const ms = parseCsbsTime(text);
    if (ms === null) return invalid(`${field} must be a time such as 2017-04-18T01:21:52.701973.`);
    // Stored times are ISO strings of one fixed format, so string order is time order.
    const bound = new Date(ms).toISOString();
    tests.push((i) => keep(i.createdAt, bound));
  }
  if (q.all_tenants !== undefined && !/^(true|false|1|0)$/i.test(q.all_tenants)) {
    return invalid("all_tenants must be a boolean.");
  }
  return (item) => tests.every((t) => t(item));
}

export type Page = { limit: number; offset: number; marker: string | undefined };

export function parsePage(q: Query): CsbsFailure | Page {
  const int = (field: string, fallback: number, min: number): CsbsFailure | number => {
    const text = q[field];
    if (text === undefined || text === "") return fallback;
    if (!/^\d+$/.test(text)) return invalid(`${field} must be a non-negative integer.`);
    const n = Number(text);
    return n < min ? invalid(`${field} must be at least ${min}.`) : n;
  };
  const limit = int("limit", 1000, 1);
  if (typeof limit !== "number") return limit;
  const offset = int("offset", 0, 0);
  if (typeof offset !== "number") return offset;
  return { limit, offset, marker: q.marker || undefined };
}

export type SortKey = { key: string; desc: boolean };

/** `key[:asc|desc],…`; without a direction CSBS sorts descending. */
export function parseSort(
  text: string | undefined,
  keys: readonly string[],
): CsbsFailure | SortKey[] {
  if (text === undefined || text === "") return [{ key: "created_at", desc: true }];
  if (text.length > 255) return invalid("sort must be at most 255 characters long.");
  const result: SortKey[] = [];
  for (const part of text.split(",")) {
    const [key = "", dir, extra] = part.trim().split(":");
    if (!keys.includes(key)) return invalid(`sort key must be one of ${keys.join(", ")}.`);
    if (extra !== undefined || (dir !== undefined && dir !== "asc" && dir !== "desc")) {
      return invalid("sort direction must be asc or desc.");
    }
    result.push({ key, desc: dir !== "asc" });
  }
  return result;
}

export const ITEM_SORT_KEYS = [
  "created_at",
  "updated_at",
  "name",
  "status",
  "protected_at",
  "id",
] as const;

function itemField(item: CsbsItem, key: string): string {
  switch (key) {
    case "updated_at":
      return item.updatedAt;
    case "name":
      return item.name;
    case "status":
      return item.status;
    case "protected_at":
      return item.finishedAt ?? item.createdAt;
    case "id":
      return item.id;
    default:
      return item.createdAt;
  }
}

/** A total order: the asked keys, then creation time and id in the first key's direction. */
function itemComparator(sort: SortKey[]): (a: CsbsItem, b: CsbsItem) => number {
  const lastDesc = sort[0]?.desc ?? true;
  return (a, b) => {
    for (const { key, desc } of sort) {
      const x = itemField(a, key);
      const y = itemField(b, key);
      if (x !== y) return (x < y ? -1 : 1) * (desc ? -1 : 1);
    }
    return compareCreated(a, b) * (lastDesc ? -1 : 1);
  };
}

export type ItemPage = { items: CsbsItem[]; more: boolean };

/**
 * One page of backups. The default order (newest first) walks the stored array backwards and
 * stops once the page is full, so a page costs at most one pass over 10,000 backups and no sort.
 * A marker is positioned by its sort values, so it stays valid when filters no longer match it.
 */
export function pageItems(
  all: CsbsItem[],
  filter: ItemFilter,
  sort: SortKey[],
  page: Page,
): CsbsFailure | ItemPage {
  const compare = itemComparator(sort);
  let marker: CsbsItem | undefined;
  if (page.marker !== undefined) {
    marker = all.find((i) => i.id === page.marker);
    if (!marker) return invalid(`marker (${page.marker}) is not found.`);
  }
  const isDefault = sort.length === 1 && sort[0]?.key === "created_at" && sort[0].desc;
  const wanted = page.offset + page.limit + 1;
  const picked: CsbsItem[] = [];
  if (isDefault) {
    for (let i = all.length - 1; i >= 0 && picked.length < wanted; i--) {
      const item = all[i] as CsbsItem;
      if (marker && compare(item, marker) <= 0) continue;
      if (filter(item)) picked.push(item);
    }
  } else {
    for (const item of all) {
      if (marker && compare(item, marker) <= 0) continue;
      if (filter(item)) picked.push(item);
    }
    picked.sort(compare);
  }
  const items = picked.slice(page.offset, page.offset + page.limit);
  return { items, more: picked.length > page.offset + page.limit };
}

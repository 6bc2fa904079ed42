import { z } from "zod";
import { uuidSchema } from "./common";

/**
 * The `/backups` view as it lives in the URL, shared by the page (which shows a notice for what it
 * dropped) and `GET /api/backups` (which sends the cloud only what it accepts). Every parameter is
 * read on its own: one bad value is dropped, the others still apply.
 */

export const BACKUP_SERVICES = ["csbs", "cbr"] as const;
export type BackupService = (typeof BACKUP_SERVICES)[number];

/** The states each list filter accepts (CBR has no `deleted`). */
export const FILTER_STATUSES: Record<BackupService, readonly string[]> = {
  csbs: [
    "available",
    "waiting_protect",
    "protecting",
    "waiting_restore",
    "restoring",
    "error",
    "waiting_delete",
    "deleting",
    "deleted",
  ],
  cbr: [
    "available",
    "waiting_protect",
    "protecting",
    "waiting_restore",
    "restoring",
    "error",
    "waiting_delete",
    "deleting",
  ],
};

/** CSBS takes one `status`; CBR repeats it (`status=a&status=b`). */
export const MAX_STATUSES: Record<BackupService, number> = { csbs: 1, cbr: 8 };

export const SORT_KEYS = [
  "created_at",
  "updated_at",
  "name",
  "status",
  "protected_at",
  "id",
] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDir = "asc" | "desc";

export const PAGE_SIZES = [10, 20, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 20;
/** Far beyond any real project, but a bound: offsets stay small numbers the cloud accepts. */
export const MAX_PAGE = 10_000;

export const RESOURCE_TYPES = ["OS::Nova::Server", "OS::Ironic::BareMetalServer"] as const;
export const CBR_RESOURCE_TYPES = ["OS::Nova::Server", "OS::Cinder::Volume"] as const;
export const IMAGE_TYPES = ["backup", "replication"] as const;

export type BackupSearch = {
  service: BackupService;
  status: string[];
  name?: string;
  /** A server's name (fuzzy) or id (exact): ids are recognised by their shape. */
  server?: string;
  az?: string;
  /** ISO instants (UTC). */
  from?: string;
  to?: string;
  /** CSBS policy id. */
  policy?: string;
  /** CBR vault id. */
  vault?: string;
  type?: string;
  image?: string;
  sort: SortKey;
  dir: SortDir;
  page: number;
  size: number;
};

export type DroppedReason =
  | "unknownValue"
  | "tooMany"
  | "tooLong"
  | "badDate"
  | "endBeforeStart"
  | "badNumber"
  | "notForService";

/** A URL parameter that was not applied, and why (the page says so). */
export type DroppedParam = { param: string; value: string; reason: DroppedReason };

export const DEFAULT_SEARCH: BackupSearch = {
  service: "csbs",
  status: [],
  sort: "created_at",
  dir: "desc",
  page: 1,
  size: DEFAULT_PAGE_SIZE,
};

type RawParams = Record<string, string | string[] | undefined> | URLSearchParams;

const MAX_TEXT = 64;
const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
const UUID_LIKE =
  /^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$/;
const AZ = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
const CONTROL = /[\u0000-\u001f\u007f]/;

function all(raw: RawParams, key: string): string[] {
  if (raw instanceof URLSearchParams) return raw.getAll(key);
  const value = raw[key];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** `2026-11-01` (a whole day, UTC) or a full ISO date-time; anything else is undefined. */
export function parseUrlDate(value: string, edge: "start" | "end"): string | undefined {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (day) {
    const date = new Date(`${value}T${edge === "start" ? "00:00:00.000" : "23:59:59.999"}Z`);
    if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) return undefined;
    return date.toISOString();
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})?$/.test(value)) {
    return undefined;
  }
  const date = new Date(/(Z|[+-]\d{2}:\d{2})$/.test(value) ? value : `${value}Z`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** Reads the URL's view; never throws. */
export function parseBackupSearch(raw: RawParams): {
  search: BackupSearch;
  dropped: DroppedParam[];
} {
  const dropped: DroppedParam[] = [];
  const drop = (param: string, value: string, reason: DroppedReason) =>
    dropped.push({ param, value, reason });
  const one = (key: string): string | undefined => {
    const values = all(raw, key).filter((v) => v !== "");
    if (values.length > 1) {
      for (const extra of values.slice(1)) drop(key, extra, "tooMany");
    }
    return values[0];
  };
  const text = (key: string, pattern?: RegExp): string | undefined => {
    const value = one(key)?.trim();
    if (value === undefined || value === "") return undefined;
    if (value.length > MAX_TEXT || CONTROL.test(value)) {
      drop(key, value, "tooLong");
      return undefined;
    }
    if (pattern && !pattern.test(value)) {
      drop(key, value, "unknownValue");
      return undefined;
    }
    return value;
  };
  const choice = <T extends string>(key: string, options: readonly T[]): T | undefined => {
    const value = one(key);
    if (value === undefined) return undefined;
    if ((options as readonly string[]).includes(value)) return value as T;
    drop(key, value, "unknownValue");
    return undefined;
  };

  const service = choice("service", BACKUP_SERVICES) ?? "csbs";
  const search: BackupSearch = { ...DEFAULT_SEARCH, service, status: [] };

  const allowed = FILTER_STATUSES[service];
  for (const value of all(raw, "status").flatMap((v) => v.split(","))) {
    if (value === "") continue;
    if (!allowed.includes(value)) drop("status", value, "unknownValue");
    else if (search.status.includes(value)) continue;
    else if (search.status.length >= MAX_STATUSES[service]) drop("status", value, "tooMany");
    else search.status.push(value);
  }

  const name = text("name");
  if (name) search.name = name;
  const server = text("server");
  if (server) search.server = server;
  const az = text("az", AZ);
  if (az) search.az = az;

  const fromText = one("from");
  const toText = one("to");
  const from = fromText ? parseUrlDate(fromText, "start") : undefined;
  const to = toText ? parseUrlDate(toText, "end") : undefined;
  if (fromText && !from) drop("from", fromText, "badDate");
  if (toText && !to) drop("to", toText, "badDate");
  if (from && to && to < from) {
    // The end is the one dropped: the start is usually what was set first.
    drop("to", toText ?? "", "endBeforeStart");
  } else if (to) {
    search.to = to;
  }
  if (from) search.from = from;

  const policy = text("policy", ID);
  if (policy) {
    if (service === "csbs") search.policy = policy;
    else drop("policy", policy, "notForService");
  }
  const vault = text("vault", ID);
  if (vault) {
    if (service === "cbr") search.vault = vault;
    else drop("vault", vault, "notForService");
  }
  const type = choice("type", service === "csbs" ? RESOURCE_TYPES : CBR_RESOURCE_TYPES);
  if (type) search.type = type;
  const image = choice("image", IMAGE_TYPES);
  if (image) search.image = image;

  const sortText = one("sort");
  if (sortText !== undefined) {
    const [key, dir, extra] = sortText.split(":");
    if (
      (SORT_KEYS as readonly string[]).includes(key ?? "") &&
      (dir === undefined || dir === "asc" || dir === "desc") &&
      extra === undefined
    ) {
      search.sort = key as SortKey;
      search.dir = dir ?? "desc";
    } else {
      drop("sort", sortText, "unknownValue");
    }
  }

  const int = (key: string, ok: (n: number) => boolean): number | undefined => {
    const value = one(key);
    if (value === undefined) return undefined;
    const n = /^\d{1,6}$/.test(value) ? Number(value) : Number.NaN;
    if (Number.isInteger(n) && ok(n)) return n;
    drop(key, value, "badNumber");
    return undefined;
  };
  search.size =
    int("size", (n) => (PAGE_SIZES as readonly number[]).includes(n)) ?? DEFAULT_PAGE_SIZE;
  search.page = int("page", (n) => n >= 1 && n <= MAX_PAGE) ?? 1;

  return { search, dropped };
}

/** The URL of a view: defaults are left out, so that links stay short and stable. */
export function backupSearchParams(search: BackupSearch): URLSearchParams {
  const params = new URLSearchParams();
  if (search.service !== DEFAULT_SEARCH.service) params.set("service", search.service);
  for (const status of search.status) params.append("status", status);
  const optional = [
    "name",
    "server",
    "az",
    "from",
    "to",
    "policy",
    "vault",
    "type",
    "image",
  ] as const;
  for (const key of optional) {
    const value = search[key];
    if (value) params.set(key, value);
  }
  if (search.sort !== DEFAULT_SEARCH.sort || search.dir !== DEFAULT_SEARCH.dir) {
    params.set("sort", `${search.sort}:${search.dir}`);
  }
  if (search.size !== DEFAULT_SEARCH.size) params.set("size", String(search.size));
  if (search.page !== 1) params.set("page", String(search.page));
  return params;
}

/** One key per view, the same on the server (prefetch) and in the browser (query key). */
export function backupListKey(search: BackupSearch): string {
  return `${search.service}?${backupSearchParams(search).toString()}`;
}

/** Whether a value names a server by id rather than by name. */
export function looksLikeServerId(value: string): boolean {
  return UUID_LIKE.test(value);
}

/** CSBS wants `2017-04-18T01:21:52.701973`: UTC without a zone. */
export function csbsTime(iso: string): string {
  return iso.replace(/Z$/, "").replace(/\.(\d{3})$/, ".$1000");
}

/** CBR wants `YYYY-MM-DDTHH:MM:SSZ`. */
export function cbrTime(iso: string): string {
  return `${iso.slice(0, 19)}Z`;
}

/** The filters of a view as the cloud's list and count operations take them. */
export function cloudFilter(search: BackupSearch): Record<string, string | string[]> {
  const q: Record<string, string | string[]> = {};
  const csbs = search.service === "csbs";
  if (search.status.length > 0) {
    if (csbs) q.status = search.status[0] as string;
    else q.status = [...search.status];
  }
  if (search.name) q.name = search.name;
  if (search.server) {
    if (looksLikeServerId(search.server)) q.resource_id = search.server;
    else q.resource_name = search.server;
  }
  if (search.az) q[csbs ? "az" : "resource_az"] = search.az;
  if (search.from) q.start_time = csbs ? csbsTime(search.from) : cbrTime(search.from);
  if (search.to) q.end_time = csbs ? csbsTime(search.to) : cbrTime(search.to);
  if (csbs && search.policy) q.policy_id = search.policy;
  if (!csbs && search.vault) q.vault_id = search.vault;
  if (search.type) q.resource_type = search.type;
  if (search.image) q.image_type = search.image;
  return q;
}

/** The page of a view: `limit` + `offset` (both services accept them; no page skips the cloud). */
export function cloudPage(search: BackupSearch): { limit: number; offset: number; sort: string } {
  return {
    limit: search.size,
    offset: (search.page - 1) * search.size,
    sort: `${search.sort}:${search.dir}`,
  };
}

/** `GET /api/backups`'s query: the URL's view, tolerantly read (what was dropped is reported). */
export const backupSearchQuerySchema = z
  .record(z.string(), z.union([z.string(), z.array(z.string())]))
  .transform((raw) => parseBackupSearch(raw));

// ---------- what the console's API answers ----------

const optionalString = z.string().optional();
const optionalNumber = z.number().optional();
const optionalBoolean = z.boolean().optional();

/** One backup as the list shows it, the same for both services. */
export const backupRowSchema = z.object({
  id: z.string(),
  service: z.enum(BACKUP_SERVICES),
  checkpointId: optionalString,
  name: z.string(),
  status: z.string(),
  progress: optionalNumber,
  serverId: optionalString,
  serverName: optionalString,
  resourceType: optionalString,
  auto: optionalBoolean,
  incremental: optionalBoolean,
  /** MB. */
  sizeMb: optionalNumber,
  /** The backed-up resource's size in GB (CBR). */
  resourceSizeGb: optionalNumber,
  az: optionalString,
  createdAt: optionalString,
  finishedAt: optionalString,
  policyId: optionalString,
  policyName: optionalString,
  vaultId: optionalString,
  vaultName: optionalString,
  imageType: optionalString,
  failReason: optionalString,
});
export type BackupRow = z.infer<typeof backupRowSchema>;

export const backupListResponseSchema = z.object({
  items: z.array(backupRowSchema),
  total: z.number(),
  page: z.number(),
  size: z.number(),
  /** The filter options: CSBS policies or CBR vaults, by id. */
  groups: z.array(z.object({ id: z.string(), name: z.string() })),
  dropped: z.array(z.object({ param: z.string(), value: z.string(), reason: z.string() })),
});
export type BackupListResponse = z.infer<typeof backupListResponseSchema>;

/** The body of `PATCH /api/backups/{id}` (CBR rename): 1–64 of `[A-Za-z0-9_-]`. */
export const BACKUP_NAME_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
export function makeRenameSchema(messages: { required: string; invalid: string }) {
  return z.object({
    name: z.string().trim().min(1, messages.required).regex(BACKUP_NAME_PATTERN, messages.invalid),
  });
}
export const renameBodySchema = makeRenameSchema({
  required: "Enter a name.",
  invalid: "Use 1–64 letters, digits, _ or -.",
});

/** One disk of a backup: CSBS `volume_backups[]`, CBR `children[]`. */
export type DiskBackup = {
  id: string;
  name?: string;
  status?: string;
  sourceVolumeId?: string;
  sourceVolumeName?: string;
  /** MB (CSBS). */
  sizeMb?: number;
  /** GB: the source volume's size. */
  sourceSizeGb?: number;
  system?: boolean;
  incremental?: boolean;
  /** MB/s. */
  averageSpeed?: number;
  spaceSavingRatio?: number;
};

/** Everything the cloud says about one backup, organised for a person (`GET /api/backups/{id}`). */
export type BackupDetail = {
  row: BackupRow;
  description?: string;
  updatedAt?: string;
  expiresAt?: string;
  failure?: { op?: string; reason?: string; code?: string; description?: string };
  disks: DiskBackup[];
  /** The server as it was when backed up (CSBS `backup_data`). */
  server?: {
    region?: string;
    cloudServiceType?: string;
    diskGb?: number;
    imageType?: string;
    ramMb?: number;
    vcpus?: number;
    eip?: string;
    privateIp?: string;
  };
  /** MB/s. */
  averageSpeed?: number;
  spaceSavingRatio?: number;
  restoreMode?: string;
  images: string[];
  tags: { key: string; value?: string }[];
  copyStatus?: string;
  extra: Record<string, string | number | boolean>;
};

// ---------- servers and "back up now" ----------

/**
 * One server of `/servers`: its disks, how it is protected, its last backup, and whether it can be
 * backed up now (in a CBR vault: by CBR, which says per backup; else CSBS's verdict).
 */
export type ServerRow = {
  id: string;
  name: string;
  status: string;
  az?: string;
  flavor?: string;
  disks: {
    id: string;
    name?: string;
    sizeGb?: number;
    system: boolean;
    device?: string;
    shared: boolean;
  }[];
  /**
   * What protects it now: the CSBS policy listing it, else the enabled CBR backup policy of its
   * vault (lib/vaults/protection.ts). The three fields below say how, for the row to show.
   */
  policy: { id: string; name: string } | null;
  /** The CSBS policy listing it. */
  csbsPolicy: { id: string; name: string } | null;
  /** The CBR server vault holding it: "back up now" backs it up there. */
  vault: { id: string; name: string } | null;
  /** The CBR backup policy its vault follows, enabled or not. */
  cbrPolicy: { id: string; name: string; enabled: boolean } | null;
  /** Its newest backup in either service (the project's latest 1,000 of each). */
  lastBackup: {
    id: string;
    service: BackupService;
    name: string;
    status: string;
    progress?: number;
    createdAt?: string;
  } | null;
  protectable: boolean;
  reason?: string;
};
export type ServersResponse = { servers: ServerRow[] };

const TAG_TEXT = /^[A-Za-z0-9_-]*$/;

export type BackupNowMessages = {
  nameInvalid: string;
  descriptionInvalid: string;
  tagKeyInvalid: string;
  tagValueInvalid: string;
  tagDuplicate: string;
  tagsTooMany: string;
  serversRequired: string;
};

/**
 * "Back up now" as the reference has it: name 1–255 of `[A-Za-z0-9_-]` (several servers get
 * `-0001`… suffixes, so 250 then), description ≤ 255 without `<` or `>`, full or incremental,
 * data disks to leave out, and at most 10 tags (key 1–36, value 0–43, `[A-Za-z0-9_-]`, keys unique).
 */
export function makeBackupNowSchema(m: BackupNowMessages) {
  return z
    .object({
      servers: z
        .array(
          z.object({
            id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/),
            excludeVolumes: z.array(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/)).max(64),
          }),
        )
        .min(1, m.serversRequired)
        .max(64),
      name: z
        .string()
        .trim()
        .regex(/^[A-Za-z0-9_-]{1,255}$/, m.nameInvalid),
      description: z
        .string()
        .max(255, m.descriptionInvalid)
        .regex(/^[^<>]*$/, m.descriptionInvalid),
      full: z.boolean(),
      tags: z
        .array(
          z.object({
            key: z
              .string()
              .trim()
              .min(1, m.tagKeyInvalid)
              .max(36, m.tagKeyInvalid)
              .regex(TAG_TEXT, m.tagKeyInvalid),
            value: z.string().trim().max(43, m.tagValueInvalid).regex(TAG_TEXT, m.tagValueInvalid),
          }),
        )
        .max(10, m.tagsTooMany),
    })
    .superRefine((value, ctx) => {
      if (value.servers.length > 1 && value.name.length > 250) {
        ctx.addIssue({ code: "custom", path: ["name"], message: m.nameInvalid });
      }
      const seen = new Set<string>();
      value.tags.forEach((tag, i) => {
        if (seen.has(tag.key))
          ctx.addIssue({ code: "custom", path: ["tags", i, "key"], message: m.tagDuplicate });
        seen.add(tag.key);
      });
    });
}

export const backupNowBodySchema = makeBackupNowSchema({
  nameInvalid: "Use 1–255 letters, digits, _ or -.",
  descriptionInvalid: "At most 255 characters, without < or >.",
  tagKeyInvalid: "A tag key has 1–36 letters, digits, _ or -.",
  tagValueInvalid: "A tag value has at most 43 letters, digits, _ or -.",
  tagDuplicate: "Each tag key once.",
  tagsTooMany: "At most 10 tags.",
  serversRequired: "Choose at least one server.",
});
export type BackupNowBody = z.infer<typeof backupNowBodySchema>;

/** One answer per server: which service took the backup (or refused it), and where it is. */
export type BackupNowResult = {
  serverId: string;
  name: string;
  ok: boolean;
  /** The service asked; absent when none could be (no vault, no CSBS in the region). */
  service?: BackupService;
  /** CBR: the vault backed up. */
  vault?: { id: string; name: string };
  /** The CSBS or CBR checkpoint the backup belongs to. */
  checkpointId?: string;
  /** The new backup, when the cloud listed it right after (the checkpoint answer has no id). */
  backupId?: string;
  error?: { code: string; message: string };
};

/** `manualbk_` and four random hex digits, as the vendors' consoles name manual backups. */
export function defaultBackupName(random: () => number = Math.random): string {
  const hex = Math.floor(random() * 0x10000)
    .toString(16)
    .padStart(4, "0");
  return `manualbk_${hex}`;
}

/** One server keeps the name; several get `-0001`, `-0002`… in the order given (CBR console rule). */
export function backupNameFor(name: string, index: number, count: number): string {
  return count > 1 ? `${name}-${String(index + 1).padStart(4, "0")}` : name;
}

// ---------- delete ----------

/** CSBS ids as the cloud issues them (UUIDs, but the checks stay loose: within `[A-Za-z0-9_-]`). */
const csbsId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, "Must be an id.");
const MAX_DELETE = 100;

/**
 * The body of `POST /api/backups/delete`. CSBS deletes one item of a checkpoint or the whole
 * checkpoint (every backup of the same run); CBR deletes one backup at a time (DeleteBackup).
 */
export const deleteBackupsBodySchema = z.discriminatedUnion("service", [
  z.object({
    service: z.literal("csbs"),
    /** "item": just this backup; "checkpoint": every backup of its checkpoint (the whole record). */
    scope: z.enum(["item", "checkpoint"]),
    items: z
      .array(z.object({ id: csbsId, checkpointId: csbsId }))
      .min(1)
      .max(MAX_DELETE),
  }),
  z.object({
    service: z.literal("cbr"),
    items: z
      .array(z.object({ id: uuidSchema }))
      .min(1)
      .max(MAX_DELETE),
  }),
]);
export type DeleteBackupsBody = z.infer<typeof deleteBackupsBodySchema>;

/** One answer per backup asked for: the cloud accepted the delete, or refused it with its words. */
export type DeleteResult = {
  id: string;
  ok: boolean;
  error?: { code: string; message: string };
};

// ---------- overview ----------

export type OverviewResponse = {
  generatedAt: string;
  /**
   * Per service and status: CSBS's count operation per status, CBR's list count per tile (its
   * status filter repeats, so a tile's states are counted together under the tile's status).
   */
  counts: { service: BackupService; status: string; count: number }[];
  running: BackupRow[];
  failures: { since: string; count: number; items: BackupRow[] };
  quotas: { type: string; unit?: string; quota: number; used: number }[];
  coverage: {
    days: number;
    servers: number;
    withoutPolicy: { id: string; name: string }[];
    withoutRecentSuccess: { id: string; name: string }[];
  };
  /** Backups per UTC day and outcome over the last `days` days (newest 1,000 backups read). */
  daily: { day: string; available: number; error: number; other: number }[];
  /** Runs of enabled policies in the next 24 hours (patterns read in UTC, as the cloud does). */
  scheduled: { at: string; policyId: string; policyName: string; servers: number }[];
};

import { z } from "zod";
import { backupRowSchema } from "./backups";
import { uuidSchema } from "./common";
import { taskViewSchema } from "./tasks";

/**
 * CBR vaults as the console shows them: the `/vaults` view in the URL (read tolerantly), the rows
 * and details the API routes answer with, and the "back up a vault" form and body (seeds/004).
 */

// ---------- the /vaults view in the URL ----------

/** `Billing.status` values (cloud-apis.md §4.1). */
export const VAULT_STATUSES = ["available", "lock", "frozen", "deleting", "error"] as const;
export type VaultStatus = (typeof VAULT_STATUSES)[number];
/** `Billing.object_type` values the console offers as a filter (servers and disks). */
export const VAULT_TYPES = ["server", "disk"] as const;
export type VaultType = (typeof VAULT_TYPES)[number];

export const VAULT_PAGE_SIZES = [10, 20, 50] as const;
export const DEFAULT_VAULT_PAGE_SIZE = 20;
const MAX_PAGE = 10_000;
const NAME_FILTER_MAX = 64;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
const CONTROL = /[\u0000-\u001f\u007f]/;

export type VaultSearch = {
  name?: string;
  status?: VaultStatus;
  type?: VaultType;
  page: number;
  size: number;
};

type RawParams = Record<string, string | string[] | undefined> | URLSearchParams;

function first(raw: RawParams, key: string): string | undefined {
  const value = raw instanceof URLSearchParams ? raw.get(key) : raw[key];
  const one = Array.isArray(value) ? value[0] : value;
  return one === null || one === undefined || one === "" ? undefined : one;
}

function positiveInt(value: string | undefined, max: number): number | undefined {
  if (value === undefined || !/^\d{1,6}$/.test(value)) return undefined;
  const n = Number(value);
  return n >= 1 && n <= max ? n : undefined;
}

/** Reads the URL's view; a bad value is dropped on its own, the others still apply. Never throws. */
export function parseVaultSearch(raw: RawParams): VaultSearch {
  const name = first(raw, "name")?.trim();
  const status = first(raw, "status");
  const type = first(raw, "type");
  const size = positiveInt(first(raw, "size"), 1000);
  return {
    ...(name && name.length <= NAME_FILTER_MAX && !CONTROL.test(name) ? { name } : {}),
    ...(status && (VAULT_STATUSES as readonly string[]).includes(status)
      ? { status: status as VaultStatus }
      : {}),
    ...(type && (VAULT_TYPES as readonly string[]).includes(type)
      ? { type: type as VaultType }
      : {}),
    page: positiveInt(first(raw, "page"), MAX_PAGE) ?? 1,
    size:
      size !== undefined && (VAULT_PAGE_SIZES as readonly number[]).includes(size)
        ? size
        : DEFAULT_VAULT_PAGE_SIZE,
  };
}

/** The URL query of a view, defaults left out so that links stay short. */
export function vaultSearchToParams(search: VaultSearch): URLSearchParams {
  const params = new URLSearchParams();
  if (search.name) params.set("name", search.name);
  if (search.status) params.set("status", search.status);
  if (search.type) params.set("type", search.type);
  if (search.page !== 1) params.set("page", String(search.page));
  if (search.size !== DEFAULT_VAULT_PAGE_SIZE) params.set("size", String(search.size));
  return params;
}

/** What `GET /vaults` is asked for a view: the cloud filters and pages (limit/offset). */
export function vaultCloudQuery(search: VaultSearch) {
  return {
    limit: search.size,
    offset: (search.page - 1) * search.size,
    ...(search.name ? { name: search.name } : {}),
    ...(search.status ? { status: search.status } : {}),
    ...(search.type ? { object_type: search.type } : {}),
  };
}

/**
 * `GET /api/vaults` query: the view as the page sends it, and `figures=1` for the project's total
 * and each vault's days left, which cost two more reads and only /vaults shows.
 */
export const vaultListQuerySchema = z
  .record(z.string(), z.union([z.string(), z.array(z.string())]))
  .transform((raw) => ({ ...parseVaultSearch(raw), figures: raw.figures === "1" }));

// ---------- what the routes answer ----------

export const vaultResourceViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  protectStatus: z.string().optional(),
  sizeGb: z.number().optional(),
  /** As the cloud counts it (MB in the simulator and the console's reading of CBR). */
  backupSizeMb: z.number().optional(),
  backupCount: z.number().optional(),
});
export type VaultResourceView = z.infer<typeof vaultResourceViewSchema>;

export const vaultViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  /** `server`, `disk`, `turbo`… */
  type: z.string(),
  status: z.string(),
  capacityGb: z.number().optional(),
  /** MB, as `Billing.used` is documented. */
  usedMb: z.number().optional(),
  /** The vault's backup policy (CBR binds it on the policy, `associated_vaults`). */
  policyId: z.string().nullable(),
  policyName: z.string().optional(),
  policyEnabled: z.boolean().optional(),
  locked: z.boolean(),
  autoExpand: z.boolean(),
  createdAt: z.string().optional(),
  resources: z.array(vaultResourceViewSchema),
  tags: z.array(z.object({ key: z.string(), value: z.string() })).default([]),
  /** Auto-bind: the cloud adds unprotected servers that carry any of `bindRules`' tags. */
  autoBind: z.boolean().default(false),
  bindRules: z.array(z.object({ key: z.string(), value: z.string() })).default([]),
  /**
   * How long the free space lasts at the pace of the last 14 days (lib/vaults/usage.ts); on the
   * list only, and absent when the recent backups could not be read.
   */
  forecast: z
    .object({ mbPerDay: z.number().nullable(), daysLeft: z.number().nullable() })
    .optional(),
});
export type VaultView = z.infer<typeof vaultViewSchema>;

export const vaultListResponseSchema = z.object({
  vaults: z.array(vaultViewSchema),
  count: z.number(),
  page: z.number(),
  size: z.number(),
  /** All the project's vaults together (the cloud's summary); absent when it could not be read. */
  total: z.object({ capacityGb: z.number(), usedMb: z.number() }).optional(),
});
export type VaultListResponse = z.infer<typeof vaultListResponseSchema>;
export const vaultResponseSchema = z.object({ vault: vaultViewSchema });

/** A vault's recent tasks, in the shape of `/tasks`. */
export const vaultTasksResponseSchema = z.object({
  tasks: z.array(taskViewSchema),
  count: z.number(),
});

/** A vault's recent backups (newest first), in the shared row shape of `/backups`. */
export const vaultBackupsResponseSchema = z.object({
  backups: z.array(backupRowSchema),
  count: z.number(),
});
export type VaultBackupsResponse = z.infer<typeof vaultBackupsResponseSchema>;

/** Used capacity as a share of the total (0–100), or undefined when the cloud did not say. */
export function capacityPercent(vault: Pick<VaultView, "capacityGb" | "usedMb">) {
  if (vault.capacityGb === undefined || vault.usedMb === undefined || vault.capacityGb <= 0) {
    return undefined;
  }
  return Math.min(100, Math.max(0, (vault.usedMb / 1024 / vault.capacityGb) * 100));
}

/** GB with one decimal below 10 GB, whole GB above: the console does not round 200 MB to 0. */
export function usedGb(usedMb: number): number {
  const gb = usedMb / 1024;
  return gb < 10 ? Math.round(gb * 10) / 10 : Math.round(gb);
}

// ---------- back up a vault (POST /checkpoints) ----------

export const CHECKPOINT_LIMITS = { name: 64, description: 255, resources: 256 } as const;
export const CHECKPOINT_NAME = /^[A-Za-z0-9_-]+$/;

export type CheckpointMessages = {
  nameRequired: string;
  nameTooLong: string;
  nameChars: string;
  descriptionTooLong: string;
  resourcesRequired: string;
  resourcesUnknown: string;
};

export const englishCheckpointMessages: CheckpointMessages = {
  nameRequired: "Enter a name for the backups.",
  nameTooLong: `The name is too long (at most ${CHECKPOINT_LIMITS.name} characters).`,
  nameChars: "The name may only hold letters, digits, underscores (_) and hyphens (-).",
  descriptionTooLong: `The description is too long (at most ${CHECKPOINT_LIMITS.description} characters).`,
  resourcesRequired: "Choose at least one resource to back up.",
  resourcesUnknown: "Only resources of this vault can be backed up.",
};

function nameSchema(m: CheckpointMessages) {
  return (
    z
      .string()
      .trim()
      // One message at a time: an empty name is "required", not also "wrong characters".
      .min(1, { message: m.nameRequired, abort: true })
      .max(CHECKPOINT_LIMITS.name, { message: m.nameTooLong, abort: true })
      .regex(CHECKPOINT_NAME, m.nameChars)
  );
}

/**
 * The dialog: all resources or a chosen subset of `vaultResourceIds`, a name (1–64 of
 * `[A-Za-z0-9_-]`), a description (≤ 255) and full or incremental.
 */
export function makeCheckpointFormSchema(
  vaultResourceIds: readonly string[],
  m: CheckpointMessages = englishCheckpointMessages,
) {
  const known = new Set(vaultResourceIds);
  return z
    .object({
      scope: z.enum(["all", "subset"]),
      resources: z.array(z.string()),
      name: nameSchema(m),
      description: z.string().trim().max(CHECKPOINT_LIMITS.description, m.descriptionTooLong),
      mode: z.enum(["incremental", "full"]),
    })
    .superRefine((value, ctx) => {
      if (value.scope !== "subset") return;
      if (value.resources.length === 0) {
        ctx.addIssue({ code: "custom", path: ["resources"], message: m.resourcesRequired });
      } else if (value.resources.some((id) => !known.has(id))) {
        ctx.addIssue({ code: "custom", path: ["resources"], message: m.resourcesUnknown });
      }
    });
}
export type CheckpointFormValues = z.infer<ReturnType<typeof makeCheckpointFormSchema>>;

/** The body of `POST /api/checkpoints`; `resources` absent means the whole vault. */
export const createCheckpointBodySchema = z.object({
  vaultId: uuidSchema,
  name: nameSchema(englishCheckpointMessages),
  description: z
    .string()
    .trim()
    .max(CHECKPOINT_LIMITS.description, englishCheckpointMessages.descriptionTooLong)
    .default(""),
  incremental: z.boolean(),
  resources: z
    .array(uuidSchema)
    .min(1, englishCheckpointMessages.resourcesRequired)
    .max(CHECKPOINT_LIMITS.resources)
    .refine((ids) => new Set(ids).size === ids.length, "Each resource may be named once.")
    .optional(),
});
export type CreateCheckpointBody = z.infer<typeof createCheckpointBodySchema>;

/** The form's values as the route takes them. */
export function checkpointBodyOf(vaultId: string, values: CheckpointFormValues) {
  return {
    vaultId,
    name: values.name.trim(),
    description: values.description.trim(),
    incremental: values.mode === "incremental",
    ...(values.scope === "subset" ? { resources: [...values.resources] } : {}),
  } satisfies CreateCheckpointBody;
}

/** A default backup name in the console's manual style (`manualbk_xxxx`). */
export function defaultCheckpointName(random: () => number = Math.random): string {
  const hex = Math.floor(random() * 0x10000)
    .toString(16)
    .padStart(4, "0");
  return `manualbk_${hex}`;
}

export const checkpointViewSchema = z.object({
  id: z.string(),
  status: z.string(),
  createdAt: z.string().optional(),
  name: z.string().optional(),
  description: z.string().optional(),
  vault: z.object({ id: z.string(), name: z.string() }).optional(),
  resources: z.array(
    z.object({ id: z.string(), name: z.string(), type: z.string(), sizeGb: z.number().optional() }),
  ),
  skipped: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      type: z.string(),
      code: z.string(),
      reason: z.string(),
    }),
  ),
});
export type CheckpointView = z.infer<typeof checkpointViewSchema>;
export const checkpointResponseSchema = z.object({ checkpoint: checkpointViewSchema });

/**
 * Which form field a refusal of `POST /checkpoints` belongs to (BackupService codes of
 * cloud-apis.md and the simulator): the resources, the name, the description, or none (the
 * vault itself: its status or capacity, shown above the form).
 */
export function checkpointFieldOfCloudError(
  code: string,
  message = "",
): "resources" | "name" | "description" | undefined {
  const short = code.replace(/^BackupService\./, "");
  if (["0001", "6102", "6135", "6137"].includes(short)) return "resources";
  if (short === "9900" || short === "9001") {
    // Resource details carry names too: the resources are checked first.
    if (/resource/i.test(message)) return "resources";
    if (/\bname\b/i.test(message)) return "name";
    if (/description/i.test(message)) return "description";
  }
  return undefined;
}

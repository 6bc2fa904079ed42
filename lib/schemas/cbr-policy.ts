import { MAX_CBR_PATTERNS, validateCbrPatterns } from "@/lib/schedule";

/**
 * CBR v3 policies (`/v3/{project_id}/policies`): the body rules, checked once here for the
 * simulator (which answers them with the cloud's codes), the console's route handlers and the
 * editor. Sources, recorded in lib/sim/README.md: OTC-CBR api-ref `creating_a_policy.rst`,
 * `modifying_a_policy.rst` (PolicyCreate, PolicyUpdate, PolicyoODCreate, PolicyTriggerReq) and
 * Huawei's SDK models `policy_create.py`, `policy_update.py`, `policyo_od_create.py`.
 */

export const CBR_POLICY_LIMITS = {
  name: 64,
  /** max_backups and retention_duration_days: -1 (off) or 1–99999. */
  retentionMax: 99_999,
  /** day/week/month/year_backups. */
  longTermMax: 100,
  /** full_backup_interval: -1 (never a forced full backup) to 100 (Huawei's SDK). */
  fullBackupIntervalMax: 100,
  destinationRegion: 255,
} as const;

export const CBR_OPERATION_TYPES = ["backup", "replication"] as const;
export type CbrOperationType = (typeof CBR_OPERATION_TYPES)[number];

export const LONG_TERM_KEYS = [
  "day_backups",
  "week_backups",
  "month_backups",
  "year_backups",
] as const;
export type LongTermKey = (typeof LONG_TERM_KEYS)[number];

/** OTC: letters, digits, `_`, `-`; Huawei's SDK adds Chinese characters. Both are accepted. */
const NAME = /^[A-Za-z0-9_\-\p{Script=Han}]+$/u;
const REGION = /^[A-Za-z0-9_-]*$/;
/** "UTC+01:00", "UTC-05:30", as the references write it. */
const TIMEZONE = /^UTC([+-])(\d{2}):(\d{2})$/;

/** The operation definition as the cloud stores it (every field optional on the wire). */
export type CbrOperationDefinition = {
  max_backups?: number;
  retention_duration_days?: number;
  day_backups?: number;
  week_backups?: number;
  month_backups?: number;
  year_backups?: number;
  timezone?: string;
  full_backup_interval?: number;
  destination_region?: string;
  destination_project_id?: string;
};

export type CbrPolicyInput = {
  name?: string;
  enabled?: boolean;
  operation_type?: CbrOperationType;
  operation_definition?: CbrOperationDefinition;
  pattern?: string[];
};

/**
 * A refusal: `kind` tells which cloud code answers it (`type` → BackupService.6117 "Unknown policy
 * type", everything else → 9900 with the field named), `field` is the wire path below `policy`.
 */
export type CbrPolicyProblem = {
  kind: "type" | "invalid";
  field: string;
  message: string;
  /** The schedule engine's code when the pattern is at fault. */
  scheduleCode?: string;
};

export type CbrPolicyCheck =
  | { ok: true; policy: CbrPolicyInput }
  | { ok: false; problem: CbrPolicyProblem };

class Refusal extends Error {
  constructor(readonly problem: CbrPolicyProblem) {
    super(problem.message);
  }
}
const refuse = (field: string, message: string, extra: Partial<CbrPolicyProblem> = {}): never => {
  throw new Refusal({ kind: "invalid", field, message, ...extra });
};

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** Minutes east of UTC of a "UTC+08:00" zone, or null when the text is not one (±14:00 at most). */
export function parseUtcOffset(text: string): number | null {
  const m = TIMEZONE.exec(text);
  if (!m) return null;
  const hours = Number(m[2]);
  const minutes = Number(m[3]);
  if (minutes >= 60 || hours > 14 || (hours === 14 && minutes > 0)) return null;
  const total = hours * 60 + minutes;
  return m[1] === "-" ? -total : total;
}

/** "UTC+08:00" of an offset in minutes east of UTC. */
export function formatUtcOffset(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, "0");
  const mm = String(abs % 60).padStart(2, "0");
  return `UTC${sign}${hh}:${mm}`;
}

function integer(
  path: string,
  value: unknown,
  min: number,
  max: number,
  allowOff: boolean,
): number {
  if (typeof value !== "number" || !Number.isInteger(value)) {
    return refuse(path, `Invalid ${path}: must be a whole number.`);
  }
  if (allowOff && value === -1) return value;
  if (value < min || value > max) {
    const range = allowOff ? `-1 or ${min}–${max}` : `${min}–${max}`;
    return refuse(path, `Invalid ${path}: ${value} is outside ${range}.`);
  }
  return value;
}

/** Whether a definition keeps backups by long-term rules (a non-zero day/week/month/year count). */
export function hasLongTerm(def: CbrOperationDefinition): boolean {
  return LONG_TERM_KEYS.some((key) => (def[key] ?? 0) > 0);
}

const isSet = (value: number | undefined) => value !== undefined && value !== -1;

function checkDefinition(
  raw: unknown,
  type: CbrOperationType | undefined,
  region: string | undefined,
): CbrOperationDefinition {
  const base = "operation_definition";
  if (!isObject(raw)) return refuse(base, `Invalid ${base}: must be an object.`);
  const def: CbrOperationDefinition = {};
  if (raw.max_backups !== undefined) {
    def.max_backups = integer(
      `${base}.max_backups`,
      raw.max_backups,
      1,
      CBR_POLICY_LIMITS.retentionMax,
      true,
    );
  }
  if (raw.retention_duration_days !== undefined) {
    def.retention_duration_days = integer(
      `${base}.retention_duration_days`,
      raw.retention_duration_days,
      1,
      CBR_POLICY_LIMITS.retentionMax,
      true,
    );
  }
  for (const key of LONG_TERM_KEYS) {
    if (raw[key] !== undefined)
      def[key] = integer(`${base}.${key}`, raw[key], 0, CBR_POLICY_LIMITS.longTermMax, false);
  }
  if (raw.full_backup_interval !== undefined) {
    def.full_backup_interval = integer(
      `${base}.full_backup_interval`,
      raw.full_backup_interval,
      -1,
      CBR_POLICY_LIMITS.fullBackupIntervalMax,
      false,
    );
  }
  if (raw.timezone !== undefined) {
    if (typeof raw.timezone !== "string" || parseUtcOffset(raw.timezone) === null) {
      refuse(
        `${base}.timezone`,
        `Invalid ${base}.timezone: "${String(raw.timezone)}" is not like UTC+08:00.`,
      );
    }
    def.timezone = raw.timezone as string;
  }
  // The references: "If any of the parameters of yearly, monthly, weekly, or daily backup is
  // selected, this parameter cannot be left empty"; the cloud refuses a definition without a zone
  // at all (opentelekomcloud/terraform-provider-opentelekomcloud#881), so it is required always.
  if (def.timezone === undefined) {
    refuse(
      `${base}.timezone`,
      `Invalid ${base}.timezone: required whenever ${base} is sent (UTC+08:00).`,
    );
  }
  if (isSet(def.max_backups) && isSet(def.retention_duration_days)) {
    refuse(
      `${base}.retention_duration_days`,
      `Invalid ${base}: max_backups and retention_duration_days cannot both be set.`,
    );
  }
  if (isSet(def.retention_duration_days) && hasLongTerm(def)) {
    refuse(
      `${base}.retention_duration_days`,
      `Invalid ${base}: retention_duration_days cannot be applied together with day_backups, week_backups, month_backups or year_backups.`,
    );
  }
  for (const key of ["destination_region", "destination_project_id"] as const) {
    const value = raw[key];
    if (value === undefined) continue;
    if (
      typeof value !== "string" ||
      value.length > CBR_POLICY_LIMITS.destinationRegion ||
      !REGION.test(value)
    ) {
      refuse(
        `${base}.${key}`,
        `Invalid ${base}.${key}: letters, digits, _ and - only, at most 255.`,
      );
    }
    def[key] = value as string;
  }
  if (type === "replication") {
    if (!def.destination_region) {
      refuse(
        `${base}.destination_region`,
        `Invalid ${base}.destination_region: required for a replication policy.`,
      );
    }
    if (!def.destination_project_id) {
      refuse(
        `${base}.destination_project_id`,
        `Invalid ${base}.destination_project_id: required for a replication policy.`,
      );
    }
    if (region && def.destination_region === region) {
      refuse(
        `${base}.destination_region`,
        `Invalid ${base}.destination_region: the destination region cannot be the current region.`,
      );
    }
  }
  return def;
}

function checkPattern(raw: unknown): string[] {
  const path = "trigger.properties.pattern";
  if (!isObject(raw) || !isObject(raw.properties)) {
    return refuse(
      "trigger.properties",
      "Invalid trigger.properties: must be an object with pattern.",
    );
  }
  const list = raw.properties.pattern;
  if (!Array.isArray(list) || list.length === 0) {
    return refuse(path, `Invalid ${path}: a list of 1 to ${MAX_CBR_PATTERNS} rules is required.`);
  }
  const problem = validateCbrPatterns(list as string[]);
  if (problem)
    return refuse(path, `Invalid ${path}: ${problem.message}`, { scheduleCode: problem.code });
  return list as string[];
}

/**
 * The body of `POST /policies` (`mode: "create"`: name, operation_type, operation_definition and
 * trigger required) or `PUT /policies/{id}` (every field optional, operation_type not accepted),
 * the object under `policy`. `region` is the current region (a replication cannot target it).
 */
export function checkCbrPolicyBody(
  raw: unknown,
  mode: "create" | "update",
  options: { region?: string; operationType?: CbrOperationType } = {},
): CbrPolicyCheck {
  try {
    if (!isObject(raw)) refuse("policy", "Invalid policy: must be an object.");
    const body = raw as Record<string, unknown>;
    const out: CbrPolicyInput = {};
    if (body.name !== undefined || mode === "create") {
      const name = body.name;
      if (
        typeof name !== "string" ||
        name.length < 1 ||
        name.length > CBR_POLICY_LIMITS.name ||
        !NAME.test(name)
      ) {
        refuse("name", "Invalid name: 1 to 64 letters, digits, underscores (_) or hyphens (-).");
      }
      out.name = name as string;
    }
    if (body.enabled !== undefined) {
      if (typeof body.enabled !== "boolean")
        refuse("enabled", "Invalid enabled: must be true or false.");
      out.enabled = body.enabled as boolean;
    }
    let type = options.operationType;
    if (mode === "create") {
      if (!(CBR_OPERATION_TYPES as readonly unknown[]).includes(body.operation_type)) {
        throw new Refusal({
          kind: "type",
          field: "operation_type",
          message: `Unknown policy type "${String(body.operation_type)}": backup or replication.`,
        });
      }
      type = body.operation_type as CbrOperationType;
      out.operation_type = type;
    } else if (body.operation_type !== undefined) {
      refuse("operation_type", "Invalid operation_type: a policy's type cannot be changed.");
    }
    if (body.operation_definition !== undefined || mode === "create") {
      out.operation_definition = checkDefinition(body.operation_definition, type, options.region);
    }
    if (body.trigger !== undefined || mode === "create") out.pattern = checkPattern(body.trigger);
    return { ok: true, policy: out };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, problem: error.problem };
    throw error;
  }
}

/**
 * The console field a CBR refusal is about, from the message's named parameter (9900 names it,
 * like "Invalid operation_definition.timezone: …"), or the code (6117 the type, 6001 the name:
 * quota of policies).
 */
export function cbrPolicyFieldOfCloudError(code: string, message: string): string | undefined {
  if (code === "BackupService.6117") return "operationType";
  if (code === "BackupService.6001") return "name";
  const text = message.toLowerCase();
  if (text.includes("pattern") || text.includes("trigger")) return "pattern";
  for (const key of LONG_TERM_KEYS) if (text.includes(key)) return `longTerm.${key.split("_")[0]}`;
  if (text.includes("timezone")) return "timezone";
  if (text.includes("max_backups")) return "retention.count";
  if (text.includes("retention_duration_days")) return "retention.days";
  if (text.includes("full_backup_interval")) return "fullBackupInterval";
  if (text.includes("name")) return "name";
  return undefined;
}

/** The pruning rule of a stored definition (lib/retention), in the definition's own zone. */
export function retentionRuleOf(def: CbrOperationDefinition) {
  return {
    maxBackups: def.max_backups,
    retentionDays: def.retention_duration_days,
    day: def.day_backups,
    week: def.week_backups,
    month: def.month_backups,
    year: def.year_backups,
    offsetMinutes: def.timezone ? (parseUtcOffset(def.timezone) ?? 0) : 0,
  };
}

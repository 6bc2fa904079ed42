import { z } from "zod";
import {
  CBR_POLICY_LIMITS,
  type CbrOperationDefinition,
  checkCbrPolicyBody,
  LONG_TERM_KEYS,
} from "./cbr-policy";
import { uuidSchema } from "./common";

/**
 * The CBR policy editor's values, the console API's bodies and views. The cloud's rules are
 * lib/schemas/cbr-policy's; this module maps the form onto the wire body and each refusal back
 * onto the form field it is about.
 */

export const CBR_RETENTION_KINDS = ["count", "days", "permanent"] as const;

const longTermShape = z.object({
  day: z.number().int().min(0).max(CBR_POLICY_LIMITS.longTermMax),
  week: z.number().int().min(0).max(CBR_POLICY_LIMITS.longTermMax),
  month: z.number().int().min(0).max(CBR_POLICY_LIMITS.longTermMax),
  year: z.number().int().min(0).max(CBR_POLICY_LIMITS.longTermMax),
});

const formShape = z.object({
  name: z.string().trim(),
  enabled: z.boolean(),
  /** `trigger.properties.pattern`, UTC, as it will be sent. */
  pattern: z.array(z.string()),
  retention: z.object({
    kind: z.enum(CBR_RETENTION_KINDS),
    count: z.number().optional(),
    days: z.number().optional(),
  }),
  longTerm: longTermShape,
  /** "UTC+01:00": the zone in which the long-term periods are read. */
  timezone: z.string(),
  /** -1: never force a full backup. */
  fullBackupInterval: z.number().int().optional(),
});
export type CbrPolicyFormValues = z.infer<typeof formShape>;

/** The wire body's field (below `policy`) → the form's path. */
function formPathOf(field: string): (string | number)[] {
  if (field === "name" || field === "enabled") return [field];
  if (field.startsWith("trigger")) return ["pattern"];
  const key = field.replace("operation_definition.", "");
  if (key === "max_backups") return ["retention", "count"];
  if (key === "retention_duration_days") return ["retention", "days"];
  if (key === "timezone") return ["timezone"];
  if (key === "full_backup_interval") return ["fullBackupInterval"];
  const longTerm = (LONG_TERM_KEYS as readonly string[]).indexOf(key);
  if (longTerm >= 0) return ["longTerm", ["day", "week", "month", "year"][longTerm] as string];
  return [];
}

/** `operation_definition` of the form: every retention field sent, the unused ones -1/0. */
export function definitionOf(values: CbrPolicyFormValues): CbrOperationDefinition {
  const def: CbrOperationDefinition = {
    max_backups: values.retention.kind === "count" ? (values.retention.count ?? -1) : -1,
    retention_duration_days: values.retention.kind === "days" ? (values.retention.days ?? -1) : -1,
    timezone: values.timezone,
  };
  // Long-term counts go with count or permanent retention only (the cloud refuses them with days).
  if (values.retention.kind !== "days") {
    def.day_backups = values.longTerm.day;
    def.week_backups = values.longTerm.week;
    def.month_backups = values.longTerm.month;
    def.year_backups = values.longTerm.year;
  }
  if (values.fullBackupInterval !== undefined) def.full_backup_interval = values.fullBackupInterval;
  return def;
}

/** The body under `policy` (create: with `operation_type`; update: without). */
export function cbrPolicyBodyOf(values: CbrPolicyFormValues, mode: "create" | "update") {
  return {
    name: values.name,
    enabled: values.enabled,
    ...(mode === "create" ? { operation_type: "backup" as const } : {}),
    operation_definition: definitionOf(values) as Record<string, number | string>,
    trigger: { properties: { pattern: values.pattern } },
  };
}

/** The form (and the console API's body), refused where the cloud would refuse, at the field. */
export function makeCbrPolicyFormSchema(mode: "create" | "update" = "create") {
  return formShape.superRefine((values, ctx) => {
    const result = checkCbrPolicyBody(cbrPolicyBodyOf(values, mode), mode);
    if (result.ok) return;
    ctx.addIssue({
      code: "custom",
      path: formPathOf(result.problem.field),
      message: result.problem.message,
    });
  });
}
export const cbrPolicyFormSchema = makeCbrPolicyFormSchema("create");

/** Reads a stored definition back into the form's retention choice and long-term counts. */
export function formRetentionOf(
  def: CbrOperationDefinition | undefined,
): Pick<CbrPolicyFormValues, "retention" | "longTerm" | "timezone" | "fullBackupInterval"> {
  const d = def ?? {};
  const count = d.max_backups !== undefined && d.max_backups > 0 ? d.max_backups : undefined;
  const days =
    d.retention_duration_days !== undefined && d.retention_duration_days > 0
      ? d.retention_duration_days
      : undefined;
  return {
    retention:
      count !== undefined
        ? { kind: "count", count }
        : days !== undefined
          ? { kind: "days", days }
          : { kind: "permanent" },
    longTerm: {
      day: d.day_backups ?? 0,
      week: d.week_backups ?? 0,
      month: d.month_backups ?? 0,
      year: d.year_backups ?? 0,
    },
    timezone: d.timezone ?? "UTC+00:00",
    ...(d.full_backup_interval !== undefined ? { fullBackupInterval: d.full_backup_interval } : {}),
  };
}

// ---------- what the console's API answers ----------

export const cbrPolicyViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  enabled: z.boolean(),
  operationType: z.string(),
  pattern: z.array(z.string()),
  definition: z.record(z.string(), z.union([z.number(), z.string()])),
  vaults: z.array(z.object({ id: z.string(), name: z.string(), resources: z.number().optional() })),
});
export type CbrPolicyView = z.infer<typeof cbrPolicyViewSchema>;
export const cbrPolicyListResponseSchema = z.object({ policies: z.array(cbrPolicyViewSchema) });
export const cbrPolicyResponseSchema = z.object({ policy: cbrPolicyViewSchema });

export const cbrPolicyIdParamsSchema = z.object({ id: uuidSchema });
export const cbrPolicyVaultParamsSchema = z.object({ id: uuidSchema, vaultId: uuidSchema });
export const cbrPolicyEnabledBodySchema = z.object({ enabled: z.boolean() });
export const cbrPolicyBindBodySchema = z.object({ vaultId: uuidSchema });

import { z } from "zod";
import { MAX_PATTERN_LENGTH, validateCsbsPattern } from "@/lib/schedule";
import { uuidSchema } from "./common";

/**
 * Backup policies: the form's values, the API's bodies and views, and the pure mappings between
 * the form's retention choice and CSBS `operation_definition`. Field rules are the CSBS
 * reference's (seeds/003 §5.1.1, §5.2.1): the cloud checks them again, the form checks them first.
 */

export const POLICY_LIMITS = {
  name: 255,
  description: 255,
  retentionMin: 1,
  retentionMax: 99_999,
  tags: 10,
  tagKey: 36,
  tagValue: 43,
} as const;

/** Letters, digits, `_`, `-` and Chinese characters (the reference's name rule). */
const NAME = /^[A-Za-z0-9_\-\p{Script=Han}]*$/u;
/** Tag keys and values: letters, digits, `_` and `-`. */
const TAG_TEXT = /^[A-Za-z0-9_-]*$/;

export const RETENTION_KINDS = ["count", "days", "permanent"] as const;
export type RetentionKind = (typeof RETENTION_KINDS)[number];

/** The words the form shows for each rule; English by default (the API's language). */
export type PolicyMessages = {
  nameRequired: string;
  nameTooLong: string;
  nameChars: string;
  descriptionTooLong: string;
  descriptionChars: string;
  patternRequired: string;
  /** `{detail}` receives the schedule engine's reason. */
  patternInvalid: string;
  retentionCount: string;
  retentionDays: string;
  tagsTooMany: string;
  tagKey: string;
  tagValue: string;
  tagChars: string;
  tagDuplicate: string;
};

export const englishPolicyMessages: PolicyMessages = {
  nameRequired: "Enter a name for the policy.",
  nameTooLong: `The name is too long (at most ${POLICY_LIMITS.name} characters).`,
  nameChars: "Use only letters, digits, underscores (_), hyphens (-) and Chinese characters.",
  descriptionTooLong: `The description is too long (at most ${POLICY_LIMITS.description} characters).`,
  descriptionChars: "The description must not contain < or >.",
  patternRequired: "Choose at least one run time.",
  patternInvalid: "The schedule cannot be used: {detail}",
  retentionCount: `Keep between ${POLICY_LIMITS.retentionMin} and ${POLICY_LIMITS.retentionMax} backups (a whole number).`,
  retentionDays: `Keep backups between ${POLICY_LIMITS.retentionMin} and ${POLICY_LIMITS.retentionMax} days (a whole number).`,
  tagsTooMany: `At most ${POLICY_LIMITS.tags} tags.`,
  tagKey: `A tag key has 1 to ${POLICY_LIMITS.tagKey} characters.`,
  tagValue: `A tag value has at most ${POLICY_LIMITS.tagValue} characters.`,
  tagChars: "Tags use only letters, digits, underscores (_) and hyphens (-).",
  tagDuplicate: "Each tag key may be used once.",
};

const inRetentionRange = (value: number | undefined): value is number =>
  value !== undefined &&
  Number.isInteger(value) &&
  value >= POLICY_LIMITS.retentionMin &&
  value <= POLICY_LIMITS.retentionMax;

function makeRetentionSchema(m: PolicyMessages) {
  // Both numbers stay in the form while the kind changes, so that switching back keeps what was typed;
  // only the chosen one is checked and sent.
  return z
    .object({
      kind: z.enum(RETENTION_KINDS),
      count: z.number().optional(),
      days: z.number().optional(),
    })
    .superRefine((r, ctx) => {
      if (r.kind === "count" && !inRetentionRange(r.count)) {
        ctx.addIssue({ code: "custom", path: ["count"], message: m.retentionCount });
      }
      if (r.kind === "days" && !inRetentionRange(r.days)) {
        ctx.addIssue({ code: "custom", path: ["days"], message: m.retentionDays });
      }
    });
}
export type RetentionValue = z.infer<ReturnType<typeof makeRetentionSchema>>;

function makeTagsSchema(m: PolicyMessages) {
  const tag = z.object({
    key: z
      .string()
      .trim()
      .min(1, m.tagKey)
      .max(POLICY_LIMITS.tagKey, m.tagKey)
      .regex(TAG_TEXT, m.tagChars),
    value: z.string().trim().max(POLICY_LIMITS.tagValue, m.tagValue).regex(TAG_TEXT, m.tagChars),
  });
  return z
    .array(tag)
    .max(POLICY_LIMITS.tags, m.tagsTooMany)
    .superRefine((tags, ctx) => {
      const seen = new Set<string>();
      for (const [index, t] of tags.entries()) {
        const key = t.key.trim();
        if (seen.has(key)) {
          ctx.addIssue({ code: "custom", path: [index, "key"], message: m.tagDuplicate });
        }
        seen.add(key);
      }
    });
}

function makePatternSchema(m: PolicyMessages) {
  return z
    .string()
    .min(1, m.patternRequired)
    .max(MAX_PATTERN_LENGTH, m.patternInvalid.replace("{detail}", "too long"))
    .superRefine((pattern, ctx) => {
      if (pattern === "") return;
      const problem = validateCsbsPattern(pattern);
      if (problem) {
        ctx.addIssue({
          code: "custom",
          message: m.patternInvalid.replace("{detail}", problem.message),
        });
      }
    });
}

/** The editor's fields shared by the form and the API. */
function makeCommonShape(m: PolicyMessages) {
  return {
    name: z
      .string()
      .trim()
      .min(1, m.nameRequired)
      .max(POLICY_LIMITS.name, m.nameTooLong)
      .regex(NAME, m.nameChars),
    description: z
      .string()
      .max(POLICY_LIMITS.description, m.descriptionTooLong)
      .regex(/^[^<>]*$/, m.descriptionChars),
    enabled: z.boolean(),
    /** The CSBS iCalendar pattern exactly as it will be sent (UTC). */
    pattern: makePatternSchema(m),
    retention: makeRetentionSchema(m),
    tags: makeTagsSchema(m),
  };
}

/** The policy editor: servers are picked by id; names are added when the body is built. */
export function makePolicyFormSchema(messages: PolicyMessages = englishPolicyMessages) {
  return z.object({ ...makeCommonShape(messages), servers: z.array(z.string().min(1)) });
}
export const policyFormSchema = makePolicyFormSchema();
export type PolicyFormValues = z.infer<typeof policyFormSchema>;

const resourceRefSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().max(255),
});

/** `POST /api/policies`. */
export const createPolicyBodySchema = z.object({
  ...makeCommonShape(englishPolicyMessages),
  resources: z.array(resourceRefSchema).max(1000),
  /** The user agreed that servers now in another policy leave it for this one. */
  moveServers: z.boolean().default(false),
});
export type CreatePolicyBody = z.input<typeof createPolicyBodySchema>;

/** `PUT /api/policies/{id}`: the whole editor, with the id of the policy's scheduled operation. */
export const updatePolicyBodySchema = createPolicyBodySchema.extend({
  operationId: z.string().min(1).max(64),
});
export type UpdatePolicyBody = z.input<typeof updatePolicyBodySchema>;

/** `PATCH /api/policies/{id}`: enable or disable. */
export const setEnabledBodySchema = z.object({
  enabled: z.boolean(),
  operationId: z.string().min(1).max(64),
});
export type SetEnabledBody = z.infer<typeof setEnabledBodySchema>;

/** `POST /api/policies/{id}/execute`: every server of the policy, or only these. */
export const executePolicyBodySchema = z.object({
  resources: z.array(z.string().min(1).max(64)).min(1).max(1000).optional(),
});
export type ExecutePolicyBody = z.infer<typeof executePolicyBodySchema>;

/** CSBS policy ids are UUIDs (003 §5.2.x samples, the simulator): anything else never reaches the cloud. */
export const policyIdParamsSchema = z.object({ id: uuidSchema });

// ---------- retention ↔ operation_definition ----------

export type OperationDefinitionOut = {
  max_backups: number;
  retention_duration_days: number;
  permanent: boolean;
};

/**
 * What is sent: every field explicitly, the unused ones as -1 ("not by count/days"), so that an
 * update that switches from count to days also clears the count (an update only changes the
 * fields it sends).
 */
export function retentionToDefinition(r: RetentionValue): OperationDefinitionOut {
  if (r.kind === "count") {
    return { max_backups: r.count ?? -1, retention_duration_days: -1, permanent: false };
  }
  if (r.kind === "days") {
    return { max_backups: -1, retention_duration_days: r.days ?? -1, permanent: false };
  }
  return { max_backups: -1, retention_duration_days: -1, permanent: true };
}

/**
 * What the cloud holds, read as the form's one choice (reference: permanent wins; neither count
 * nor days is permanent). A policy limited by both count and days, which the console never
 * writes, reads as count and says so through `both`.
 */
export function retentionFromDefinition(def: {
  max_backups?: number | undefined;
  retention_duration_days?: number | undefined;
  permanent?: boolean | undefined;
}): RetentionValue & { both: boolean } {
  const count = def.max_backups !== undefined && def.max_backups > 0 ? def.max_backups : undefined;
  const days =
    def.retention_duration_days !== undefined && def.retention_duration_days > 0
      ? def.retention_duration_days
      : undefined;
  if (def.permanent === true || (count === undefined && days === undefined)) {
    return { kind: "permanent", both: false };
  }
  if (count !== undefined) {
    return {
      kind: "count",
      count,
      ...(days !== undefined ? { days } : {}),
      both: days !== undefined,
    };
  }
  return { kind: "days", days, both: false };
}

// ---------- cloud refusals → the field they concern ----------

const SERVER_CODES = new Set([
  "CSBS.6000",
  "CSBS.6003",
  "CSBS.6004",
  "CSBS.6005",
  "CSBS.6006",
  "CSBS.6007",
  "CSBS.6010",
]);

/**
 * The editor field a CSBS refusal is about: the duplicate name, a server that cannot join, or
 * (CSBS.9001 names the parameter in its message) the pattern, a retention number, the tags.
 */
export function policyFieldOfCloudError(code: string, message: string): string | undefined {
  if (code === "CSBS.9007") return "name";
  if (SERVER_CODES.has(code)) return "servers";
  if (code !== "CSBS.9001") return undefined;
  const text = message.toLowerCase();
  if (text.includes("pattern") || text.includes("trigger")) return "pattern";
  if (text.includes("max_backups")) return "retention.count";
  if (text.includes("retention_duration_days")) return "retention.days";
  if (text.includes("tags")) return "tags";
  if (text.includes("description")) return "description";
  if (text.includes("name")) return "name";
  if (text.includes("resources")) return "servers";
  return undefined;
}

// ---------- what the console's API answers ----------

export const policyResourceViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string(),
});

export const lastRunSchema = z.object({
  status: z.string(),
  at: z.string().optional(),
  name: z.string().optional(),
  failReason: z.string().optional(),
  /** Made by the schedule (`auto_trigger`), not by "run now" or "back up now". */
  auto: z.boolean().optional(),
});
export type LastRun = z.infer<typeof lastRunSchema>;

export const policyViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  enabled: z.boolean(),
  createdAt: z.string().optional(),
  operationId: z.string(),
  /** Exactly as the cloud holds it (never trimmed or unescaped). */
  pattern: z.string(),
  retention: z.object({
    kind: z.enum(RETENTION_KINDS),
    count: z.number().optional(),
    days: z.number().optional(),
    both: z.boolean(),
  }),
  resources: z.array(policyResourceViewSchema),
  tags: z.array(z.object({ key: z.string(), value: z.string() })),
  /** null: no backup yet; absent: not looked up (too many policies to ask cheaply). */
  lastRun: lastRunSchema.nullable().optional(),
});
export type PolicyView = z.infer<typeof policyViewSchema>;

export const policyListResponseSchema = z.object({
  policies: z.array(policyViewSchema),
  /** False when the last runs were not looked up. */
  lastRunsLoaded: z.boolean(),
});
export type PolicyListResponse = z.infer<typeof policyListResponseSchema>;

export const policyResponseSchema = z.object({ policy: policyViewSchema });

export const executeResponseSchema = z.object({
  checkpointId: z.string(),
  status: z.string().optional(),
});

/** A project server as the policy editor offers it. */
export const candidateServerSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: z.string().optional(),
  /** The policy that holds it now, if any. */
  policy: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** Whether CSBS can back it up, apart from its current policy membership. */
  protectable: z.boolean(),
  /** The CSBS code saying why not (plain words come from the catalog). */
  reasonCode: z.string().optional(),
  reason: z.string().optional(),
});
export type CandidateServer = z.infer<typeof candidateServerSchema>;
export const candidateServersResponseSchema = z.object({
  servers: z.array(candidateServerSchema),
  /** Backups quota of the project (-1: unlimited) and how many are held now. */
  backupsQuota: z.object({ quota: z.number(), used: z.number() }).nullable(),
});
export type CandidateServersResponse = z.infer<typeof candidateServersResponseSchema>;

// ---------- the list's URL state ----------

export const POLICY_SORTS = ["name", "-name", "next", "servers", "-servers"] as const;
export const policyListSearchSchema = z.object({
  q: z.string().max(255).catch(""),
  state: z.enum(["all", "enabled", "disabled"]).catch("all"),
  sort: z.enum(POLICY_SORTS).catch("name"),
});
export type PolicyListSearch = z.infer<typeof policyListSearchSchema>;

export function parsePolicyListSearch(params: {
  get(name: string): string | null;
}): PolicyListSearch {
  return policyListSearchSchema.parse({
    q: params.get("q") ?? "",
    state: params.get("state") ?? "all",
    sort: params.get("sort") ?? "name",
  });
}

import "server-only";
import type { CloudContext } from "@/lib/cloud/context";
import {
  createPolicy,
  listCheckpointItems,
  listPolicies,
  type Policy,
  type PolicyResourceInput,
  updatePolicy,
} from "@/lib/cloud/csbs";
import type { Locale } from "@/lib/i18n/locales";
import {
  type CreatePolicyBody,
  createPolicyBodySchema,
  type LastRun,
  type PolicyView,
  policyFieldOfCloudError,
  retentionFromDefinition,
  retentionToDefinition,
  type updatePolicyBodySchema,
} from "@/lib/schemas/policy";
import { refusalsAtField } from "@/lib/server/errors";

/** CSBS knows servers by this type; bare-metal servers are refused by the cloud with a reason. */
export const SERVER_TYPE = "OS::Nova::Server";

/** Above this many policies the list does not ask for each one's latest backup (one call each). */
export const LAST_RUN_LOOKUP_LIMIT = 50;

export function toPolicyView(policy: Policy, lastRun?: LastRun | null): PolicyView {
  const op = policy.scheduled_operations[0];
  const def = op?.operation_definition ?? {};
  return {
    id: policy.id,
    name: policy.name,
    description: policy.description ?? "",
    enabled: op?.enabled ?? policy.status === "enabled",
    ...(policy.created_at ? { createdAt: policy.created_at } : {}),
    operationId: op?.id ?? "",
    pattern: op?.trigger?.properties.pattern ?? "",
    retention: retentionFromDefinition(def),
    resources: policy.resources.map((r) => ({
      id: r.id,
      name: r.name ?? r.id,
      type: r.type ?? "",
    })),
    tags: (policy.tags ?? []).map((t) => ({ key: t.key, value: t.value ?? "" })),
    ...(lastRun !== undefined ? { lastRun } : {}),
  };
}

/** The policy's most recent backup: its status and time, or null when it has none yet. */
export async function lastRunOf(cloud: CloudContext, policyId: string): Promise<LastRun | null> {
  const page = await listCheckpointItems(cloud, {
    policy_id: policyId,
    limit: 1,
    sort: "created_at:desc",
  });
  const item = page.items[0];
  if (!item) return null;
  return {
    status: item.status,
    ...(item.created_at ? { at: item.created_at } : {}),
    ...(item.name ? { name: item.name } : {}),
    ...(item.extend_info.fail_reason ? { failReason: item.extend_info.fail_reason } : {}),
    ...(item.extend_info.auto_trigger !== undefined ? { auto: item.extend_info.auto_trigger } : {}),
  };
}

/**
 * Runs a cloud change and sends a refusal back to the editor field it concerns (CSBS.9007 at the
 * name, CSBS.6004 at the servers, a refused pattern at the schedule), with the catalog's words
 * only: the cloud's own text may expose internals.
 */
export function atPolicyField<T>(locale: Locale, call: () => Promise<T>): Promise<T> {
  return refusalsAtField(locale, (e) => policyFieldOfCloudError(e.code, e.message), call);
}

type WriteBody = ReturnType<typeof createPolicyBodySchema.parse>;

function resourcesOf(body: WriteBody): PolicyResourceInput[] {
  return body.resources.map((r) => ({ id: r.id, name: r.name, type: SERVER_TYPE }));
}

type Move = { policy: Policy; keep: PolicyResourceInput[]; moved: PolicyResourceInput[] };

/** Other policies that hold any of these servers, and what they keep without them. */
async function plannedMoves(
  cloud: CloudContext,
  serverIds: Set<string>,
  exceptPolicyId?: string,
): Promise<Move[]> {
  if (serverIds.size === 0) return [];
  const policies = await listPolicies(cloud, { limit: 1000 });
  const moves: Move[] = [];
  for (const policy of policies) {
    if (policy.id === exceptPolicyId) continue;
    const asInput = policy.resources.map((r) => ({
      id: r.id,
      name: r.name ?? r.id,
      type: r.type ?? SERVER_TYPE,
    }));
    const moved = asInput.filter((r) => serverIds.has(r.id));
    if (moved.length === 0) continue;
    moves.push({ policy, keep: asInput.filter((r) => !serverIds.has(r.id)), moved });
  }
  return moves;
}

async function setResources(cloud: CloudContext, policy: Policy, list: PolicyResourceInput[]) {
  await updatePolicy(cloud, policy.id, { resources: list });
}

/**
 * Takes the servers out of the policies that hold them, runs `save`, and puts them back when the
 * save is refused, so that a failed save does not leave servers unprotected. Not a retry: each
 * cloud change is made once.
 */
async function withMoves<T>(
  cloud: CloudContext,
  body: WriteBody,
  exceptPolicyId: string | undefined,
  save: () => Promise<T>,
): Promise<T> {
  if (!body.moveServers) return save();
  const moves = await plannedMoves(cloud, new Set(body.resources.map((r) => r.id)), exceptPolicyId);
  const done: Move[] = [];
  try {
    for (const move of moves) {
      await setResources(cloud, move.policy, move.keep);
      done.push(move);
    }
    return await save();
  } catch (error) {
    for (const move of done) {
      await setResources(cloud, move.policy, [...move.keep, ...move.moved]).catch(() => {});
    }
    throw error;
  }
}

export async function createFromBody(
  cloud: CloudContext,
  locale: Locale,
  body: CreatePolicyBody,
): Promise<Policy> {
  const parsed = createPolicyBodySchema.parse(body);
  return withMoves(cloud, parsed, undefined, () =>
    atPolicyField(locale, () =>
      createPolicy(cloud, {
        name: parsed.name,
        description: parsed.description,
        resources: resourcesOf(parsed),
        scheduled_operation: {
          enabled: parsed.enabled,
          operation_definition: retentionToDefinition(parsed.retention),
          pattern: parsed.pattern,
        },
        ...(parsed.tags.length > 0 ? { tags: parsed.tags } : {}),
      }),
    ),
  );
}

export async function updateFromBody(
  cloud: CloudContext,
  locale: Locale,
  policyId: string,
  body: ReturnType<typeof updatePolicyBodySchema.parse>,
): Promise<Policy> {
  return withMoves(cloud, body, policyId, () =>
    atPolicyField(locale, () =>
      updatePolicy(cloud, policyId, {
        name: body.name,
        description: body.description,
        resources: resourcesOf(body),
        scheduled_operation: {
          id: body.operationId,
          enabled: body.enabled,
          operation_definition: retentionToDefinition(body.retention),
          pattern: body.pattern,
        },
      }),
    ),
  );
}

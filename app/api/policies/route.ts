// GET /api/policies: the project's backup policies with their latest backup.
// POST /api/policies: create a policy (moving servers from other policies when the user agreed).
import { getPolicy, listPolicies } from "@/lib/cloud/csbs";
import {
  createPolicyBodySchema,
  type PolicyListResponse,
  type PolicyView,
} from "@/lib/schemas/policy";
import {
  createFromBody,
  LAST_RUN_LOOKUP_LIMIT,
  lastRunOf,
  toPolicyView,
} from "@/lib/server/policies/policy-service";
import { withRoute } from "@/lib/server/with-route";

export const GET = withRoute({}, async ({ cloud }): Promise<PolicyListResponse> => {
  const policies = await listPolicies(cloud, { limit: 1000 });
  if (policies.length > LAST_RUN_LOOKUP_LIMIT) {
    return { policies: policies.map((p) => toPolicyView(p)), lastRunsLoaded: false };
  }
  const views = await Promise.all(
    policies.map(async (p) => toPolicyView(p, await lastRunOf(cloud, p.id).catch(() => undefined))),
  );
  return { policies: views, lastRunsLoaded: true };
});

export const POST = withRoute(
  { body: createPolicyBodySchema },
  async ({ cloud, body, locale }): Promise<{ policy: PolicyView }> => {
    const created = await createFromBody(cloud, locale, body);
    // The create answer may omit fields the list shows; read it back once.
    const policy = await getPolicy(cloud, created.id).catch(() => created);
    return { policy: toPolicyView(policy, null) };
  },
);

// GET /api/policies/{id}: one policy. PUT: save the editor. PATCH: enable or disable. DELETE: remove.
import { deletePolicy, getPolicy, updatePolicy } from "@/lib/cloud/csbs";
import {
  type PolicyView,
  policyIdParamsSchema,
  setEnabledBodySchema,
  updatePolicyBodySchema,
} from "@/lib/schemas/policy";
import {
  atPolicyField,
  lastRunOf,
  toPolicyView,
  updateFromBody,
} from "@/lib/server/policies/policy-service";
import { withRoute } from "@/lib/server/with-route";

type PolicyAnswer = { policy: PolicyView };

export const GET = withRoute(
  { params: policyIdParamsSchema },
  async ({ cloud, params }): Promise<PolicyAnswer> => {
    const [policy, lastRun] = await Promise.all([
      getPolicy(cloud, params.id),
      lastRunOf(cloud, params.id).catch(() => undefined),
    ]);
    return { policy: toPolicyView(policy, lastRun) };
  },
);

export const PUT = withRoute(
  { params: policyIdParamsSchema, body: updatePolicyBodySchema },
  async ({ cloud, params, body, locale }): Promise<PolicyAnswer> => {
    const updated = await updateFromBody(cloud, locale, params.id, body);
    return { policy: toPolicyView(updated) };
  },
);

export const PATCH = withRoute(
  { params: policyIdParamsSchema, body: setEnabledBodySchema },
  async ({ cloud, params, body, locale }): Promise<PolicyAnswer> => {
    const updated = await atPolicyField(locale, () =>
      updatePolicy(cloud, params.id, {
        scheduled_operation: { id: body.operationId, enabled: body.enabled },
      }),
    );
    return { policy: toPolicyView(updated) };
  },
);

export const DELETE = withRoute({ params: policyIdParamsSchema }, async ({ cloud, params }) => {
  await deletePolicy(cloud, params.id);
  return new Response(null, { status: 204 });
});

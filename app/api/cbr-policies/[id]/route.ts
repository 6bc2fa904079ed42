// GET /api/cbr-policies/{id}; PUT: save the editor; PATCH: enable or disable; DELETE: remove.
import {
  type CbrPolicyView,
  cbrPolicyEnabledBodySchema,
  cbrPolicyIdParamsSchema,
  makeCbrPolicyFormSchema,
} from "@/lib/schemas/cbr-policy-form";
import {
  getCbrPolicyView,
  removeCbrPolicy,
  setCbrPolicyEnabled,
  updateCbrPolicyFrom,
} from "@/lib/server/policies/cbr-policies";
import { withRoute } from "@/lib/server/with-route";

type Answer = { policy: CbrPolicyView };

export const GET = withRoute(
  { params: cbrPolicyIdParamsSchema },
  async ({ cloud, params }): Promise<Answer> => ({
    policy: await getCbrPolicyView(cloud, params.id),
  }),
);

export const PUT = withRoute(
  { params: cbrPolicyIdParamsSchema, body: makeCbrPolicyFormSchema("update") },
  async ({ cloud, locale, params, body }): Promise<Answer> => ({
    policy: await updateCbrPolicyFrom(cloud, locale, params.id, body),
  }),
);

export const PATCH = withRoute(
  { params: cbrPolicyIdParamsSchema, body: cbrPolicyEnabledBodySchema },
  async ({ cloud, locale, params, body }): Promise<Answer> => ({
    policy: await setCbrPolicyEnabled(cloud, locale, params.id, body.enabled),
  }),
);

export const DELETE = withRoute({ params: cbrPolicyIdParamsSchema }, async ({ cloud, params }) => {
  await removeCbrPolicy(cloud, params.id);
  return new Response(null, { status: 204 });
});

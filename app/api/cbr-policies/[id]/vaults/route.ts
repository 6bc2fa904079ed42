// POST /api/cbr-policies/{id}/vaults: bind the policy to a vault (CBR associatepolicy).
import {
  type CbrPolicyView,
  cbrPolicyBindBodySchema,
  cbrPolicyIdParamsSchema,
} from "@/lib/schemas/cbr-policy-form";
import { bindCbrPolicy } from "@/lib/server/policies/cbr-policies";
import { withRoute } from "@/lib/server/with-route";

export const POST = withRoute(
  { params: cbrPolicyIdParamsSchema, body: cbrPolicyBindBodySchema },
  async ({ cloud, locale, params, body }): Promise<{ policy: CbrPolicyView }> => ({
    policy: await bindCbrPolicy(cloud, locale, params.id, body.vaultId),
  }),
);

// DELETE /api/cbr-policies/{id}/vaults/{vaultId}: unbind the policy (CBR dissociatepolicy).
import { type CbrPolicyView, cbrPolicyVaultParamsSchema } from "@/lib/schemas/cbr-policy-form";
import { unbindCbrPolicy } from "@/lib/server/policies/cbr-policies";
import { withRoute } from "@/lib/server/with-route";

export const DELETE = withRoute(
  { params: cbrPolicyVaultParamsSchema },
  async ({ cloud, params }): Promise<{ policy: CbrPolicyView }> => ({
    policy: await unbindCbrPolicy(cloud, params.id, params.vaultId),
  }),
);

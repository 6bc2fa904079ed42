// POST /api/policies/{id}/execute: run the policy now, for all its servers or only some of them.
import { executePolicy } from "@/lib/cloud/csbs";
import { executePolicyBodySchema, policyIdParamsSchema } from "@/lib/schemas/policy";
import { withRoute } from "@/lib/server/with-route";

export const POST = withRoute(
  { params: policyIdParamsSchema, body: executePolicyBodySchema },
  async ({ cloud, params, body }) => {
    const checkpoint = await executePolicy(
      cloud,
      params.id,
      body.resources ? { resources: body.resources } : {},
    );
    return {
      checkpointId: checkpoint.id,
      ...(checkpoint.status ? { status: checkpoint.status } : {}),
    };
  },
);

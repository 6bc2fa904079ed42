// GET /api/cbr-policies: the project's CBR policies with their vaults. POST: create a backup policy.
import { type CbrPolicyView, cbrPolicyFormSchema } from "@/lib/schemas/cbr-policy-form";
import { createCbrPolicyFrom, listCbrPolicyViews } from "@/lib/server/policies/cbr-policies";
import { withRoute } from "@/lib/server/with-route";

export const GET = withRoute(
  {},
  async ({ cloud }): Promise<{ policies: CbrPolicyView[] }> => ({
    policies: await listCbrPolicyViews(cloud),
  }),
);

export const POST = withRoute(
  { body: cbrPolicyFormSchema },
  async ({ cloud, locale, body }): Promise<{ policy: CbrPolicyView }> => ({
    policy: await createCbrPolicyFrom(cloud, locale, body),
  }),
);

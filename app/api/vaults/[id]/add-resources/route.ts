// POST /api/vaults/{id}/add-resources: new resources, and resources moved here from other vaults
// with their backups. Never retried.

import { addResourcesBodySchema } from "@/lib/schemas/vault-admin";
import { idParamsSchema } from "@/lib/server/vaults/params";
import { addResources } from "@/lib/server/vaults/vault-resources";
import { withRoute } from "@/lib/server/with-route";

export const POST = withRoute(
  { params: idParamsSchema, body: addResourcesBodySchema },
  async ({ cloud, params, body, locale }) => addResources(cloud, locale, params.id, body),
);

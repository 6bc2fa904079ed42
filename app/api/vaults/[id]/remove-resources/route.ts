// POST /api/vaults/{id}/remove-resources: the resources leave the vault and their backups are
// deleted, once the vault's name was typed. Never retried: the answer counts what it deleted.

import { removeResourcesBodySchema } from "@/lib/schemas/vault-admin";
import { idParamsSchema } from "@/lib/server/vaults/params";
import { removeResources } from "@/lib/server/vaults/vault-admin";
import { withRoute } from "@/lib/server/with-route";

export const POST = withRoute(
  { params: idParamsSchema, body: removeResourcesBodySchema },
  async ({ cloud, params, body, locale }) => removeResources(cloud, locale, params.id, body),
);

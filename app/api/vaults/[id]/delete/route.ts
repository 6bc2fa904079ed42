// POST /api/vaults/{id}/delete: the vault and every backup in it, once its name was typed.

import { deleteVaultBodySchema } from "@/lib/schemas/vault-admin";
import { idParamsSchema } from "@/lib/server/vaults/params";
import { deleteVaultConfirmed } from "@/lib/server/vaults/vault-admin";
import { withRoute } from "@/lib/server/with-route";

export const POST = withRoute(
  { params: idParamsSchema, body: deleteVaultBodySchema },
  async ({ cloud, params, body }) => deleteVaultConfirmed(cloud, params.id, body),
);

// POST /api/vaults/{id}/lock: backup locking, for good, once the vault's name was typed.

import { deleteVaultBodySchema } from "@/lib/schemas/vault-admin";
import { idParamsSchema } from "@/lib/server/vaults/params";
import { lockVault } from "@/lib/server/vaults/vault-admin";
import { withRoute } from "@/lib/server/with-route";

export const POST = withRoute(
  { params: idParamsSchema, body: deleteVaultBodySchema },
  async ({ cloud, params, body, locale }) => ({
    vault: await lockVault(cloud, locale, params.id, body),
  }),
);

// GET /api/vaults/{id}: one vault with its resources (protection status, backup count and size).
// PATCH /api/vaults/{id}: rename, resize (only up, never below what is used), auto-expand.

import { vaultChangeBodySchema } from "@/lib/schemas/vault-admin";
import { idParamsSchema } from "@/lib/server/vaults/params";
import { changeVault } from "@/lib/server/vaults/vault-admin";
import { getVaultView } from "@/lib/server/vaults/vault-service";
import { withRoute } from "@/lib/server/with-route";

export const GET = withRoute({ params: idParamsSchema }, async ({ cloud, params }) => ({
  vault: await getVaultView(cloud, params.id),
}));

export const PATCH = withRoute(
  { params: idParamsSchema, body: vaultChangeBodySchema },
  async ({ cloud, params, body, locale }) => ({
    vault: await changeVault(cloud, locale, params.id, body),
  }),
);

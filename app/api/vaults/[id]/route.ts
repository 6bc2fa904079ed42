// GET /api/vaults/{id}: one vault with its resources (protection status, backup count and size).

import { idParamsSchema } from "@/lib/server/vaults/params";
import { getVaultView } from "@/lib/server/vaults/vault-service";
import { withRoute } from "@/lib/server/with-route";

export const GET = withRoute({ params: idParamsSchema }, async ({ cloud, params }) => ({
  vault: await getVaultView(cloud, params.id),
}));

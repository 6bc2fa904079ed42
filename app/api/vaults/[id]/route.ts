// GET /api/vaults/{id}: one vault with its resources (protection status, backup count and size).
import { withRoute } from "@/lib/server/with-route";
import { idParamsSchema } from "../params";
import { getVaultView } from "../vault-service";

export const GET = withRoute({ params: idParamsSchema }, async ({ cloud, params }) => ({
  vault: await getVaultView(cloud, params.id),
}));

// GET /api/checkpoints/{id}: one restore point (vault backup run), its resources and skipped ones.
import { getCheckpoint } from "@/lib/cloud/cbr";
import { idParamsSchema } from "@/lib/server/vaults/params";
import { toCheckpointView } from "@/lib/server/vaults/vault-service";
import { withRoute } from "@/lib/server/with-route";

export const GET = withRoute({ params: idParamsSchema }, async ({ cloud, params }) => ({
  checkpoint: toCheckpointView(await getCheckpoint(cloud, params.id)),
}));

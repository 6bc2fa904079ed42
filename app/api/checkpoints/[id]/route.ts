// GET /api/checkpoints/{id}: one restore point (vault backup run), its resources and skipped ones.
import { getCheckpoint } from "@/lib/cloud/cbr";
import { withRoute } from "@/lib/server/with-route";
import { idParamsSchema } from "../../vaults/params";
import { toCheckpointView } from "../../vaults/vault-service";

export const GET = withRoute({ params: idParamsSchema }, async ({ cloud, params }) => ({
  checkpoint: toCheckpointView(await getCheckpoint(cloud, params.id)),
}));

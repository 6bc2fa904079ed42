// GET /api/vaults/{id}/candidates: the servers (or disks) that could go into the vault, with
// whether they are free, here, in another vault (and the backups a move keeps), or refused.

import { idParamsSchema } from "@/lib/server/vaults/params";
import { vaultCandidates } from "@/lib/server/vaults/vault-resources";
import { withRoute } from "@/lib/server/with-route";

export const GET = withRoute({ params: idParamsSchema }, async ({ cloud, params }) => ({
  candidates: await vaultCandidates(cloud, params.id),
}));

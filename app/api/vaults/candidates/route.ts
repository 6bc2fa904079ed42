// GET /api/vaults/candidates?type=server|disk: what could go into a new vault of that type, with
// whether each is free, in another vault (and the backups a move keeps), or refused.

import { newVaultCandidatesQuerySchema } from "@/lib/schemas/vault-admin";
import { newVaultCandidates } from "@/lib/server/vaults/vault-resources";
import { withRoute } from "@/lib/server/with-route";

export const GET = withRoute(
  { query: newVaultCandidatesQuerySchema },
  async ({ cloud, query }) => ({
    candidates: await newVaultCandidates(cloud, query.type),
  }),
);

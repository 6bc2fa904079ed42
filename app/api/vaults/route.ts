// GET /api/vaults?name&status&type&page&size: one page of the project's CBR vaults, filtered and
// paged by the cloud (limit/offset), as rows with capacity, policy, resources and locking.
import { type VaultListResponse, vaultCloudQuery, vaultListQuerySchema } from "@/lib/schemas/vault";
import { listVaultViews } from "@/lib/server/vaults/vault-service";
import { withRoute } from "@/lib/server/with-route";

export const GET = withRoute(
  { query: vaultListQuerySchema },
  async ({ cloud, query }): Promise<VaultListResponse> => {
    const { vaults, count } = await listVaultViews(cloud, vaultCloudQuery(query));
    return { vaults, count, page: query.page, size: query.size };
  },
);

// GET /api/vaults?name&status&type&page&size[&figures=1]: one page of the project's CBR vaults,
// filtered and paged by the cloud (limit/offset), as rows with capacity, policy, resources and
// locking; with figures, also the project's total (the cloud's summary) and each vault's days left.
// POST /api/vaults: a new backup vault with its resources, policy, tags and auto-bind. Never retried.
import { type VaultListResponse, vaultCloudQuery, vaultListQuerySchema } from "@/lib/schemas/vault";
import { createVaultBodySchema } from "@/lib/schemas/vault-admin";
import { createVaultWithResources } from "@/lib/server/vaults/vault-create";
import { listVaultViews, projectVaultTotal } from "@/lib/server/vaults/vault-service";
import { withRoute } from "@/lib/server/with-route";

export const GET = withRoute(
  { query: vaultListQuerySchema },
  async ({ cloud, query }): Promise<VaultListResponse> => {
    const [{ vaults, count }, total] = await Promise.all([
      listVaultViews(cloud, vaultCloudQuery(query), { forecasts: query.figures }),
      query.figures ? projectVaultTotal(cloud) : undefined,
    ]);
    return { vaults, count, page: query.page, size: query.size, ...(total ? { total } : {}) };
  },
);

export const POST = withRoute({ body: createVaultBodySchema }, async ({ cloud, body, locale }) =>
  createVaultWithResources(cloud, locale, body),
);

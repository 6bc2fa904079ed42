// GET /api/restores/{key}: where the wizard's restore is (read from the cloud on every call).
import { type RestoreStatus, restoreKeyParamsSchema } from "@/lib/schemas/restore";
import { RouteError } from "@/lib/server/errors";
import { ownerOf, restoreStore } from "@/lib/server/restores/restore-requests";
import { restoreStatus } from "@/lib/server/restores/restore-service";
import { withRoute } from "@/lib/server/with-route";

export const GET = withRoute(
  { params: restoreKeyParamsSchema },
  async ({ cloud, session, params, locale }): Promise<RestoreStatus> => {
    const store = restoreStore();
    const owner = ownerOf(session);
    const record = await store.get(owner, params.key.toLowerCase());
    if (!record) throw RouteError.of("NOT_FOUND");
    return restoreStatus({ cloud, store, owner, locale, now: Date.now }, record);
  },
);

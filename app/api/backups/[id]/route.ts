// GET /api/backups/{id}?service=csbs|cbr: one backup, everything the cloud says about it.
// PATCH /api/backups/{id}: rename a CBR backup (`{"name"}`); cloud refusals are put at the field.
import { z } from "zod";
import { getBackup, getVault, renameBackup } from "@/lib/cloud/cbr";
import { getCheckpointItem, listPolicies } from "@/lib/cloud/csbs";
import { CloudError } from "@/lib/cloud/errors";
import { BACKUP_SERVICES, type BackupDetail, renameBodySchema } from "@/lib/schemas/backups";
import { cbrDetail, csbsDetail, policyByServer } from "@/lib/server/backups/backup-rows";
import { RouteError } from "@/lib/server/errors";
import { withRoute } from "@/lib/server/with-route";

const paramsSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, "Must be a backup id."),
});
const querySchema = z.object({ service: z.enum(BACKUP_SERVICES).default("csbs") });

export const GET = withRoute(
  { params: paramsSchema, query: querySchema },
  async ({ cloud, params, query }): Promise<BackupDetail> => {
    if (query.service === "csbs") {
      const [item, policies] = await Promise.all([
        getCheckpointItem(cloud, params.id),
        listPolicies(cloud, { limit: 1000 }).catch(() => []),
      ]);
      return csbsDetail(item, policyByServer(policies));
    }
    const backup = await getBackup(cloud, params.id);
    // The vault's name is a nicety: its failure must not hide the backup.
    const vault = backup.vault_id
      ? await getVault(cloud, backup.vault_id).catch(() => undefined)
      : undefined;
    return cbrDetail(backup, new Map(vault ? [[vault.id, vault.name ?? vault.id]] : []));
  },
);

export const PATCH = withRoute(
  { params: paramsSchema, body: renameBodySchema },
  async ({ cloud, params, body, locale }) => {
    try {
      return { backup: await renameBackup(cloud, params.id, body.name) };
    } catch (error) {
      // A name the cloud refuses (taken, wrong format) belongs beside the name field.
      if (error instanceof CloudError && error.status === 400) {
        throw RouteError.fromCloud(error, locale, { field: "name" });
      }
      throw error;
    }
  },
);

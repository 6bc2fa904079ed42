// POST /api/checkpoints: back up a vault now (seeds/004), all its resources or a chosen subset.
// Answers the created checkpoint with what it covers and what it skipped, and why.
import { createCheckpoint } from "@/lib/cloud/cbr";
import { CloudError } from "@/lib/cloud/errors";
import type { Locale } from "@/lib/i18n/locales";
import { createTranslator } from "@/lib/i18n/translate";
import {
  type CheckpointView,
  checkpointFieldOfCloudError,
  createCheckpointBodySchema,
  englishCheckpointMessages,
} from "@/lib/schemas/vault";
import { RouteError } from "@/lib/server/route-error";
import { getVaultView, toCheckpointView } from "@/lib/server/vaults/vault-service";
import { mapCloudError, withRoute } from "@/lib/server/with-route";

export const POST = withRoute(
  { body: createCheckpointBodySchema },
  async ({ cloud, body, locale }): Promise<{ checkpoint: CheckpointView }> => {
    const vault = await getVaultView(cloud, body.vaultId);
    if (vault.resources.length === 0) {
      throw new RouteError({
        code: "VALIDATION",
        field: "resources",
        message: noResourcesMessage(locale),
      });
    }
    const byId = new Map(vault.resources.map((r) => [r.id, r]));
    const chosen = body.resources?.map((id) => byId.get(id));
    if (chosen?.some((r) => r === undefined)) {
      throw new RouteError({
        code: "VALIDATION",
        field: "resources",
        message: englishCheckpointMessages.resourcesUnknown,
      });
    }
    const subset = chosen?.filter((r) => r !== undefined);
    try {
      const checkpoint = await createCheckpoint(cloud, {
        vault_id: vault.id,
        parameters: {
          name: body.name,
          description: body.description,
          incremental: body.incremental,
          ...(subset
            ? {
                resources: subset.map((r) => r.id),
                resource_details: subset.map((r) => ({ id: r.id, type: r.type, name: r.name })),
              }
            : {}),
        },
      });
      return { checkpoint: toCheckpointView(checkpoint) };
    } catch (error) {
      throw atField(error, locale);
    }
  },
);

function noResourcesMessage(locale: Locale) {
  return createTranslator(locale)("vaults.backup.nothing");
}

/** A cloud refusal that concerns one field of the dialog is answered at that field. */
function atField(error: unknown, locale: Locale): unknown {
  if (!(error instanceof CloudError) || error.status === 401) return error;
  const field = checkpointFieldOfCloudError(error.code, error.message);
  if (!field) return error;
  const mapped = mapCloudError(error, locale);
  return new RouteError({
    code: mapped.code,
    status: mapped.status,
    message: mapped.message,
    field,
  });
}

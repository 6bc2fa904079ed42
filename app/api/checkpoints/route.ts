// POST /api/checkpoints: back up a vault now (seeds/004), all its resources or a chosen subset.
// Answers the created checkpoint with what it covers and what it skipped, and why.
import { createCheckpoint } from "@/lib/cloud/cbr";
import type { CloudError } from "@/lib/cloud/errors";
import type { Locale } from "@/lib/i18n/locales";
import { createTranslator } from "@/lib/i18n/translate";
import {
  type CheckpointView,
  checkpointFieldOfCloudError,
  createCheckpointBodySchema,
  englishCheckpointMessages,
} from "@/lib/schemas/vault";
import { RouteError, refusalsAtField } from "@/lib/server/errors";
import { getVaultView, toCheckpointView } from "@/lib/server/vaults/vault-service";
import { withRoute } from "@/lib/server/with-route";

export const POST = withRoute(
  { body: createCheckpointBodySchema },
  async ({ cloud, body, locale }): Promise<{ checkpoint: CheckpointView }> => {
    const vault = await getVaultView(cloud, body.vaultId);
    if (vault.resources.length === 0) {
      throw RouteError.of("VALIDATION", {
        field: "resources",
        message: noResourcesMessage(locale),
      });
    }
    const byId = new Map(vault.resources.map((r) => [r.id, r]));
    const chosen = body.resources?.map((id) => byId.get(id));
    if (chosen?.some((r) => r === undefined)) {
      throw RouteError.of("VALIDATION", {
        field: "resources",
        message: englishCheckpointMessages.resourcesUnknown,
      });
    }
    const subset = chosen?.filter((r) => r !== undefined);
    // A cloud refusal that concerns one field of the dialog is answered at that field.
    const atField = (error: CloudError) => checkpointFieldOfCloudError(error.code, error.message);
    const checkpoint = await refusalsAtField(locale, atField, () =>
      createCheckpoint(cloud, {
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
      }),
    );
    return { checkpoint: toCheckpointView(checkpoint) };
  },
);

function noResourcesMessage(locale: Locale) {
  return createTranslator(locale)("vaults.backup.nothing");
}

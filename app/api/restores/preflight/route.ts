// POST /api/restores/preflight: CSBS check_restorable for the wizard's mapping (a dry run; it
// changes nothing, so read-only users may ask too).
import { checkRestorable } from "@/lib/cloud/csbs";
import { cloudErrorMessage } from "@/lib/i18n/cloud-errors";
import { type PreflightResponse, preflightBodySchema } from "@/lib/schemas/restore";
import { SERVER_TYPE } from "@/lib/server/restores/restore-views";
import { withRoute } from "@/lib/server/with-route";

export const POST = withRoute(
  { body: preflightBodySchema, write: false },
  async ({ cloud, body, locale }): Promise<PreflightResponse> => {
    const [result] = await checkRestorable(cloud, [
      {
        checkpoint_item_id: body.backupId,
        target: {
          resource_id: body.serverId,
          resource_type: SERVER_TYPE,
          volumes: body.mappings.map((m) => ({ backup_id: m.backupId, volume_id: m.volumeId })),
        },
      },
    ]);
    if (!result) return { ok: false, message: "The cloud gave no answer." };
    if (result.result === true) return { ok: true };
    const code = result.error_code || undefined;
    return {
      ok: false,
      ...(code ? { code } : {}),
      message:
        (code ? cloudErrorMessage(code, locale) : undefined) ?? result.error_msg ?? "refused",
    };
  },
);

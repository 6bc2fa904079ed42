// POST /api/servers/backup: "back up now" for one or several servers, one CSBS protect call per
// server, one answer per server. Never retried: a second identical request makes second backups.

import type { CloudContext } from "@/lib/cloud/context";
import { CSBS_PROVIDER_ID } from "@/lib/cloud/csbs";
import { CloudError } from "@/lib/cloud/errors";
import { csbsCheckpointResponseSchema } from "@/lib/cloud/schemas/csbs";
import { serviceCall } from "@/lib/cloud/service";
import { param } from "@/lib/cloud/url";
import { type BackupNowResult, backupNameFor, backupNowBodySchema } from "@/lib/schemas/backups";
import { mapCloudError } from "@/lib/server/errors";
import { withRoute } from "@/lib/server/with-route";

type ProtectInput = {
  serverId: string;
  name: string;
  description: string;
  incremental: boolean;
  excludeVolumes: string[];
  tags: { key: string; value: string }[];
};

/**
 * `POST /providers/{provider_id}/resources/{resource_id}/action {protect}` with tags, which
 * lib/cloud/csbs.ts `createCheckpoint` does not send yet (reported; it should move there).
 */
async function protect(cloud: CloudContext, input: ProtectInput) {
  const body = {
    protect: {
      backup_name: input.name,
      ...(input.description ? { description: input.description } : {}),
      incremental: input.incremental,
      ...(input.tags.length > 0
        ? { tags: input.tags.map((t) => ({ key: t.key, value: t.value })) }
        : {}),
      extra_info:
        input.excludeVolumes.length > 0 ? { exclude_volumes: [...input.excludeVolumes] } : {},
    },
  };
  const data = await serviceCall(
    cloud,
    "csbs",
    "POST",
    [
      "providers",
      param("provider_id", CSBS_PROVIDER_ID),
      "resources",
      param("resource_id", input.serverId),
      "action",
    ],
    { body, schema: csbsCheckpointResponseSchema },
  );
  return data.checkpoint;
}

export const POST = withRoute({ body: backupNowBodySchema }, async ({ cloud, body, locale }) => {
  const results: BackupNowResult[] = [];
  const count = body.servers.length;
  for (const [index, server] of body.servers.entries()) {
    const name = backupNameFor(body.name, index, count);
    try {
      const checkpoint = await protect(cloud, {
        serverId: server.id,
        name,
        description: body.description,
        incremental: !body.full,
        excludeVolumes: server.excludeVolumes,
        tags: body.tags,
      });
      results.push({ serverId: server.id, name, ok: true, checkpointId: checkpoint.id });
    } catch (error) {
      if (!(error instanceof CloudError) || error.status === 401) throw error;
      const mapped = mapCloudError(error, locale);
      results.push({
        serverId: server.id,
        name,
        ok: false,
        error: { code: mapped.code, message: mapped.message },
      });
    }
  }
  return { results };
});

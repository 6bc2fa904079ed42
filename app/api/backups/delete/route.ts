// POST /api/backups/delete: delete backups. CSBS: one item each or every item of their checkpoints;
// CBR: one backup each (DeleteBackup). One request per confirmation; each backup is one cloud call,
// and each gets its own answer.
import { deleteBackup } from "@/lib/cloud/cbr";
import type { CloudContext } from "@/lib/cloud/context";
import { deleteCheckpoint } from "@/lib/cloud/csbs";
import { CloudError } from "@/lib/cloud/errors";
import type { Locale } from "@/lib/i18n/locales";
import {
  type DeleteBackupsBody as Body,
  type DeleteResult,
  deleteBackupsBodySchema,
} from "@/lib/schemas/backups";
import { mapCloudError } from "@/lib/server/errors";
import { withRoute } from "@/lib/server/with-route";

export type { DeleteResult };

/** Runs one cloud call and turns a refusal into that backup's answer (a 401 ends the session). */
async function attempt(
  id: string,
  locale: Locale,
  call: () => Promise<void>,
): Promise<DeleteResult> {
  try {
    await call();
    return { id, ok: true };
  } catch (error) {
    if (!(error instanceof CloudError) || error.status === 401) throw error;
    const mapped = mapCloudError(error, locale);
    return { id, ok: false, error: { code: mapped.code, message: mapped.message } };
  }
}

async function deleteCsbs(
  cloud: CloudContext,
  body: Extract<Body, { service: "csbs" }>,
  locale: Locale,
) {
  const results: DeleteResult[] = [];
  const done = new Set<string>();
  for (const item of body.items) {
    const key = body.scope === "checkpoint" ? item.checkpointId : item.id;
    if (done.has(key)) {
      results.push({ id: item.id, ok: true });
      continue;
    }
    const result = await attempt(item.id, locale, () =>
      deleteCheckpoint(cloud, item.checkpointId, body.scope === "item" ? item.id : undefined),
    );
    if (result.ok) done.add(key);
    results.push(result);
  }
  return results;
}

async function deleteCbr(
  cloud: CloudContext,
  body: Extract<Body, { service: "cbr" }>,
  locale: Locale,
) {
  const results: DeleteResult[] = [];
  const done = new Set<string>();
  for (const item of body.items) {
    if (done.has(item.id)) {
      results.push({ id: item.id, ok: true });
      continue;
    }
    const result = await attempt(item.id, locale, () => deleteBackup(cloud, item.id));
    if (result.ok) done.add(item.id);
    results.push(result);
  }
  return results;
}

// One after another: both clouds queue deletes beyond five per project, and order keeps answers
// readable. A backup (or CSBS checkpoint) asked for twice is deleted once.
export const POST = withRoute(
  { body: deleteBackupsBodySchema },
  async ({ cloud, body, locale }) => ({
    results:
      body.service === "cbr"
        ? await deleteCbr(cloud, body, locale)
        : await deleteCsbs(cloud, body, locale),
  }),
);

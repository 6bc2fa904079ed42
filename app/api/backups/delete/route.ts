// POST /api/backups/delete: delete CSBS backups, one item each or every item of their checkpoints.
// One request per confirmation; each backup is one cloud call, and each gets its own answer.
import { z } from "zod";
import { deleteCheckpoint } from "@/lib/cloud/csbs";
import { CloudError } from "@/lib/cloud/errors";
import { mapCloudError, withRoute } from "@/lib/server/with-route";

const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, "Must be an id.");
const bodySchema = z.object({
  service: z.literal("csbs"),
  /** "item": just this backup; "checkpoint": every backup of its checkpoint (the whole record). */
  scope: z.enum(["item", "checkpoint"]),
  items: z
    .array(z.object({ id, checkpointId: id }))
    .min(1)
    .max(100),
});

export type DeleteResult = {
  id: string;
  ok: boolean;
  error?: { code: string; message: string };
};

export const POST = withRoute({ body: bodySchema }, async ({ cloud, body, locale }) => {
  const results: DeleteResult[] = [];
  const doneCheckpoints = new Set<string>();
  // One after another: CSBS queues deletes beyond five per project, and order keeps answers readable.
  for (const item of body.items) {
    if (body.scope === "checkpoint" && doneCheckpoints.has(item.checkpointId)) {
      results.push({ id: item.id, ok: true });
      continue;
    }
    try {
      await deleteCheckpoint(cloud, item.checkpointId, body.scope === "item" ? item.id : undefined);
      doneCheckpoints.add(item.checkpointId);
      results.push({ id: item.id, ok: true });
    } catch (error) {
      if (!(error instanceof CloudError) || error.status === 401) throw error;
      const mapped = mapCloudError(error, locale);
      results.push({
        id: item.id,
        ok: false,
        error: { code: mapped.code, message: mapped.message },
      });
    }
  }
  return { results };
});

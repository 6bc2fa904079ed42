import { Hono } from "hono";
import { z } from "zod";
import type { SimContext, SimEnv } from "../context";
import { failure, isFailure, respond } from "./errors";
import { restoreJson } from "./format";
import { liveItems } from "./items";
import { checkProvider, projectOf, readBody, unknownProject } from "./request";
import { checkRestorable } from "./restorable";
import type { CsbsRestore } from "./types";

const restoreSchema = z.object({
  restore: z.object({
    provider_id: z.string(),
    checkpoint_id: z.string(),
    restore_target: z.string().nullable().optional(),
    parameters: z.object({
      checkpoint_item_id: z.string(),
      power_on: z.boolean(),
      targets: z.object({
        server_id: z.string(),
        volumes: z.array(z.object({ backup_id: z.string(), volume_id: z.string() })),
      }),
    }),
  }),
});

export function restoreRoutes(ctx: SimContext): Hono<SimEnv> {
  const app = new Hono<SimEnv>();

  app.post("/restores", async (c) => {
    const project = projectOf(ctx, c);
    if (!project) return unknownProject(c);
    const read = await readBody(c, restoreSchema);
    if (!read.ok) return read.response;
    const r = read.body.restore;
    const provider = checkProvider(r.provider_id);
    if (provider) return respond(c, provider);
    const { checkpoint_item_id, power_on, targets } = r.parameters;
    const owned = project.csbs.items.find((i) => i.id === checkpoint_item_id);
    if (owned && owned.checkpointId !== r.checkpoint_id) {
      return respond(c, failure("CSBS.3001", checkpoint_item_id));
    }
    const verdict = checkRestorable(project, {
      checkpointItemId: checkpoint_item_id,
      serverId: targets.server_id,
      volumes: targets.volumes,
    });
    if (isFailure(verdict)) return respond(c, verdict);

    const now = ctx.now().toISOString();
    const restore: CsbsRestore = {
      id: ctx.newId(),
      checkpointId: r.checkpoint_id,
      checkpointItemId: checkpoint_item_id,
      serverId: targets.server_id,
      powerOn: power_on,
      volumes: targets.volumes.map((v) => ({ backup_id: v.backup_id, volume_id: v.volume_id })),
      status: "in_progress",
      createdAt: now,
    };
    const item = verdict.item;
    item.status = "restoring";
    item.updatedAt = now;
    item.task = { kind: "restore", startedAt: now, requestedAt: now, restoreId: restore.id };
    project.csbs.restores.push(restore);
    // CSBS stops the target server while it writes its disks (power_on decides what follows).
    if (verdict.server.status === "ACTIVE") {
      verdict.server.status = "SHUTOFF";
      verdict.server.updatedAt = now;
    }
    // Keep the restore history bounded; only recent ones matter to anyone.
    if (project.csbs.restores.length > 200) project.csbs.restores.splice(0, 100);
    ctx.markDirty();
    return c.json(restoreJson(restore, project.id));
  });

  app.get("/quotas", (c) => {
    const project = projectOf(ctx, c);
    if (!project) return unknownProject(c);
    const live = liveItems(project.csbs);
    const usedMb = live.reduce((sum, i) => sum + i.sizeMb, 0);
    return c.json({
      quotas: {
        resources: [
          {
            type: "backup_capacity",
            unit: "GB",
            quota: project.csbs.quotas.backupCapacityGb,
            used: Math.ceil(usedMb / 1024),
          },
          { type: "backups", unit: "", quota: project.csbs.quotas.backups, used: live.length },
        ],
      },
    });
  });

  return app;
}

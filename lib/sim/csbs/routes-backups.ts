import { Hono } from "hono";
import { z } from "zod";
import type { SimContext, SimEnv } from "../context";
import { clientUrl } from "../endpoints";
import { failure, isFailure, respond } from "./errors";
import { checkpointJson, itemJson } from "./format";
import {
  BUSY,
  checkExcludedVolumes,
  checkQuota,
  insertItem,
  isIncremental,
  nameSuffix,
  newItem,
  requestDelete,
} from "./items";
import { startQueuedDeletes } from "./lifecycle";
import { checkProtectable, type ProtectableServer } from "./protectable";
import { ITEM_SORT_KEYS, pageItems, parseItemFilter, parsePage, parseSort } from "./query";
import { checkProvider, projectOf, readBody, unknownProject } from "./request";
import type { CsbsItem } from "./types";

const executeSchema = z.object({
  checkpoint: z.object({
    plan_id: z.string(),
    parameters: z.object({
      auto_trigger: z.boolean().optional(),
      resources: z.array(z.string()).optional(),
    }),
  }),
});

export function backupRoutes(ctx: SimContext): Hono<SimEnv> {
  const app = new Hono<SimEnv>();

  // Execute a policy now (reference 5.3.1).
  app.post("/providers/:provider_id/checkpoints", async (c) => {
    const project = projectOf(ctx, c);
    if (!project) return unknownProject(c);
    const provider = checkProvider(c.req.param("provider_id"));
    if (provider) return respond(c, provider);
    const read = await readBody(c, executeSchema);
    if (!read.ok) return read.response;
    const { plan_id, parameters } = read.body.checkpoint;
    const csbs = project.csbs;
    const policy = csbs.policies.find((p) => p.id === plan_id);
    if (!policy) return respond(c, failure("CSBS.3000"));
    const running = csbs.items.filter(
      (i) =>
        i.policyId === policy.id && (i.status === "protecting" || i.status === "waiting_protect"),
    );
    if (running.length > 0) {
      return respond(c, failure(running.some((i) => i.autoTrigger) ? "CSBS.6030" : "CSBS.1001"));
    }
    const asked = parameters.resources;
    const members = policy.resources.filter((r) => asked === undefined || asked.includes(r.id));
    const targets: (ProtectableServer & { exclude: string[] })[] = [];
    for (const r of members) {
      const t = checkProtectable(project, r.id, r.type);
      if (isFailure(t)) continue;
      const exclude = checkExcludedVolumes(t, r.extra_info);
      targets.push({ ...t, exclude: isFailure(exclude) ? [] : exclude });
    }
    if (targets.length === 0) return respond(c, failure("CSBS.6032"));
    const quota = checkQuota(csbs, targets.length);
    if (quota) return respond(c, quota);

    const auto = parameters.auto_trigger === true;
    const now = ctx.now();
    const checkpointId = ctx.newId();
    const name = `${auto ? "autobk" : "manualbk"}_${nameSuffix(ctx.rng)}`;
    const items = targets.map((t) => {
      const item = newItem(project, t, {
        id: ctx.newId(),
        checkpointId,
        name,
        description: "",
        policyId: policy.id,
        autoTrigger: auto,
        incremental: isIncremental(csbs, t.server.id, undefined),
        tags: [],
        excludeVolumes: t.exclude,
        createdAt: now,
        newId: ctx.newId,
        rand: ctx.rng,
      });
      insertItem(csbs, item);
      return item;
    });
    ctx.markDirty();
    return c.json(
      checkpointJson({
        checkpointId,
        projectId: project.id,
        createdAt: now.toISOString(),
        status: "protecting",
        plan: { id: policy.id, name: policy.name },
        resources: items.map((i) => ({
          id: i.resourceId,
          name: i.resourceName,
          type: i.resourceType,
        })),
        extraInfo: JSON.stringify({ created_by: auto ? "auto" : "manual" }),
      }),
    );
  });

  // Delete a whole checkpoint, or some of its items (reference 5.3.5).
  app.delete("/providers/:provider_id/checkpoints/:checkpoint_id", (c) => {
    const project = projectOf(ctx, c);
    if (!project) return unknownProject(c);
    const provider = checkProvider(c.req.param("provider_id"));
    if (provider) return respond(c, provider);
    const checkpointId = c.req.param("checkpoint_id");
    const csbs = project.csbs;
    const inCheckpoint = csbs.items.filter(
      (i) => i.checkpointId === checkpointId && i.status !== "deleted",
    );
    if (inCheckpoint.length === 0) return respond(c, failure("CSBS.3001", checkpointId));
    const asked = (c.req.queries("checkpoint_items") ?? [])
      .flatMap((v) => v.split(","))
      .map((v) => v.trim())
      .filter(Boolean);
    let targets: CsbsItem[] = inCheckpoint;
    if (asked.length > 0) {
      targets = [];
      for (const id of asked) {
        const item = inCheckpoint.find((i) => i.id === id);
        if (!item) return respond(c, failure("CSBS.3001", id));
        if (!targets.includes(item)) targets.push(item);
      }
    }
    if (targets.some((i) => BUSY.has(i.status))) return respond(c, failure("CSBS.2003"));
    const now = ctx.now();
    for (const item of targets) requestDelete(item, now);
    startQueuedDeletes(csbs, now);
    ctx.markDirty();
    return c.json({});
  });

  app.get("/checkpoint_items/count", (c) => {
    const project = projectOf(ctx, c);
    if (!project) return unknownProject(c);
    const filter = parseItemFilter(c.req.query());
    if (isFailure(filter)) return respond(c, filter);
    let count = 0;
    for (const item of project.csbs.items) if (filter(item)) count++;
    return c.json({ count });
  });

  app.get("/checkpoint_items", (c) => {
    const project = projectOf(ctx, c);
    if (!project) return unknownProject(c);
    const q = c.req.query();
    const filter = parseItemFilter(q);
    if (isFailure(filter)) return respond(c, filter);
    const page = parsePage(q);
    if (isFailure(page)) return respond(c, page);
    const sort = parseSort(q.sort, ITEM_SORT_KEYS);
    if (isFailure(sort)) return respond(c, sort);
    const result = pageItems(project.csbs.items, filter, sort, page);
    if (isFailure(result)) return respond(c, result);
    const body: Record<string, unknown> = { checkpoint_items: result.items.map(itemJson) };
    const last = result.items.at(-1);
    if (result.more && last) {
      const next = clientUrl(c);
      next.searchParams.delete("offset");
      next.searchParams.set("marker", last.id);
      body.checkpoint_items_links = [{ href: next.toString(), rel: "next" }];
    }
    return c.json(body);
  });

  app.get("/checkpoint_items/:checkpoint_item_id", (c) => {
    const project = projectOf(ctx, c);
    if (!project) return unknownProject(c);
    const id = c.req.param("checkpoint_item_id");
    const item = project.csbs.items.find((i) => i.id === id && i.status !== "deleted");
    if (!item) return respond(c, failure("CSBS.3001", id));
    return c.json({ checkpoint_item: itemJson(item) });
  });

  return app;
}

import { Hono } from "hono";
import { z } from "zod";
import type { SimContext, SimEnv } from "../context";
import type { ProjectState } from "../state";
import { type CsbsFailure, isFailure, respond } from "./errors";
import { checkpointJson } from "./format";
import {
  checkExcludedVolumes,
  checkQuota,
  insertItem,
  isIncremental,
  nameSuffix,
  newItem,
} from "./items";
import { checkPolicyMember, checkProtectable, typeOf } from "./protectable";
import { checkProvider, projectOf, readBody, unknownProject } from "./request";
import { checkRestorable } from "./restorable";
import type { Tag } from "./types";
import { checkDescription, checkName, checkTags } from "./validation";

const protectSchema = z.object({
  protect: z.object({
    backup_name: z.string().optional(),
    description: z.string().optional(),
    incremental: z.boolean().optional(),
    resource_type: z.string().optional(),
    extra_info: z.record(z.string(), z.unknown()).nullable().optional(),
    tags: z.array(z.unknown()).optional(),
  }),
});

const mappingSchema = z.object({ backup_id: z.string(), volume_id: z.string() });

const restorableTarget = z.object({
  resource_id: z.string(),
  resource_type: z.string(),
  volumes: z.array(mappingSchema),
});

const actionSchema = z.union([
  z.object({
    check_protectable: z.array(z.object({ resource_id: z.string(), resource_type: z.string() })),
  }),
  z.object({
    check_restorable: z.array(
      z.object({
        checkpoint_item_id: z.string(),
        // The reference's sample sends a one-element list where its table says an object.
        target: z.union([restorableTarget, z.array(restorableTarget).length(1)]),
      }),
    ),
  }),
]);

/** `check_protectable` for one resource: the protect rules, plus policy membership and quota. */
export function protectableVerdict(project: ProjectState, resourceId: string, type: string) {
  const server = project.servers.find((s) => s.id === resourceId);
  const resourceType = server ? typeOf(server) : type;
  const problem: CsbsFailure | null = (() => {
    const target = checkProtectable(project, resourceId, type);
    if (isFailure(target)) return target;
    return checkPolicyMember(project.csbs, resourceId) ?? checkQuota(project.csbs, 1);
  })();
  return problem
    ? {
        resource_id: resourceId,
        resource_type: resourceType,
        result: false,
        error_code: problem.code,
        error_msg: problem.message,
      }
    : { resource_id: resourceId, resource_type: resourceType, result: true };
}

export function resourceRoutes(ctx: SimContext): Hono<SimEnv> {
  const app = new Hono<SimEnv>();

  app.post("/providers/:provider_id/resources/action", async (c) => {
    const project = projectOf(ctx, c);
    if (!project) return unknownProject(c);
    const provider = checkProvider(c.req.param("provider_id"));
    if (provider) return respond(c, provider);
    const read = await readBody(c, actionSchema);
    if (!read.ok) return read.response;
    const body = read.body;
    if ("check_protectable" in body) {
      return c.json({
        protectable: body.check_protectable.map((r) =>
          protectableVerdict(project, r.resource_id, r.resource_type),
        ),
      });
    }
    return c.json({
      restorable: body.check_restorable.map((r) => {
        const target = (Array.isArray(r.target) ? r.target[0] : r.target) as z.infer<
          typeof restorableTarget
        >;
        const verdict = checkRestorable(project, {
          checkpointItemId: r.checkpoint_item_id,
          serverId: target.resource_id,
          resourceType: target.resource_type,
          volumes: target.volumes,
        });
        const problem = isFailure(verdict) ? verdict : null;
        return {
          resource_id: target.resource_id,
          resource_type: target.resource_type,
          result: problem === null,
          error_code: problem?.code ?? "",
          error_msg: problem?.message ?? "",
        };
      }),
    });
  });

  app.post("/providers/:provider_id/resources/:resource_id/action", async (c) => {
    const project = projectOf(ctx, c);
    if (!project) return unknownProject(c);
    const provider = checkProvider(c.req.param("provider_id"));
    if (provider) return respond(c, provider);
    const read = await readBody(c, protectSchema);
    if (!read.ok) return read.response;
    const p = read.body.protect;
    let tags: Tag[] = [];
    if (p.tags !== undefined) {
      const checked = checkTags("protect.tags", p.tags);
      if (isFailure(checked)) return respond(c, checked);
      tags = checked;
    }
    const problem =
      (p.backup_name !== undefined ? checkName("protect.backup_name", p.backup_name) : null) ??
      (p.description !== undefined ? checkDescription("protect.description", p.description) : null);
    if (problem) return respond(c, problem);
    const resourceId = c.req.param("resource_id");
    const target = checkProtectable(project, resourceId, p.resource_type);
    if (isFailure(target)) return respond(c, target);
    const excluded = checkExcludedVolumes(target, p.extra_info);
    if (isFailure(excluded)) return respond(c, excluded);
    const quota = checkQuota(project.csbs, 1);
    if (quota) return respond(c, quota);

    const now = ctx.now();
    const checkpointId = ctx.newId();
    const item = newItem(project, target, {
      id: ctx.newId(),
      checkpointId,
      name: p.backup_name ?? `manualbk_${nameSuffix(ctx.rng)}`,
      description: p.description ?? "",
      policyId: null,
      autoTrigger: false,
      incremental: isIncremental(project.csbs, resourceId, p.incremental),
      tags,
      excludeVolumes: excluded,
      createdAt: now,
      newId: ctx.newId,
      rand: ctx.rng,
    });
    insertItem(project.csbs, item);
    ctx.markDirty();
    return c.json(
      checkpointJson({
        checkpointId,
        projectId: project.id,
        createdAt: item.createdAt,
        status: item.status,
        plan: {
          id: `fake_${ctx.newId()}`,
          name: `server protect plan for ${resourceId}`,
        },
        resources: [
          {
            id: resourceId,
            type: item.resourceType,
            name: `resource_${resourceId}`,
            extra_info: excluded.length > 0 ? { exclude_volumes: excluded } : {},
          },
        ],
        extraInfo: null,
      }),
    );
  });

  return app;
}

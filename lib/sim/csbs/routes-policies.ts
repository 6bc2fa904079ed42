import { Hono } from "hono";
import { z } from "zod";
import type { SimContext, SimEnv } from "../context";
import { clientUrl } from "../endpoints";
import type { ProjectState } from "../state";
import { type CsbsFailure, failure, isFailure, respond } from "./errors";
import { policyJson } from "./format";
import { checkExcludedVolumes } from "./items";
import { checkPolicyMember, checkProtectable } from "./protectable";
import { parsePage, parseSort } from "./query";
import { checkProvider, projectOf, readBody, unknownProject } from "./request";
import type { CsbsPolicy, CsbsScheduledOperation, PolicyResource, Tag } from "./types";
import { checkDescription, checkName, checkPattern, checkRetention, checkTags } from "./validation";

const resourceSchema = z.object({
  id: z.string().min(1),
  type: z.string(),
  name: z.string(),
  extra_info: z.record(z.string(), z.unknown()).optional(),
});

const definitionSchema = z.object({
  max_backups: z.number().optional(),
  retention_duration_days: z.number().optional(),
  permanent: z.boolean().optional(),
  plan_id: z.string().optional(),
  provider_id: z.string().optional(),
});

const triggerSchema = z.object({ properties: z.object({ pattern: z.string() }) });

const createSchema = z.object({
  policy: z.object({
    name: z.string(),
    description: z.string().optional(),
    provider_id: z.string(),
    parameters: z.record(z.string(), z.unknown()),
    resources: z.array(resourceSchema),
    scheduled_operations: z
      .array(
        z.object({
          name: z.string().optional(),
          description: z.string().optional(),
          enabled: z.boolean(),
          operation_type: z.literal("backup"),
          operation_definition: definitionSchema,
          trigger: triggerSchema,
        }),
      )
      .length(1, "a policy has exactly one scheduled operation"),
    tags: z.array(z.unknown()).optional(),
  }),
});

const updateSchema = z.object({
  policy: z.object({
    name: z.string().optional(),
    description: z.string().optional(),
    parameters: z.record(z.string(), z.unknown()).optional(),
    resources: z.array(resourceSchema).optional(),
    scheduled_operations: z
      .array(
        z.object({
          id: z.string(),
          name: z.string().optional(),
          description: z.string().optional(),
          enabled: z.boolean().optional(),
          operation_definition: definitionSchema.optional(),
          trigger: triggerSchema.optional(),
        }),
      )
      .max(1, "a policy has exactly one scheduled operation")
      .optional(),
    // The reference's update sample puts the trigger beside scheduled_operations; accept it there.
    trigger: triggerSchema.optional(),
  }),
});

type Definition = z.infer<typeof definitionSchema>;

function checkDefinition(d: Definition): CsbsFailure | null {
  if (d.max_backups !== undefined) {
    const f = checkRetention("operation_definition.max_backups", d.max_backups);
    if (f) return f;
  }
  if (d.retention_duration_days !== undefined) {
    const f = checkRetention(
      "operation_definition.retention_duration_days",
      d.retention_duration_days,
    );
    if (f) return f;
  }
  if (d.provider_id !== undefined) return checkProvider(d.provider_id);
  return null;
}

/** Members: servers that can be backed up, in no other policy, each once. */
function checkResources(
  project: ProjectState,
  resources: z.infer<typeof resourceSchema>[],
  policyId?: string,
): CsbsFailure | PolicyResource[] {
  const seen = new Set<string>();
  for (const r of resources) {
    const protectable = checkProtectable(project, r.id, r.type);
    if (isFailure(protectable)) return protectable;
    const excluded = checkExcludedVolumes(protectable, r.extra_info);
    if (isFailure(excluded)) return excluded;
    if (seen.has(r.id)) return failure("CSBS.6004", r.id);
    seen.add(r.id);
    const member = checkPolicyMember(project.csbs, r.id, policyId);
    if (member) return member;
  }
  return resources.map((r) => ({
    id: r.id,
    type: r.type,
    name: r.name,
    extra_info: r.extra_info ?? {},
  }));
}

function checkUniqueName(project: ProjectState, name: string, policyId?: string) {
  return project.csbs.policies.some((p) => p.name === name && p.id !== policyId)
    ? failure("CSBS.9007")
    : null;
}

export function policyRoutes(ctx: SimContext): Hono<SimEnv> {
  const app = new Hono<SimEnv>();

  app.post("/policies", async (c) => {
    const project = projectOf(ctx, c);
    if (!project) return unknownProject(c);
    const read = await readBody(c, createSchema);
    if (!read.ok) return read.response;
    const p = read.body.policy;
    const op = p.scheduled_operations[0];
    if (!op) return respond(c, failure("CSBS.9001", "scheduled_operations is required."));
    let tags: Tag[] = [];
    if (p.tags !== undefined) {
      const checked = checkTags("policy.tags", p.tags);
      if (isFailure(checked)) return respond(c, checked);
      tags = checked;
    }
    const problem =
      checkName("policy.name", p.name) ??
      (p.description !== undefined
        ? checkDescription("policy.description", p.description)
        : null) ??
      checkProvider(p.provider_id) ??
      (op.name !== undefined ? checkName("scheduled_operations.name", op.name) : null) ??
      (op.description !== undefined
        ? checkDescription("scheduled_operations.description", op.description)
        : null) ??
      checkDefinition(op.operation_definition) ??
      checkPattern("trigger.properties.pattern", op.trigger.properties.pattern) ??
      checkUniqueName(project, p.name) ??
      (project.csbs.policies.length >= project.csbs.quotas.policies ? failure("CSBS.0001") : null);
    if (problem) return respond(c, problem);
    const resources = checkResources(project, p.resources);
    if (isFailure(resources)) return respond(c, resources);

    const now = ctx.now().toISOString();
    const id = ctx.newId();
    const triggerId = ctx.newId();
    const def = op.operation_definition;
    const operation: CsbsScheduledOperation = {
      id: ctx.newId(),
      name: op.name ?? "",
      description: op.description ?? "",
      enabled: op.enabled,
      maxBackups: def.max_backups ?? null,
      retentionDurationDays: def.retention_duration_days ?? null,
      permanent: def.permanent ?? null,
      triggerId,
      triggerName: "default",
      pattern: op.trigger.properties.pattern,
      triggerStartAt: now,
    };
    const policy: CsbsPolicy = {
      id,
      name: p.name,
      description: p.description ?? "",
      createdAt: now,
      parameters: p.parameters,
      resources,
      tags,
      operation,
    };
    project.csbs.policies.push(policy);
    ctx.markDirty();
    return c.json({ policy: policyJson(policy, project.id) });
  });

  app.get("/policies", (c) => {
    const project = projectOf(ctx, c);
    if (!project) return unknownProject(c);
    const q = c.req.query();
    const page = parsePage(q);
    if (isFailure(page)) return respond(c, page);
    const sort = parseSort(q.sort, ["created_at", "name", "id", "status"]);
    if (isFailure(sort)) return respond(c, sort);
    const field = (p: CsbsPolicy, key: string) =>
      key === "name"
        ? p.name
        : key === "id"
          ? p.id
          : key === "status"
            ? String(p.operation.enabled)
            : p.createdAt;
    const compare = (a: CsbsPolicy, b: CsbsPolicy) => {
      for (const { key, desc } of sort) {
        const x = field(a, key);
        const y = field(b, key);
        if (x !== y) return (x < y ? -1 : 1) * (desc ? -1 : 1);
      }
      return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
    };
    let list = project.csbs.policies.filter((p) => q.name === undefined || p.name === q.name);
    list.sort(compare);
    if (page.marker !== undefined) {
      const marker = project.csbs.policies.find((p) => p.id === page.marker);
      if (!marker) return respond(c, failure("CSBS.9001", `marker (${page.marker}) is not found.`));
      list = list.filter((p) => compare(p, marker) > 0);
    }
    const more = list.length > page.offset + page.limit;
    list = list.slice(page.offset, page.offset + page.limit);
    const body: Record<string, unknown> = { policies: list.map((p) => policyJson(p, project.id)) };
    const last = list.at(-1);
    if (more && last) {
      // Karbor's style of "next" link, as for checkpoint items.
      const next = clientUrl(c);
      next.searchParams.delete("offset");
      next.searchParams.set("marker", last.id);
      body.policies_links = [{ href: next.toString(), rel: "next" }];
    }
    return c.json(body);
  });

  app.get("/policies/:policy_id", (c) => {
    const project = projectOf(ctx, c);
    if (!project) return unknownProject(c);
    const policy = project.csbs.policies.find((p) => p.id === c.req.param("policy_id"));
    if (!policy) return respond(c, failure("CSBS.3000"));
    return c.json({ policy: policyJson(policy, project.id) });
  });

  app.put("/policies/:policy_id", async (c) => {
    const project = projectOf(ctx, c);
    if (!project) return unknownProject(c);
    const policy = project.csbs.policies.find((p) => p.id === c.req.param("policy_id"));
    if (!policy) return respond(c, failure("CSBS.3000"));
    const read = await readBody(c, updateSchema);
    if (!read.ok) return read.response;
    const p = read.body.policy;
    const op = p.scheduled_operations?.[0];
    if (op && op.id !== policy.operation.id) {
      return respond(c, failure("CSBS.9001", `scheduled operation (${op.id}) is not found.`));
    }
    const pattern = op?.trigger?.properties.pattern ?? p.trigger?.properties.pattern;
    const problem =
      (p.name !== undefined ? checkName("policy.name", p.name) : null) ??
      (p.description !== undefined
        ? checkDescription("policy.description", p.description)
        : null) ??
      (op?.name !== undefined ? checkName("scheduled_operations.name", op.name) : null) ??
      (op?.description !== undefined
        ? checkDescription("scheduled_operations.description", op.description)
        : null) ??
      (op?.operation_definition ? checkDefinition(op.operation_definition) : null) ??
      (pattern !== undefined ? checkPattern("trigger.properties.pattern", pattern) : null) ??
      (p.name !== undefined ? checkUniqueName(project, p.name, policy.id) : null);
    if (problem) return respond(c, problem);
    let resources: PolicyResource[] | undefined;
    if (p.resources) {
      const checked = checkResources(project, p.resources, policy.id);
      if (isFailure(checked)) return respond(c, checked);
      resources = checked;
    }

    if (p.name !== undefined) policy.name = p.name;
    if (p.description !== undefined) policy.description = p.description;
    if (p.parameters !== undefined) policy.parameters = p.parameters;
    if (resources) policy.resources = resources;
    const o = policy.operation;
    if (op?.name !== undefined) o.name = op.name;
    if (op?.description !== undefined) o.description = op.description;
    if (op?.enabled !== undefined) o.enabled = op.enabled;
    const def = op?.operation_definition;
    if (def?.max_backups !== undefined) o.maxBackups = def.max_backups;
    if (def?.retention_duration_days !== undefined) {
      o.retentionDurationDays = def.retention_duration_days;
    }
    if (def?.permanent !== undefined) o.permanent = def.permanent;
    if (pattern !== undefined && pattern !== o.pattern) {
      o.pattern = pattern;
      o.triggerStartAt = ctx.now().toISOString();
    }
    ctx.markDirty();
    return c.json({ policy: policyJson(policy, project.id) });
  });

  app.delete("/policies/:policy_id", (c) => {
    const project = projectOf(ctx, c);
    if (!project) return unknownProject(c);
    const index = project.csbs.policies.findIndex((p) => p.id === c.req.param("policy_id"));
    if (index < 0) return respond(c, failure("CSBS.3000"));
    project.csbs.policies.splice(index, 1);
    ctx.markDirty();
    // The reference documents no response body.
    return c.body(null, 200);
  });

  return app;
}

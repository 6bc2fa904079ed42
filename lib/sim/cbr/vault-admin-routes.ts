// The vault management API of the simulated CBR, registered on the CBR app by routes.ts: vault
// create, update, delete, summary; add, remove and migrate resources; protectables; storage usage;
// vault tags. Thin handlers over vault-admin.ts, protectables.ts and vault-tags.ts.
import type { Context, Hono } from "hono";
import type { SimContext, SimEnv } from "../context";
import { uuidPattern } from "./constants";
import { invalid } from "./errors";
import {
  listProtectables,
  PROTECTABLE_TYPES,
  type ProtectableType,
  storageUsage,
  vaultSummary,
} from "./protectables";
import type { CbrProject } from "./types";
import {
  addResources,
  advanceVaultAdmin,
  createVault,
  deleteVault,
  findVault,
  migrateResources,
  removeResources,
  updateVault,
} from "./vault-admin";
import { vaultFail } from "./vault-admin-errors";
import {
  parseAddResources,
  parseCreateVault,
  parseMigrateResources,
  parseOneTag,
  parseRemoveResources,
  parseResourceInstances,
  parseTagAction,
  parseUpdateVault,
} from "./vault-admin-requests";
import {
  addVaultTags,
  deleteVaultTag,
  deleteVaultTags,
  projectTags,
  vaultsByTags,
} from "./vault-tags";
import { vaultJson } from "./views";

type Handler = (c: Context<SimEnv>, project: CbrProject) => Response | Promise<Response>;
type Handle = (handler: Handler) => (c: Context<SimEnv>) => Promise<Response>;
type Body = (c: Context<SimEnv>) => Promise<unknown>;

function pathId(c: Context<SimEnv>, name: string): string {
  const value = c.req.param(name) ?? "";
  if (!uuidPattern.test(value)) invalid(`Invalid ${name} provided.`);
  return value;
}

function pageQuery(c: Context<SimEnv>, max: number): { limit: number; offset: number } {
  const limit = c.req.query("limit");
  const offset = c.req.query("offset");
  const l = limit === undefined ? max : Number(limit);
  const o = offset === undefined ? 0 : Number(offset);
  if (!Number.isInteger(l) || l < 1 || l > max) invalid("Invalid limit provided.");
  if (!Number.isInteger(o) || o < 0) invalid("Invalid offset provided.");
  return { limit: l, offset: o };
}

/** Registers the routes; must run before GET /vaults/:vault_id so that /vaults/summary is found. */
export function registerVaultAdminRoutes(
  app: Hono<SimEnv>,
  ctx: SimContext,
  handle: Handle,
  body: Body,
): void {
  const env = () => ({ now: ctx.now(), newId: ctx.newId });
  const changed = (project: CbrProject) => {
    advanceVaultAdmin(project, ctx.now());
    ctx.markDirty();
  };
  ctx.onTick("cbr-vault-admin", (now) => {
    let any = false;
    for (const project of Object.values(ctx.state.projects)) {
      if (project.cbr && advanceVaultAdmin(project, now)) any = true;
    }
    if (any) ctx.markDirty();
  });
  const json = (project: CbrProject, vault: Parameters<typeof vaultJson>[2]) =>
    vaultJson(project.cbr, project.id, vault);

  app.get(
    "/vaults/summary",
    handle((c, project) => c.json(vaultSummary(project))),
  );

  app.post(
    "/vaults",
    handle(async (c, project) => {
      const request = parseCreateVault(await body(c));
      const vault = createVault(project, request, env(), c.get("auth").userId);
      changed(project);
      return c.json({ vault: json(project, vault) });
    }),
  );

  app.put(
    "/vaults/:vault_id",
    handle(async (c, project) => {
      const vault = findVault(project, pathId(c, "vault_id"));
      const request = parseUpdateVault(await body(c));
      updateVault(project, vault, request);
      changed(project);
      return c.json({ vault: json(project, vault) });
    }),
  );

  // DeleteVault: 204; the vault shows `deleting` while its backups are deleted, then is gone.
  app.delete(
    "/vaults/:vault_id",
    handle((c, project) => {
      const vault = findVault(project, pathId(c, "vault_id"));
      deleteVault(project, vault, env());
      changed(project);
      return c.body(null, 204);
    }),
  );

  app.post(
    "/vaults/:vault_id/addresources",
    handle(async (c, project) => {
      const vault = findVault(project, pathId(c, "vault_id"));
      const ids = addResources(project, vault, parseAddResources(await body(c)));
      changed(project);
      return c.json({ add_resource_ids: ids });
    }),
  );

  app.post(
    "/vaults/:vault_id/removeresources",
    handle(async (c, project) => {
      const vault = findVault(project, pathId(c, "vault_id"));
      const ids = removeResources(project, vault, parseRemoveResources(await body(c)), env());
      changed(project);
      return c.json({ remove_resource_ids: ids });
    }),
  );

  app.post(
    "/vaults/:vault_id/migrateresources",
    handle(async (c, project) => {
      const vault = findVault(project, pathId(c, "vault_id"));
      const ids = migrateResources(project, vault, parseMigrateResources(await body(c)));
      changed(project);
      // The reference's sample lists the destination vault's id here; its table says "List of
      // migrated resources", which is what the simulator answers.
      return c.json({ migrated_resources: ids });
    }),
  );

  const protectableType = (c: Context<SimEnv>): ProtectableType => {
    const type = c.req.param("protectable_type") ?? "";
    if (!(PROTECTABLE_TYPES as readonly string[]).includes(type)) {
      invalid("Invalid protectable_type provided.");
    }
    return type as ProtectableType;
  };

  app.get(
    "/protectables/:protectable_type/instances",
    handle((c, project) => {
      const type = protectableType(c);
      // ListProtectable: at most 50 a page (HW-SDK ListProtectableRequest.limit).
      const page = pageQuery(c, 50);
      const marker = c.req.query("marker");
      let all = listProtectables(project, type, {
        ...(c.req.query("name") ? { name: c.req.query("name") as string } : {}),
        ...(c.req.query("id") ? { id: c.req.query("id") as string } : {}),
        ...(c.req.query("status") ? { status: c.req.query("status") as string } : {}),
        ...(c.req.query("server_id") ? { serverId: c.req.query("server_id") as string } : {}),
      });
      if (marker) {
        const at = all.findIndex((i) => i.id === marker);
        all = at < 0 ? [] : all.slice(at + 1);
      }
      return c.json({ instances: all.slice(page.offset, page.offset + page.limit) });
    }),
  );

  app.get(
    "/protectables/:protectable_type/instances/:instance_id",
    handle((c, project) => {
      const type = protectableType(c);
      const id = pathId(c, "instance_id");
      const [instance] = listProtectables(project, type, { id });
      if (!instance) vaultFail("resourceNotFound", `Resource (${id}) not found.`);
      return c.json({ instance });
    }),
  );

  app.get(
    "/storage_usage",
    handle((c, project) => {
      const page = pageQuery(c, 1000);
      const resourceId = c.req.query("resource_id");
      const resourceType = c.req.query("resource_type");
      const rows = storageUsage(project, {
        ...(resourceId ? { resourceId } : {}),
        ...(resourceType ? { resourceType } : {}),
      });
      return c.json({
        resource_count: rows.length,
        storage_usage: rows.slice(page.offset, page.offset + page.limit),
      });
    }),
  );

  app.get(
    "/vault/tags",
    handle((c, project) => c.json({ tags: projectTags(project) })),
  );

  app.post(
    "/vault/resource_instances/action",
    handle(async (c, project) => {
      const request = parseResourceInstances(await body(c));
      const found = vaultsByTags(project, request);
      return c.json(
        request.action === "count"
          ? { total_count: found.total }
          : { resources: found.resources, total_count: found.total },
      );
    }),
  );

  app.get(
    "/vault/:vault_id/tags",
    handle((c, project) => {
      const vault = findVault(project, pathId(c, "vault_id"));
      return c.json({ tags: vault.tags.map((t) => ({ key: t.key, value: t.value })) });
    }),
  );

  app.post(
    "/vault/:vault_id/tags",
    handle(async (c, project) => {
      const vault = findVault(project, pathId(c, "vault_id"));
      const tag = parseOneTag(await body(c));
      addVaultTags(vault, [tag], "tag");
      changed(project);
      return c.body(null, 204);
    }),
  );

  app.post(
    "/vault/:vault_id/tags/action",
    handle(async (c, project) => {
      const vault = findVault(project, pathId(c, "vault_id"));
      const request = parseTagAction(await body(c));
      if (request.action === "create") addVaultTags(vault, request.tags, "tags");
      else deleteVaultTags(vault, request.tags);
      changed(project);
      return c.body(null, 204);
    }),
  );

  app.delete(
    "/vault/:vault_id/tags/:key",
    handle((c, project) => {
      const vault = findVault(project, pathId(c, "vault_id"));
      deleteVaultTag(vault, decodeURIComponent(c.req.param("key") ?? ""));
      changed(project);
      return c.body(null, 204);
    }),
  );
}

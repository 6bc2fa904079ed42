import type { Context } from "hono";
import { Hono } from "hono";
import type { SimContext, SimEnv } from "../context";
import { volumeBrief, volumeDetail } from "../ecs/format";
import { markerPage, nextLinks } from "../ecs/paging";
import { serviceRoot } from "../endpoints";
import { openstackError } from "../http";
import type { ProjectState, Volume } from "../state";

function project(ctx: SimContext, c: Context<SimEnv>): ProjectState | undefined {
  return ctx.state.projects[c.req.param("project_id") ?? ""];
}

/** Cinder's default order: newest first. */
function sorted(volumes: Volume[]): Volume[] {
  return [...volumes].sort((a, b) =>
    a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1,
  );
}

/** Cinder filters by exact `name`, `status`, `availability_zone` and `bootable`. */
function filtered(c: Context<SimEnv>, volumes: Volume[]): Volume[] {
  const q = (k: string) => c.req.query(k);
  const name = q("name");
  const status = q("status");
  const az = q("availability_zone");
  const bootable = q("bootable");
  return volumes.filter(
    (v) =>
      (name === undefined || v.name === name) &&
      (status === undefined || v.status === status) &&
      (az === undefined || v.availabilityZone === az) &&
      (bootable === undefined || String(v.bootable) === bootable.toLowerCase()),
  );
}

/**
 * EVS at /evs/v2/{project_id} and /evs/v3/{project_id}: Cinder volumes, enough to map disk backups
 * onto volumes (and for `openstack volume list`); the two versions answer the same volumes.
 */
export function evsRoutes(ctx: SimContext, version: "v2" | "v3"): Hono<SimEnv> {
  const app = new Hono<SimEnv>();
  const origin = (c: Context) => serviceRoot(c, "/evs");

  const list = (detail: boolean) => (c: Context<SimEnv>) => {
    const p = project(ctx, c);
    if (!p) return openstackError(c, 404, "Project not found.");
    const page = markerPage(c, filtered(c, sorted(p.volumes)));
    if (!page.ok) return page.response;
    const userId = c.get("auth").userId;
    return c.json({
      volumes: page.items.map((v) =>
        detail
          ? volumeDetail(v, origin(c), p.id, userId, version)
          : volumeBrief(v, origin(c), p.id, version),
      ),
      ...(page.nextHref ? { volumes_links: nextLinks(page.nextHref) } : {}),
    });
  };
  app.get("/volumes", list(false));
  app.get("/volumes/detail", list(true));

  app.get("/volumes/:volume_id", (c) => {
    const p = project(ctx, c);
    const volume = p?.volumes.find((v) => v.id === c.req.param("volume_id"));
    if (!p || !volume)
      return openstackError(c, 404, `Volume ${c.req.param("volume_id")} could not be found.`);
    return c.json({ volume: volumeDetail(volume, origin(c), p.id, c.get("auth").userId, version) });
  });

  return app;
}

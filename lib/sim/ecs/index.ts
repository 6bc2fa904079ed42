import type { Context } from "hono";
import { Hono } from "hono";
import type { SimContext, SimEnv } from "../context";
import { serviceRoot } from "../endpoints";
import { openstackError } from "../http";
import type { ProjectState, Server } from "../state";
import {
  flavorBrief,
  flavorDetail,
  serverBrief,
  serverDetail,
  volumeAttachmentsOf,
} from "./format";
import { markerPage, nextLinks } from "./paging";

function project(ctx: SimContext, c: Context<SimEnv>): ProjectState | undefined {
  return ctx.state.projects[c.req.param("project_id") ?? ""];
}

/** Nova's default order: newest first (created_at desc, then id). */
function sorted(servers: Server[]): Server[] {
  return [...servers].sort((a, b) =>
    a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1,
  );
}

/** Nova filters: `name` is a regular expression, `status` and `availability_zone` exact. */
function filtered(c: Context<SimEnv>, servers: Server[]): Server[] | Response {
  const name = c.req.query("name");
  const status = c.req.query("status");
  const az = c.req.query("availability_zone");
  let nameRe: RegExp | null = null;
  if (name !== undefined) {
    try {
      nameRe = new RegExp(name);
    } catch {
      return openstackError(c, 400, `Invalid regular expression in name filter: ${name}.`);
    }
  }
  return servers.filter(
    (s) =>
      (!nameRe || nameRe.test(s.name)) &&
      (status === undefined || s.status === status.toUpperCase()) &&
      (az === undefined || s.availabilityZone === az),
  );
}

/** ECS at /ecs/v2.1/{project_id}: the Nova 2.1 server listing the console chooses servers from. */
export function ecsRoutes(ctx: SimContext): Hono<SimEnv> {
  const app = new Hono<SimEnv>();
  const origin = (c: Context) => serviceRoot(c, "/ecs");

  const list = (detail: boolean) => (c: Context<SimEnv>) => {
    const p = project(ctx, c);
    if (!p) return openstackError(c, 404, "Project not found.");
    const servers = filtered(c, sorted(p.servers));
    if (servers instanceof Response) return servers;
    const page = markerPage(c, servers);
    if (!page.ok) return page.response;
    const userId = c.get("auth").userId;
    return c.json({
      servers: page.items.map((s) =>
        detail ? serverDetail(s, origin(c), p.id, userId) : serverBrief(s, origin(c), p.id),
      ),
      ...(page.nextHref ? { servers_links: nextLinks(page.nextHref) } : {}),
    });
  };
  app.get("/servers", list(false));
  app.get("/servers/detail", list(true));

  const findServer = (c: Context<SimEnv>) => {
    const p = project(ctx, c);
    const id = c.req.param("server_id");
    const server = p?.servers.find((s) => s.id === id);
    return p && server ? { p, server } : null;
  };

  app.get("/servers/:server_id", (c) => {
    const found = findServer(c);
    if (!found)
      return openstackError(c, 404, `Instance ${c.req.param("server_id")} could not be found.`);
    return c.json({
      server: serverDetail(found.server, origin(c), found.p.id, c.get("auth").userId),
    });
  });

  // The flavours the servers use: `openstack server list` names a server's flavour from this list.
  const flavors = (detail: boolean) => (c: Context<SimEnv>) => {
    const p = project(ctx, c);
    if (!p) return openstackError(c, 404, "Project not found.");
    const unique = new Map(p.servers.map((s) => [s.flavor.id, s.flavor]));
    const list = [...unique.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
    return c.json({
      flavors: list.map((f) =>
        detail ? flavorDetail(f, origin(c), p.id) : flavorBrief(f, origin(c), p.id),
      ),
    });
  };
  app.get("/flavors", flavors(false));
  app.get("/flavors/detail", flavors(true));

  app.get("/servers/:server_id/os-volume_attachments", (c) => {
    const found = findServer(c);
    if (!found)
      return openstackError(c, 404, `Instance ${c.req.param("server_id")} could not be found.`);
    return c.json({ volumeAttachments: volumeAttachmentsOf(found.server, found.p.volumes) });
  });

  app.get("/servers/:server_id/os-volume_attachments/:volume_id", (c) => {
    const found = findServer(c);
    if (!found)
      return openstackError(c, 404, `Instance ${c.req.param("server_id")} could not be found.`);
    const attachment = volumeAttachmentsOf(found.server, found.p.volumes).find(
      (a) => a.volumeId === c.req.param("volume_id"),
    );
    if (!attachment) {
      return openstackError(
        c,
        404,
        `volume_id ${c.req.param("volume_id")} is not attached to the server.`,
      );
    }
    return c.json({ volumeAttachment: attachment });
  });

  return app;
}

import type { Context } from "hono";
import { Hono } from "hono";
import { z } from "zod";
import type { SimContext, SimEnv } from "../context";
import { clientUrl, serviceRoot } from "../endpoints";
import { openstackError } from "../http";
import type { ProjectState } from "../state";
import { type ImsImage, imagesOf } from "./images";

/** Glance v2: default and largest page (Glance's `limit_param_default` and `api_limit_max`). */
export const defaultImageLimit = 25;
export const maxImageLimit = 1000;

const limitSchema = z.coerce.number().int().min(0);

/** Glance prints whole seconds with a Z: 2016-07-26T09:12:58Z. */
export function glanceTime(iso: string): string {
  return iso.replace(/\.\d{3}Z$/, "Z");
}

function imageJson(image: ImsImage) {
  return {
    id: image.id,
    name: image.name,
    status: "active",
    visibility: image.visibility,
    protected: image.visibility === "public",
    container_format: "bare",
    disk_format: "zvhd2",
    min_disk: image.minDiskGb,
    min_ram: 0,
    size: image.sizeBytes,
    virtual_size: null,
    checksum: null,
    owner: image.owner,
    tags: [],
    created_at: glanceTime(image.createdAt),
    updated_at: glanceTime(image.createdAt),
    self: `/v2/images/${image.id}`,
    file: `/v2/images/${image.id}/file`,
    schema: "/v2/schemas/image",
    // Huawei IMS's own properties, as strings like every Glance extra property.
    __imagetype: image.imageType,
    __os_type: image.osType,
    __platform: image.platform,
    __os_version: image.name,
    __os_bit: "64",
    __isregistered: "true",
    virtual_env_type: image.bareMetal ? "Ironic" : "FusionCompute",
  };
}

function project(ctx: SimContext, c: Context<SimEnv>): ProjectState | undefined {
  return ctx.state.projects[c.get("auth").projectId ?? ""];
}

/** The filters Glance applies to a list, exact matches; Huawei adds `__imagetype`. */
const filterKeys = ["name", "status", "visibility", "owner", "__imagetype", "__os_type"] as const;

/** Version discovery at the root: no authentication, 300 Multiple Choices as Glance answers. */
export function imsVersions(c: Context): Response {
  const root = serviceRoot(c, "/ims");
  return c.json(
    {
      versions: ["v2.9", "v2.1", "v2.0"].map((id, i) => ({
        id,
        status: i === 0 ? "CURRENT" : "SUPPORTED",
        links: [{ rel: "self", href: `${root}/v2/` }],
      })),
    },
    300,
  );
}

/**
 * IMS at /ims (its own port's root): the Glance v2 image list and detail of the images the
 * project's servers boot from, enough for `openstack image list` and `server show`.
 */
export function imsRoutes(ctx: SimContext): Hono<SimEnv> {
  const app = new Hono<SimEnv>();

  app.get("/", imsVersions);
  app.get("/versions", imsVersions);

  app.get("/v2/images", (c) => {
    const p = project(ctx, c);
    if (!p) return openstackError(c, 404, "Project not found.");
    const url = clientUrl(c);
    const q = url.searchParams;
    const rawLimit = q.get("limit");
    let limit = defaultImageLimit;
    if (rawLimit !== null) {
      const parsed = limitSchema.safeParse(rawLimit);
      if (!parsed.success) return openstackError(c, 400, "limit param must be an integer");
      limit = Math.min(parsed.data, maxImageLimit);
    }
    const images = imagesOf(p)
      .filter((image) => {
        const json = imageJson(image) as Record<string, unknown>;
        return filterKeys.every((k) => q.get(k) === null || String(json[k]) === q.get(k));
      })
      // Glance's default order: created_at desc, then id desc.
      .sort((a, b) =>
        a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1,
      );
    let start = 0;
    const marker = q.get("marker");
    if (marker !== null) {
      const index = images.findIndex((i) => i.id === marker);
      if (index < 0) return openstackError(c, 400, `marker [${marker}] not found`);
      start = index + 1;
    }
    const page = images.slice(start, start + limit);
    const body: Record<string, unknown> = {
      images: page.map(imageJson),
      first: "/v2/images",
      schema: "/v2/schemas/images",
    };
    const last = page.at(-1);
    // Glance's `next` is a path with the query, only when more images follow.
    if (last && start + limit < images.length) {
      const next = new URLSearchParams(q);
      next.set("marker", last.id);
      next.set("limit", String(limit));
      body.next = `/v2/images?${next.toString()}`;
    }
    return c.json(body);
  });

  app.get("/v2/images/:image_id", (c) => {
    const p = project(ctx, c);
    const image = p ? imagesOf(p).find((i) => i.id === c.req.param("image_id")) : undefined;
    if (!image) return openstackError(c, 404, `No image found with ID ${c.req.param("image_id")}`);
    return c.json(imageJson(image));
  });

  return app;
}

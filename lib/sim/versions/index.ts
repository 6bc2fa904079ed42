import type { Context } from "hono";
import { Hono } from "hono";
import { serviceRoot } from "../endpoints";

/**
 * Version discovery of the OpenStack-style services, read by keystoneauth (the OpenStack CLI and
 * SDK) before the first call: Nova at `/` and `/v2.1/`, Cinder at `/`, `/v2/` and `/v3/`. Without
 * it they still work, after a few 404s. No authentication, as in Nova and Cinder.
 */
const updated = "2013-07-23T11:33:21Z";

type Version = { id: string; status: string; version: string; min_version: string; path: string };

const nova: Version[] = [
  { id: "v2.0", status: "SUPPORTED", version: "", min_version: "", path: "/v2/" },
  // Huawei ECS documents microversions up to 2.60.
  { id: "v2.1", status: "CURRENT", version: "2.60", min_version: "2.1", path: "/v2.1/" },
];

const cinder: Version[] = [
  { id: "v2.0", status: "DEPRECATED", version: "", min_version: "", path: "/v2/" },
  { id: "v3.0", status: "CURRENT", version: "3.59", min_version: "3.0", path: "/v3/" },
];

const mediaType: Record<string, string> = {
  "/ecs": "application/vnd.openstack.compute+json;version=2.1",
  "/evs": "application/vnd.openstack.volume+json;version=3",
};

function versionJson(c: Context, mount: string, v: Version) {
  return {
    id: v.id,
    status: v.status,
    version: v.version,
    min_version: v.min_version,
    updated,
    links: [{ rel: "self", href: `${serviceRoot(c, mount)}${v.path}` }],
    "media-types": [{ base: "application/json", type: mediaType[mount] }],
  };
}

export function versionRoutes(): Hono {
  const app = new Hono();
  const all = (mount: string, list: Version[]) => (c: Context) =>
    c.json({ versions: list.map((v) => versionJson(c, mount, v)) }, 300);
  const one = (mount: string, v: Version, wrap: "version" | "versions") => (c: Context) =>
    wrap === "version"
      ? c.json({ version: versionJson(c, mount, v) })
      : c.json({ versions: [versionJson(c, mount, v)] });
  app.get("/ecs/", all("/ecs", nova));
  for (const v of nova) {
    app.get(`/ecs${v.path}`, one("/ecs", v, "version"));
    app.get(`/ecs${v.path.slice(0, -1)}`, one("/ecs", v, "version"));
  }
  app.get("/evs/", all("/evs", cinder));
  for (const v of cinder) {
    // Cinder answers its version URLs with a one-element `versions` list.
    app.get(`/evs${v.path}`, one("/evs", v, "versions"));
    app.get(`/evs${v.path.slice(0, -1)}`, one("/evs", v, "versions"));
  }
  return app;
}

import type { IncomingMessage } from "node:http";
import type { Context } from "hono";

/**
 * The services the simulator serves, each on its own port (SIM_PORT + offset) with its API at the
 * root, as real clouds give each service its own host (`https://cbr.<region>.…/v3/{project_id}`).
 * Internally every request is dispatched under the service's `mount` prefix, the path it has always
 * had on the base port (`/cbr/v3/{project_id}/…`): fault rules, request statistics and the error
 * shapes keep one form whichever port a request arrived on.
 */
export type ServiceKey = "csbs" | "cbr" | "ecs" | "evs" | "evs3" | "ims";

export type ServiceMount = {
  key: ServiceKey;
  /** Offset from SIM_PORT. */
  offset: number;
  /** Path prefix under which the shared app serves it (also on the base port). */
  mount: string;
  /** Keystone catalog type and name. */
  type: string;
  name: string;
  /** The API path of the catalog entry, below the service's root. */
  apiPath(projectId: string): string;
};

export const serviceMounts: readonly ServiceMount[] = [
  {
    key: "csbs",
    offset: 1,
    mount: "/csbs",
    type: "data-protect",
    name: "csbs",
    apiPath: (p) => `/v1/${p}`,
  },
  { key: "cbr", offset: 2, mount: "/cbr", type: "cbr", name: "cbr", apiPath: (p) => `/v3/${p}` },
  {
    key: "ecs",
    offset: 3,
    mount: "/ecs",
    type: "compute",
    name: "ecs",
    apiPath: (p) => `/v2.1/${p}`,
  },
  {
    key: "evs",
    offset: 4,
    mount: "/evs",
    type: "volumev2",
    name: "evs",
    apiPath: (p) => `/v2/${p}`,
  },
  {
    key: "evs3",
    offset: 5,
    mount: "/evs",
    type: "volumev3",
    name: "evsv3",
    apiPath: (p) => `/v3/${p}`,
  },
  // Glance's catalog entry is the service root: clients discover `/v2` from it.
  { key: "ims", offset: 6, mount: "/ims", type: "image", name: "ims", apiPath: () => "" },
];

/** How many ports the simulator takes: SIM_PORT and the services' ports after it. */
export const portCount = 1 + serviceMounts.length;

/** Ports the simulator listens on once started: the base one and one per service. */
export type SimPorts = { base: number } & Record<ServiceKey, number>;

const clientPath = Symbol.for("cloud-backup-console.sim.clientPath");
type MarkedIncoming = IncomingMessage & { [clientPath]?: string };

/**
 * Node request hook of a service's own port: remembers the path the client sent (signatures and
 * links are computed over it) and dispatches the request under the service's mount prefix.
 */
export function mountIncoming(incoming: IncomingMessage, mount: string): void {
  const marked = incoming as MarkedIncoming;
  const url = incoming.url ?? "/";
  marked[clientPath] = url;
  incoming.url = `${mount}${url.startsWith("/") ? url : `/${url}`}`;
}

function markedPath(c: Context): string | undefined {
  const env = c.env as { incoming?: MarkedIncoming } | undefined;
  const path = env?.incoming?.[clientPath];
  return typeof path === "string" ? path : undefined;
}

/** The request URL as the client sent it (on a service's own port, without the mount prefix). */
export function clientUrl(c: Context): URL {
  const url = new URL(c.req.url);
  const path = markedPath(c);
  return path === undefined ? url : new URL(path, url.origin);
}

/**
 * The service's root as the client addresses it: the origin of its own port, or the origin of the
 * base port plus the mount prefix for the old prefixed paths.
 */
export function serviceRoot(c: Context, mount: string): string {
  const origin = new URL(c.req.url).origin;
  return markedPath(c) === undefined ? `${origin}${mount}` : origin;
}

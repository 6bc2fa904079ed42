import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { requireAuth } from "./auth";
import { cbrRoutes } from "./cbr";
import { SimClock, Ticker } from "./clock";
import type { SimConfig } from "./config";
import type { SimContext, SimEnv } from "./context";
import { controlRoutes } from "./control";
import { csbsRoutes } from "./csbs";
import { ecsRoutes } from "./ecs";
import { clientUrl, mountIncoming, portCount, type SimPorts, serviceMounts } from "./endpoints";
import { evsRoutes } from "./evs";
import { FaultStore, faultListSchema, faultMiddleware } from "./faults";
import { gatewayCodes, serviceError } from "./http";
import { iamRoutes } from "./iam";
import { newUuid } from "./ids";
import { imsRoutes, imsVersions } from "./ims";
import { createRng } from "./rng";
import { RouteTable } from "./routes";
import { seedState } from "./seed";
import type { SimState } from "./state";
import { RequestStats } from "./stats";
import { StateStore } from "./store";
import { versionRoutes } from "./versions";

export const maxBodyBytes = 12 * 1024 * 1024;

export type SimLogger = {
  info(message: string): void;
  error(message: string, error?: unknown): void;
};

const consoleLogger: SimLogger = {
  info: (m) => console.log(m),
  error: (m, e) => console.error(m, e ?? ""),
};

export type Sim = {
  app: Hono<SimEnv>;
  ctx: SimContext;
  config: SimConfig;
  clock: SimClock;
  ticker: Ticker;
  store: StateStore;
  faults: FaultStore;
  stats: RequestStats;
  /** Replaces the whole state with freshly seeded data. */
  reset(): void;
  /**
   * Starts listening on SIM_PORT and the services' ports after it (or on free ports each when
   * SIM_PORT is 0); resolves with the base URL (e.g. http://127.0.0.1:4010).
   */
  listen(): Promise<string>;
  /** The ports in use once listening, else null. */
  ports(): SimPorts | null;
  /** Stops the ticker and the server and flushes the state to disk. */
  close(): Promise<void>;
};

/**
 * Service mounts: the path prefixes of design.md, each with the project id in the URL. On the base
 * port they are the services' addresses; a service's own port dispatches into the same prefix.
 */
export const servicePrefixes = {
  csbs: "/csbs/v1/:project_id",
  cbr: "/cbr/v3/:project_id",
  ecs: "/ecs/v2.1/:project_id",
  evs: "/evs/v2/:project_id",
  evs3: "/evs/v3/:project_id",
} as const;

export function createSim(config: SimConfig, logger: SimLogger = consoleLogger): Sim {
  const clock = new SimClock();
  const ticker = new Ticker(clock, (name, error) =>
    logger.error(`tick handler ${name} failed`, error),
  );
  const seedNow = () => seedState({ seed: config.seed, scale: config.scale, now: clock.now() });
  let state: SimState | undefined;
  let ports: SimPorts | null = null;
  const store = new StateStore(
    config.dataDir,
    () => current(),
    config.saveDelayMs,
    (e) => logger.error("could not save the simulator state", e),
  );
  state = (config.reset ? null : store.load()) ?? seedNow();
  const current = (): SimState => {
    if (!state) throw new Error("simulator state used before it was loaded");
    return state;
  };
  // A fresh (or re-seeded) state is written at once so that a restart finds the same data.
  store.markDirty();

  const rng = createRng(`${config.seed}/runtime`);
  const ctx: SimContext = {
    get state() {
      return current();
    },
    set state(next: SimState) {
      state = next;
    },
    markDirty: () => store.markDirty(),
    now: () => clock.now(),
    durations: { ...config.durations },
    rng,
    newId: newUuid,
    onTick: (name, fn) => ticker.register(name, fn),
    ports: () => ports,
  };

  const faults = new FaultStore(createRng(`${config.seed}/faults`));
  const initialFaults = faultListSchema.safeParse(config.faults);
  if (!initialFaults.success)
    throw new Error(`Invalid SIM_FAULTS: ${initialFaults.error.issues[0]?.message}`);
  faults.replace(initialFaults.data);
  const stats = new RequestStats();

  const app = new Hono<SimEnv>();
  const routes = new RouteTable(() => app.routes);
  // Re-seeding keeps the issued tokens: a console signed in to the simulator stays signed in.
  const reset = () => {
    state = { ...seedNow(), tokens: current().tokens };
    store.markDirty();
  };

  // Every request is counted on arrival, before faults: "it reached the simulator".
  app.use("*", async (c, next) => {
    if (!c.req.path.startsWith("/_sim"))
      stats.record(c.req.method, routes.match(c.req.method, c.req.path) ?? "(no route)");
    await next();
  });
  app.route("/_sim", controlRoutes({ ctx, clock, ticker, faults, stats, reset }));
  app.use("*", faultMiddleware(faults));
  // The gateway's limit for a request body (OTC IAM guide: 12 MB).
  app.use(
    "*",
    bodyLimit({
      maxSize: maxBodyBytes,
      onError: (c) =>
        serviceError(c, 413, gatewayCodes.tooLarge, "The request body is larger than 12 MB."),
    }),
  );

  app.onError((error, c) => {
    logger.error(`unhandled error on ${c.req.method} ${c.req.path}`, error);
    return serviceError(c, 500, gatewayCodes.fault, "Internal error in the simulated cloud.");
  });

  app.route("/iam/v3", iamRoutes(ctx));
  app.route("/", versionRoutes());
  for (const prefix of Object.values(servicePrefixes)) app.use(`${prefix}/*`, requireAuth(ctx));
  app.route(servicePrefixes.csbs, csbsRoutes(ctx));
  app.route(servicePrefixes.cbr, cbrRoutes(ctx));
  app.route(servicePrefixes.ecs, ecsRoutes(ctx));
  app.route(servicePrefixes.evs, evsRoutes(ctx, "v2"));
  app.route(servicePrefixes.evs3, evsRoutes(ctx, "v3"));
  // Glance paths carry no project: the token's project scopes the image list.
  app.use("/ims/v2/*", requireAuth(ctx, { projectInPath: false }));
  app.get("/ims/", imsVersions);
  app.route("/ims", imsRoutes(ctx));

  app.notFound((c) => {
    // Named as the client addressed it (a service's own port has no mount prefix).
    const shown = clientUrl(c).pathname;
    if (routes.allowedMethods(c.req.path).length > 0) {
      return serviceError(
        c,
        405,
        gatewayCodes.methodNotAllowed,
        `Method ${c.req.method} is not allowed on ${shown}.`,
      );
    }
    return serviceError(c, 404, gatewayCodes.notFound, `No API at ${c.req.method} ${shown}.`);
  });

  type NodeServer = ReturnType<typeof serve>;
  let servers: NodeServer[] = [];

  /** Listens on one port; a mount prefix makes it a service's own port. */
  const listenOn = (port: number, mount?: string) =>
    new Promise<{ server: NodeServer; info: AddressInfo }>((resolve, reject) => {
      const s = serve(
        {
          fetch: app.fetch,
          port,
          hostname: config.host,
          ...(mount
            ? {
                createServer: ((
                  options: object,
                  listener: (req: IncomingMessage, res: ServerResponse) => void,
                ) =>
                  createServer(options, (req, res) => {
                    mountIncoming(req, mount);
                    listener(req, res);
                  })) as typeof createServer,
              }
            : {}),
        },
        (info: AddressInfo) => resolve({ server: s, info }),
      );
      s.once("error", (error: NodeJS.ErrnoException) =>
        reject(
          error.code === "EADDRINUSE"
            ? new Error(
                `Port ${port} (${mount ? mount.slice(1).toUpperCase() : "IAM and control API"}) is in use: the simulator needs SIM_PORT and the ${portCount - 1} ports after it.`,
              )
            : error,
        ),
      );
      servers.push(s);
    });

  const closeAll = async () => {
    const open = servers;
    servers = [];
    ports = null;
    await Promise.all(
      open.map(
        (s) =>
          new Promise<void>((resolve) => {
            if (!s.listening) return resolve();
            s.close(() => resolve());
            // Keep-alive connections would hold close() open; the simulator has nothing to drain.
            if ("closeAllConnections" in s) s.closeAllConnections();
          }),
      ),
    );
  };

  return {
    app,
    ctx,
    config,
    clock,
    ticker,
    store,
    faults,
    stats,
    reset,
    ports: () => ports,
    async listen() {
      try {
        const base = await listenOn(config.port);
        const found: Partial<SimPorts> = { base: base.info.port };
        for (const m of serviceMounts) {
          // EVS v2 and v3 share the /evs mount (the version is the path's first segment).
          const wanted = config.port === 0 ? 0 : config.port + m.offset;
          const own = await listenOn(wanted, m.mount);
          found[m.key] = own.info.port;
        }
        ports = found as SimPorts;
        ticker.start(ctx.durations.tickMs);
        return `http://${formatHost(base.info.address)}:${base.info.port}`;
      } catch (error) {
        await closeAll();
        throw error;
      }
    },
    async close() {
      ticker.stop();
      await closeAll();
      await store.flush();
    },
  };
}

function formatHost(address: string): string {
  return address.includes(":") ? `[${address}]` : address;
}

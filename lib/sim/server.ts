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
import { evsRoutes } from "./evs";
import { FaultStore, faultListSchema, faultMiddleware } from "./faults";
import { gatewayCodes, serviceError } from "./http";
import { iamRoutes } from "./iam";
import { newUuid } from "./ids";
import { createRng } from "./rng";
import { RouteTable } from "./routes";
import { seedState } from "./seed";
import type { SimState } from "./state";
import { RequestStats } from "./stats";
import { StateStore } from "./store";

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
  /** Starts listening; resolves with the base URL (e.g. http://127.0.0.1:4010). */
  listen(): Promise<string>;
  /** Stops the ticker and the server and flushes the state to disk. */
  close(): Promise<void>;
};

/** Service mounts: the path prefixes of design.md, each with the project id in the URL. */
export const servicePrefixes = {
  csbs: "/csbs/v1/:project_id",
  cbr: "/cbr/v3/:project_id",
  ecs: "/ecs/v2.1/:project_id",
  evs: "/evs/v2/:project_id",
} as const;

export function createSim(config: SimConfig, logger: SimLogger = consoleLogger): Sim {
  const clock = new SimClock();
  const ticker = new Ticker(clock, (name, error) =>
    logger.error(`tick handler ${name} failed`, error),
  );
  const seedNow = () => seedState({ seed: config.seed, scale: config.scale, now: clock.now() });
  let state: SimState | undefined;
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
  for (const prefix of Object.values(servicePrefixes)) app.use(`${prefix}/*`, requireAuth(ctx));
  app.route(servicePrefixes.csbs, csbsRoutes(ctx));
  app.route(servicePrefixes.cbr, cbrRoutes(ctx));
  app.route(servicePrefixes.ecs, ecsRoutes(ctx));
  app.route(servicePrefixes.evs, evsRoutes(ctx));

  app.notFound((c) => {
    if (routes.allowedMethods(c.req.path).length > 0) {
      return serviceError(
        c,
        405,
        gatewayCodes.methodNotAllowed,
        `Method ${c.req.method} is not allowed on ${c.req.path}.`,
      );
    }
    return serviceError(c, 404, gatewayCodes.notFound, `No API at ${c.req.method} ${c.req.path}.`);
  });

  let server: ReturnType<typeof serve> | null = null;

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
    listen() {
      return new Promise((resolve, reject) => {
        const s = serve(
          { fetch: app.fetch, port: config.port, hostname: config.host },
          (info: AddressInfo) => {
            ticker.start(ctx.durations.tickMs);
            resolve(`http://${formatHost(info.address)}:${info.port}`);
          },
        );
        s.once("error", reject);
        server = s;
      });
    },
    async close() {
      ticker.stop();
      const s = server;
      server = null;
      if (s) {
        await new Promise<void>((resolve) => {
          s.close(() => resolve());
          // Keep-alive connections would hold close() open; the simulator has nothing to drain.
          if ("closeAllConnections" in s) s.closeAllConnections();
        });
      }
      await store.flush();
    },
  };
}

function formatHost(address: string): string {
  return address.includes(":") ? `[${address}]` : address;
}

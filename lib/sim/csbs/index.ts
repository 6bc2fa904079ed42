import { Hono } from "hono";
import type { SimContext, SimEnv } from "../context";
import { ensureCsbsState } from "./empty";
import { tickCsbs } from "./lifecycle";
import { backupRoutes } from "./routes-backups";
import { policyRoutes } from "./routes-policies";
import { resourceRoutes } from "./routes-resources";
import { restoreRoutes } from "./routes-restores";

export { emptyCsbsState } from "./empty";
export { PROVIDER_ID } from "./format";
export { seedCsbs } from "./seed";
export type { CsbsState } from "./types";

/** CSBS v1, mounted by sim-core at `/csbs/v1/:project_id`; also registers the CSBS lifecycle. */
export function csbsRoutes(ctx: SimContext): Hono<SimEnv> {
  ctx.onTick("csbs", (now) => {
    // ctx.state is replaced by a reset: read it on every tick.
    let changed = false;
    for (const project of Object.values(ctx.state.projects)) {
      ensureCsbsState(project);
      const deps = { durations: ctx.durations, rand: ctx.rng, newId: ctx.newId };
      if (tickCsbs(project, now, deps)) changed = true;
    }
    if (changed) ctx.markDirty();
  });

  const app = new Hono<SimEnv>();
  app.route("/", policyRoutes(ctx));
  app.route("/", resourceRoutes(ctx));
  app.route("/", backupRoutes(ctx));
  app.route("/", restoreRoutes(ctx));
  return app;
}

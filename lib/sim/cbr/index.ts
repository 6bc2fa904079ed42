import type { Hono } from "hono";
import type { SimContext, SimEnv } from "../context";
import type { ProjectState } from "../state";
import { catchUpCbr } from "./lifecycle";
import { createCbrRoutes } from "./routes";
import { seedCbrState } from "./seed";
import { type CbrState, coerceCbrState } from "./types";

export function emptyCbrState(): CbrState {
  return coerceCbrState(undefined);
}

export function seedCbr(project: ProjectState, rand: () => number, now: Date): CbrState {
  return seedCbrState(project, rand, now);
}

/** The CBR v3 API, mounted by sim-core at /cbr/v3/:project_id; also starts the CBR lifecycle. */
export function cbrRoutes(ctx: SimContext): Hono<SimEnv> {
  ctx.onTick("cbr", (now) => {
    let changed = false;
    for (const project of Object.values(ctx.state.projects)) {
      if (catchUpCbr(project, now, ctx.durations, { newId: ctx.newId, rand: ctx.rng })) {
        changed = true;
      }
    }
    if (changed) ctx.markDirty();
  });
  return createCbrRoutes(ctx);
}

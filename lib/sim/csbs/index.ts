// Placeholder committed by sim-core so that the skeleton runs; sim-csbs owns and replaces it.
import { Hono } from "hono";
import type { SimContext, SimEnv } from "../context";
import type { ProjectState } from "../state";
import type { CsbsState } from "./types";

export function emptyCsbsState(): CsbsState {
  return {} as CsbsState;
}

export function seedCsbs(_project: ProjectState, _rand: () => number, _now: Date): CsbsState {
  return emptyCsbsState();
}

export function csbsRoutes(_ctx: SimContext): Hono<SimEnv> {
  return new Hono<SimEnv>();
}

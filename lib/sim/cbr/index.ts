import { Hono } from "hono";
import type { SimContext, SimEnv } from "../context";
import type { ProjectState } from "../state";
import type { CbrState } from "./types";

export function emptyCbrState(): CbrState {
  return { vaults: [], backups: [], checkpoints: [], operationLogs: [] };
}

export function seedCbr(_project: ProjectState, _rand: () => number, _now: Date): CbrState {
  return emptyCbrState();
}

export function cbrRoutes(_ctx: SimContext): Hono<SimEnv> {
  return new Hono<SimEnv>();
}

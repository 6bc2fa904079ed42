import type { SimScale } from "../config";
import type { Server, Volume } from "../state";

/** Servers and volumes of one project (filled in by the seed step). */
export function seedCompute(
  _projectName: string,
  _rand: () => number,
  _now: Date,
  _scale: SimScale,
): { servers: Server[]; volumes: Volume[] } {
  return { servers: [], volumes: [] };
}

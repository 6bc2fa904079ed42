import { emptyCbrState, seedCbr } from "../cbr";
import type { SimScale } from "../config";
import { emptyCsbsState, seedCsbs } from "../csbs";
import { demoProjects } from "../iam/directory";
import { createRng } from "../rng";
import type { ProjectState, SimState } from "../state";
import { seedCompute } from "./compute";

export type SeedOptions = { seed: string; scale: SimScale; now: Date };

/** The whole demo data set; the same options always give the same state. */
export function seedState(options: SeedOptions): SimState {
  const projects: Record<string, ProjectState> = {};
  demoProjects.forEach((p, index) => {
    // One PRNG per project and per service: adding data to one never shifts the others.
    const rand = (part: string) => createRng(`${options.seed}/${p.name}/${part}`);
    const project: ProjectState = {
      id: p.id,
      name: p.name,
      servers: [],
      volumes: [],
      csbs: emptyCsbsState(),
      cbr: emptyCbrState(),
    };
    // SIM_SCALE=large makes the first project (eu-west-0) large and leaves the other one as the
    // normal demo, so both sizes can be compared side by side.
    const scale = index === 0 ? options.scale : "normal";
    const compute = seedCompute(p.name, rand("compute"), options.now, scale);
    project.servers = compute.servers;
    project.volumes = compute.volumes;
    // A project without CSBS has none of its data: the API is not in its catalog.
    if (p.csbs) project.csbs = seedCsbs(project, rand("csbs"), options.now);
    project.cbr = seedCbr(project, rand("cbr"), options.now);
    projects[p.id] = project;
  });
  return { version: 1, seededAt: options.now.toISOString(), projects, tokens: {} };
}

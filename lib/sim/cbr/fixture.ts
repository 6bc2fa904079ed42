// A small compute inventory for the CBR unit tests (the HTTP tests use sim-core's seeded one).
import { createRng } from "../rng";
import { seedCbrState } from "./seed";
import type { CbrProject, CbrServerView, CbrVolumeView } from "./types";

export const fixtureNow = new Date("2026-11-20T12:00:00.000Z");

export function fixtureProject(): CbrProject {
  const servers: CbrServerView[] = [];
  const volumes: CbrVolumeView[] = [];
  const addServer = (index: number, dataSizes: number[], extra: Partial<CbrServerView> = {}) => {
    const id = `00000000-0000-4000-8000-${String(index).padStart(12, "0")}`;
    const name = `ecs-${String(index).padStart(2, "0")}`;
    const server: CbrServerView = {
      id,
      name,
      status: "ACTIVE",
      availabilityZone: "eu-west-0a",
      bareMetal: false,
      volumeIds: [],
      ...extra,
    };
    [40, ...dataSizes].forEach((sizeGb, disk) => {
      const volume: CbrVolumeView = {
        id: `00000000-0000-4000-9000-${String(index * 10 + disk).padStart(12, "0")}`,
        name: `${name}-disk${disk}`,
        sizeGb,
        bootable: disk === 0,
        multiattach: false,
        status: "in-use",
        availabilityZone: "eu-west-0a",
        attachments: [{ serverId: id, device: `/dev/vd${"abcdefgh"[disk]}` }],
      };
      volumes.push(volume);
      server.volumeIds.push(volume.id);
    });
    servers.push(server);
  };
  for (let i = 1; i <= 14; i++) addServer(i, i % 3 === 0 ? [] : i % 3 === 1 ? [100] : [50, 20]);
  addServer(15, [10], { bareMetal: true });
  const project: CbrProject = {
    id: "0123456789abcdef0123456789abcdef",
    servers,
    volumes,
    cbr: { policies: [], vaults: [], backups: [], checkpoints: [], operationLogs: [] },
  };
  project.cbr = seedCbrState(project, createRng("cbr-fixture"), fixtureNow);
  return project;
}

import { stableHexId } from "../ids";

/** The fixed demo identities of design.md: anyone can sign in to the simulator with them. */
export type DemoUser = {
  id: string;
  name: string;
  password: string;
  readOnly: boolean;
  roles: { id: string; name: string }[];
};

export type DemoProject = {
  id: string;
  name: string;
  region: string;
  /** Whether the region offers CSBS: its catalog lists `data-protect` and its data has some. */
  csbs: boolean;
};

export const demoDomain = { id: stableHexId("domain", "demo"), name: "demo" } as const;

const role = (name: string) => ({ id: stableHexId("role", name), name });

export const demoUsers: readonly DemoUser[] = [
  {
    id: stableHexId("user", "admin"),
    name: "admin",
    password: "Demo@2026",
    readOnly: false,
    roles: [role("te_admin"), role("op_service")],
  },
  {
    id: stableHexId("user", "auditor"),
    name: "auditor",
    password: "Audit@2026",
    readOnly: true,
    roles: [role("readonly"), role("op_service")],
  },
];

/**
 * Project names are region names, as on Huawei Cloud and OTC; the region is the name itself.
 * eu-west-0 and cn-north-4 use both services; eu-de is CBR only, as on OTC, which ended CSBS on
 * 2025-08-01 (its catalog has no `data-protect` entry), so every view is seen in each situation.
 */
export const demoProjects: readonly DemoProject[] = [
  { name: "eu-west-0", csbs: true },
  { name: "cn-north-4", csbs: true },
  { name: "eu-de", csbs: false },
].map(({ name, csbs }) => ({ id: stableHexId("project", name), name, region: name, csbs }));

export const demoAccessKey = {
  ak: "DEMOACCESSKEY0000000",
  sk: "DEMOSECRETKEY000000000000000000000000000",
  userName: "admin",
} as const;

export function findUserById(id: string): DemoUser | undefined {
  return demoUsers.find((u) => u.id === id);
}

export function findUserByName(name: string): DemoUser | undefined {
  return demoUsers.find((u) => u.name === name);
}

export function findProject(idOrName: { id?: string; name?: string }): DemoProject | undefined {
  return demoProjects.find((p) =>
    idOrName.id !== undefined ? p.id === idOrName.id : p.name === idOrName.name,
  );
}

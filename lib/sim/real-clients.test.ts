import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { needBinary } from "@/lib/testing/redis";
import { demoDomain } from "./iam/directory";
import { startTestSim, type TestSim } from "./testing/start";

/*
 * Clients nobody here wrote, against a started simulator: Debian's python3-openstackclient
 * (`openstack`, over openstacksdk and keystoneauth, which find every service in the token's
 * catalog), openstacksdk's own paging (it follows `servers_links`, `volumes_links` and Glance's
 * `next`), and python3-karborclient (`karbor`, the `data-protect` entry) for a CSBS restore.
 * They run as child processes, asynchronously: the simulator answers from this process.
 */
const run = promisify(execFile);
const OPENSTACK = "/usr/bin/openstack";
const KARBOR = "/usr/bin/karbor";
const PYTHON = "/usr/bin/python3";

const haveOpenstack = needBinary(
  "openstack",
  existsSync(OPENSTACK) ? OPENSTACK : null,
  "apt-get install python3-openstackclient",
);
const haveKarbor = needBinary(
  "karbor",
  existsSync(KARBOR) ? KARBOR : null,
  "apt-get install python3-karborclient",
);

let sim: TestSim;
let projectId: string;

/** The environment a user would export: only the IAM URL, the rest comes from the catalog. */
function osEnv(): NodeJS.ProcessEnv {
  return {
    NODE_ENV: "test",
    PATH: "/usr/bin:/bin",
    HOME: process.env.HOME ?? "/tmp",
    OS_AUTH_URL: `${sim.url}/iam/v3`,
    OS_IDENTITY_API_VERSION: "3",
    OS_USERNAME: "admin",
    OS_PASSWORD: "Demo@2026",
    OS_USER_DOMAIN_NAME: "demo",
    OS_PROJECT_NAME: "eu-west-0",
    OS_PROJECT_DOMAIN_NAME: "demo",
    OS_INTERFACE: "public",
  };
}

async function openstack<T>(...args: string[]): Promise<T> {
  const { stdout } = await run(OPENSTACK, [...args, "-f", "json"], {
    env: osEnv(),
    timeout: 90_000,
  });
  return JSON.parse(stdout) as T;
}

const project = () => {
  const p = sim.ctx.state.projects[projectId];
  if (!p) throw new Error("no project");
  return p;
};

beforeAll(async () => {
  if (!haveOpenstack && !haveKarbor) return;
  sim = await startTestSim();
  ({ projectId } = await sim.adminToken());
}, 60_000);
afterAll(async () => {
  await sim?.close();
});

describe.runIf(haveOpenstack)("python3-openstackclient against the simulator", () => {
  it("openstack token issue", { timeout: 120_000 }, async () => {
    const token = await openstack<{ id: string; project_id: string; expires: string }>(
      "token",
      "issue",
    );
    expect(token.project_id).toBe(projectId);
    expect(token.id.length).toBeGreaterThan(20);
    expect(Date.parse(token.expires)).toBeGreaterThan(Date.now() + 23 * 3600_000);
  });

  it("openstack server list shows the seeded servers, their images and flavours", {
    timeout: 120_000,
  }, async () => {
    const rows = await openstack<
      { ID: string; Name: string; Status: string; Image: string; Flavor: string }[]
    >("server", "list");
    const servers = project().servers;
    expect(rows.map((r) => r.ID).sort()).toEqual(servers.map((s) => s.id).sort());
    for (const s of servers) {
      const row = rows.find((r) => r.ID === s.id);
      expect(row).toMatchObject({
        Name: s.name,
        Status: s.status,
        Image: s.metadata.image_name,
        Flavor: s.flavor.name,
      });
    }
  });

  it("openstack server show names the flavour, the image and the volumes", {
    timeout: 120_000,
  }, async () => {
    const s = project().servers.find((x) => x.name === "web-01");
    if (!s) throw new Error("no web-01");
    const shown = await openstack<{
      id: string;
      name: string;
      flavor: string;
      image: string;
      volumes_attached: string | { id: string }[];
      "OS-EXT-AZ:availability_zone": string;
    }>("server", "show", "web-01");
    expect(shown).toMatchObject({
      id: s.id,
      name: "web-01",
      flavor: s.flavor.name,
      image: `${s.metadata.image_name} (${s.imageId})`,
      "OS-EXT-AZ:availability_zone": s.availabilityZone,
    });
    const attached = JSON.stringify(shown.volumes_attached);
    for (const id of s.volumeIds) expect(attached).toContain(id);
  });

  it("openstack volume list (volumev3) shows the seeded volumes", {
    timeout: 120_000,
  }, async () => {
    const rows = await openstack<{ ID: string; Name: string; Status: string; Size: number }[]>(
      "volume",
      "list",
    );
    const volumes = project().volumes;
    expect(rows.map((r) => r.ID).sort()).toEqual(volumes.map((v) => v.id).sort());
    for (const v of volumes) {
      expect(rows.find((r) => r.ID === v.id)).toMatchObject({
        Name: v.name,
        Status: v.status,
        Size: v.sizeGb,
      });
    }
  });

  it("openstack image list (IMS) shows the images the servers boot from", {
    timeout: 120_000,
  }, async () => {
    const rows = await openstack<{ ID: string; Name: string; Status: string }[]>("image", "list");
    const images = new Map(project().servers.map((s) => [s.imageId, s.metadata.image_name]));
    expect(rows.map((r) => r.ID).sort()).toEqual([...images.keys()].sort());
    for (const r of rows) expect(r).toMatchObject({ Name: images.get(r.ID), Status: "active" });
  });

  it("openstacksdk follows marker and next links page by page", { timeout: 120_000 }, async () => {
    await fetch(`${sim.url}/_sim/stats/reset`, { method: "POST" });
    const script = [
      "import json, openstack",
      "c = openstack.connect()",
      "print(json.dumps({",
      "  'servers': [s.id for s in c.compute.servers(limit=6)],",
      "  'volumes': [v.id for v in c.block_storage.volumes(limit=6)],",
      "  'images': [i.id for i in c.image.images(limit=6)],",
      "}))",
    ].join("\n");
    const { stdout } = await run(PYTHON, ["-c", script], { env: osEnv(), timeout: 90_000 });
    const got = JSON.parse(stdout) as Record<"servers" | "volumes" | "images", string[]>;
    const p = project();
    expect(got.servers.sort()).toEqual(p.servers.map((s) => s.id).sort());
    expect(got.volumes.sort()).toEqual(p.volumes.map((v) => v.id).sort());
    expect(got.images.sort()).toEqual([...new Set(p.servers.map((s) => s.imageId))].sort());
    const stats = (await (await fetch(`${sim.url}/_sim/stats`)).json()) as {
      routes: Record<string, number>;
    };
    // Several pages each, and nothing the simulator does not serve.
    expect(stats.routes["GET /ecs/v2.1/:project_id/servers/detail"]).toBeGreaterThan(2);
    expect(stats.routes["GET /evs/v3/:project_id/volumes/detail"]).toBeGreaterThan(2);
    expect(stats.routes["GET /ims/v2/images"]).toBeGreaterThan(2);
    expect(stats.routes["(no route)"] ?? 0).toBe(0);
  });
});

describe.runIf(haveKarbor)("python3-karborclient: a CSBS restore through data-protect", () => {
  it("karbor restore-create restores an available backup onto its server", {
    timeout: 120_000,
  }, async () => {
    const p = project();
    const item = p.csbs.items.find(
      (i) =>
        i.status === "available" &&
        i.volumeBackups.length > 0 &&
        p.servers.find((s) => s.id === i.resourceId)?.status === "ACTIVE",
    );
    if (!item) throw new Error("no available backup");
    const parameters = {
      checkpoint_item_id: item.id,
      power_on: true,
      targets: {
        server_id: item.resourceId,
        volumes: item.volumeBackups.map((v) => ({ backup_id: v.id, volume_id: v.sourceVolumeId })),
      },
    };
    // karborclient sends a domain id ("default" when none is given), so the account's id is set.
    const env = {
      ...osEnv(),
      OS_USER_DOMAIN_NAME: "",
      OS_PROJECT_DOMAIN_NAME: "",
      OS_USER_DOMAIN_ID: demoDomain.id,
      OS_PROJECT_DOMAIN_ID: demoDomain.id,
    };
    const { stdout } = await run(
      KARBOR,
      [
        "restore-create",
        "--parameters-json",
        JSON.stringify(parameters),
        "fc4d5750-22e7-4798-8a46-f48f62c4c1da",
        item.checkpointId,
      ],
      { env, timeout: 90_000 },
    );
    const field = (name: string) =>
      new RegExp(`^\\|\\s*${name}\\s*\\|\\s*(\\S+)`, "m").exec(stdout)?.[1];
    expect(field("status")).toBe("in_progress");
    expect(field("project_id")).toBe(projectId);
    const restoreId = field("id");
    const restore = project().csbs.restores.find((r) => r.id === restoreId);
    expect(restore).toMatchObject({
      checkpointItemId: item.id,
      serverId: item.resourceId,
      powerOn: true,
    });
    expect(project().csbs.items.find((i) => i.id === item.id)?.status).toBe("restoring");
  });
});

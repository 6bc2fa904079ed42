import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signRequest } from "../auth/signer";
import { loadConfig } from "./config";
import type { SimPorts } from "./endpoints";
import { demoAccessKey } from "./iam/directory";
import { createSim } from "./server";
import { startTestSim, type TestSim } from "./testing/start";

let sim: TestSim;
let token: string;
let projectId: string;
let ports: SimPorts;

const own = (service: keyof SimPorts, path: string) => `http://127.0.0.1:${ports[service]}${path}`;

beforeAll(async () => {
  sim = await startTestSim();
  ({ token, projectId } = await sim.adminToken());
  const p = sim.sim.ports();
  if (!p) throw new Error("no ports");
  ports = p;
});
afterAll(async () => {
  await sim.close();
});

const get = (url: string, headers: Record<string, string> = {}) =>
  fetch(url, { headers: { "x-auth-token": token, ...headers } });

describe("one port per service, each API at its root", () => {
  it("SIM_PORT=0 picks seven distinct free ports", () => {
    expect(new Set(Object.values(ports)).size).toBe(7);
    expect(String(ports.base)).toBe(new URL(sim.url).port);
  });

  it("every service answers at its own root; the old prefixed paths still answer", async () => {
    const cases: [keyof SimPorts, string, string, string][] = [
      ["csbs", `/v1/${projectId}/checkpoint_items?limit=1`, "/csbs", "checkpoint_items"],
      ["cbr", `/v3/${projectId}/backups?limit=1`, "/cbr", "backups"],
      ["ecs", `/v2.1/${projectId}/servers?limit=1`, "/ecs", "servers"],
      ["evs", `/v2/${projectId}/volumes?limit=1`, "/evs", "volumes"],
      ["evs3", `/v3/${projectId}/volumes?limit=1`, "/evs", "volumes"],
      ["ims", "/v2/images?limit=1", "/ims", "images"],
    ];
    for (const [service, path, mount, key] of cases) {
      const mine = await get(own(service, path));
      expect(mine.status, service).toBe(200);
      const body = (await mine.json()) as Record<string, unknown[]>;
      expect(body[key]?.length, service).toBe(1);
      const old = await get(`${sim.url}${mount}${path}`);
      expect(old.status, `${service} prefixed`).toBe(200);
    }
  });

  it("next links point at the port the client used", async () => {
    const ecs = (await (await get(own("ecs", `/v2.1/${projectId}/servers?limit=2`))).json()) as {
      servers_links: { href: string }[];
      servers: { links: { href: string }[] }[];
    };
    expect(ecs.servers_links[0]?.href).toMatch(
      new RegExp(`^${own("ecs", `/v2.1/${projectId}/servers\\?limit=2&marker=`)}`),
    );
    expect(ecs.servers[0]?.links[0]?.href).toContain(own("ecs", `/v2.1/${projectId}/servers/`));
    const csbs = (await (
      await get(own("csbs", `/v1/${projectId}/checkpoint_items?limit=2`))
    ).json()) as { checkpoint_items_links: { href: string }[] };
    expect(csbs.checkpoint_items_links[0]?.href).toMatch(
      new RegExp(`^${own("csbs", `/v1/${projectId}/checkpoint_items\\?`)}`),
    );
    const old = (await (await get(`${sim.url}/ecs/v2.1/${projectId}/servers?limit=2`)).json()) as {
      servers_links: { href: string }[];
    };
    expect(old.servers_links[0]?.href).toContain(`${sim.url}/ecs/v2.1/${projectId}/servers?`);
    const v3 = (await (await get(own("evs3", `/v3/${projectId}/volumes?limit=1`))).json()) as {
      volumes: { links: { href: string }[] }[];
    };
    expect(v3.volumes[0]?.links[0]?.href).toContain(own("evs3", `/v3/${projectId}/volumes/`));
  });

  it("faults and statistics see one path form, whichever port a request used", async () => {
    await fetch(`${sim.url}/_sim/stats/reset`, { method: "POST" });
    await fetch(`${sim.url}/_sim/faults`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify([
        { path: "/cbr/v3/*/vaults", status: 503, errorCode: "BackupService.9999", times: 1 },
      ]),
    });
    const faulted = await get(own("cbr", `/v3/${projectId}/vaults`));
    expect(faulted.status).toBe(503);
    expect(await faulted.json()).toMatchObject({ error_code: "BackupService.9999" });
    expect((await get(own("cbr", `/v3/${projectId}/vaults`))).status).toBe(200);
    const stats = (await (await fetch(`${sim.url}/_sim/stats`)).json()) as {
      routes: Record<string, number>;
    };
    expect(stats.routes["GET /cbr/v3/:project_id/vaults"]).toBe(2);
  });

  it("errors keep the service's shape and name the path the client sent", async () => {
    const cbr = await get(own("cbr", `/v3/${projectId}/nothing`));
    expect(cbr.status).toBe(404);
    expect(await cbr.json()).toEqual({
      error_code: "APIG.0101",
      error_msg: `No API at GET /v3/${projectId}/nothing.`,
    });
    const ecs = await get(own("ecs", `/v2.1/${projectId}/servers/detail`), {});
    expect(ecs.status).toBe(200);
    const none = await fetch(own("csbs", `/v1/${projectId}/checkpoint_items`));
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ error_code: "APIG.0301" });
  });

  it("an AK/SK signature over the own port's path is accepted", async () => {
    const url = own("cbr", `/v3/${projectId}/backups?limit=1`);
    const headers = { "X-Project-Id": projectId, Host: new URL(url).host };
    const signed = signRequest({ method: "GET", url, headers, body: "" }, demoAccessKey);
    const res = await fetch(url, { headers: { ...headers, ...signed } });
    expect(res.status).toBe(200);
  });
});

describe("IMS (Glance v2)", () => {
  it("version discovery at the root, without a token", async () => {
    const res = await fetch(own("ims", "/"));
    expect(res.status).toBe(300);
    const body = (await res.json()) as { versions: { id: string; links: { href: string }[] }[] };
    expect(body.versions[0]?.links[0]?.href).toBe(own("ims", "/v2/"));
  });

  it("lists the images the servers boot from, pages with marker and next, shows one", async () => {
    const servers = sim.ctx.state.projects[projectId]?.servers ?? [];
    const imageIds = new Set(servers.map((s) => s.imageId));
    const seen: string[] = [];
    let next: string | undefined = "/v2/images?limit=7";
    while (next) {
      const res = await get(own("ims", next));
      expect(res.status).toBe(200);
      const page = (await res.json()) as { images: { id: string }[]; next?: string };
      expect(page.images.length).toBeLessThanOrEqual(7);
      seen.push(...page.images.map((i) => i.id));
      next = page.next;
    }
    expect(new Set(seen)).toEqual(imageIds);
    expect(seen.length).toBe(imageIds.size);
    const first = servers[0];
    if (!first) throw new Error("no server");
    const one = await get(own("ims", `/v2/images/${first.imageId}`));
    expect(await one.json()).toMatchObject({
      id: first.imageId,
      name: first.metadata.image_name,
      status: "active",
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
    });
    expect((await get(own("ims", `/v2/images/${crypto.randomUUID()}`))).status).toBe(404);
    expect((await fetch(own("ims", "/v2/images"))).status).toBe(401);
  });
});

describe("ports in use", () => {
  it("names the busy port and frees the ones it took", async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, "127.0.0.1", () => r()));
    const address = blocker.address();
    if (!address || typeof address === "string") throw new Error("no port");
    // The blocker holds the CBR port (base + 2) of a simulator asked to start two below it.
    const config = {
      ...loadConfig({ SIM_PORT: String(address.port - 2), SIM_DATA_DIR: sim.dataDir }, []),
      host: "127.0.0.1",
    };
    const quiet = { info: () => {}, error: () => {} };
    const other = createSim(config, quiet);
    await expect(other.listen()).rejects.toThrow(`Port ${address.port} (CBR) is in use`);
    expect(other.ports()).toBeNull();
    await other.close();
    await new Promise<void>((r) => blocker.close(() => r()));
  });
});

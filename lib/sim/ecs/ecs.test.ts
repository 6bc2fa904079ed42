import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSim, type TestSim } from "../testing/start";

let sim: TestSim;
let headers: Record<string, string>;
let projectId: string;

beforeAll(async () => {
  sim = await startTestSim();
  const t = await sim.adminToken();
  projectId = t.projectId;
  headers = { "X-Auth-Token": t.token };
});
afterAll(async () => {
  await sim.close();
});

type NovaServer = {
  id: string;
  name: string;
  status: string;
  flavor: { id: string; name: string; vcpus: number; ram: number };
  addresses: Record<string, { addr: string; version: number; "OS-EXT-IPS:type": string }[]>;
  "OS-EXT-AZ:availability_zone": string;
  "os-extended-volumes:volumes_attached": { id: string }[];
  metadata: Record<string, string>;
  created: string;
  links: { rel: string; href: string }[];
};

type CinderVolume = {
  id: string;
  name: string;
  size: number;
  bootable: string;
  multiattach: boolean;
  status: string;
  volume_type: string;
  availability_zone: string;
  attachments: { server_id: string; device: string; attachment_id: string; volume_id: string }[];
};

const get = async <T>(path: string) => {
  const res = await fetch(`${sim.url}${path}`, { headers });
  return { status: res.status, body: (await res.json()) as T };
};

describe("ECS (Nova 2.1)", () => {
  it("servers/detail lists the seeded servers with Nova fields", async () => {
    const { status, body } = await get<{ servers: NovaServer[]; servers_links?: unknown }>(
      `/ecs/v2.1/${projectId}/servers/detail`,
    );
    expect(status).toBe(200);
    expect(body.servers_links).toBeUndefined();
    const servers = body.servers;
    expect(servers.length).toBeGreaterThanOrEqual(18);
    expect(servers.length).toBeLessThanOrEqual(25);
    for (const s of servers) {
      expect(s.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(["ACTIVE", "SHUTOFF", "ERROR"]).toContain(s.status);
      expect(s.flavor.vcpus).toBeGreaterThan(0);
      expect(s.created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      expect(s["OS-EXT-AZ:availability_zone"]).toMatch(/^eu-west-0[ab]$/);
      expect(Object.values(s.addresses).flat()[0]?.["OS-EXT-IPS:type"]).toBe("fixed");
    }
    const statuses = new Set(servers.map((s) => s.status));
    expect(statuses).toEqual(new Set(["ACTIVE", "SHUTOFF", "ERROR"]));
    expect(
      servers.filter((s) => s["os-extended-volumes:volumes_attached"].length === 0),
    ).toHaveLength(1);
    expect(
      servers.filter((s) => s.metadata["metering.cloudServiceType"] === "hws.service.type.bms"),
    ).toHaveLength(1);
    expect(new Set(servers.map((s) => s.flavor.name)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(servers.map((s) => s["OS-EXT-AZ:availability_zone"])).size).toBe(2);
  });

  it("filters by name (regex), status and availability zone", async () => {
    const web = await get<{ servers: NovaServer[] }>(
      `/ecs/v2.1/${projectId}/servers/detail?name=^web-`,
    );
    expect(web.body.servers.length).toBe(4);
    expect(web.body.servers.every((s) => s.name.startsWith("web-"))).toBe(true);
    const off = await get<{ servers: NovaServer[] }>(
      `/ecs/v2.1/${projectId}/servers/detail?status=SHUTOFF`,
    );
    expect(off.body.servers.map((s) => s.status)).toEqual(["SHUTOFF"]);
    const az = await get<{ servers: NovaServer[] }>(
      `/ecs/v2.1/${projectId}/servers/detail?availability_zone=eu-west-0a`,
    );
    expect(az.body.servers.length).toBeGreaterThan(0);
    expect(az.body.servers.every((s) => s["OS-EXT-AZ:availability_zone"] === "eu-west-0a")).toBe(
      true,
    );
    const bad = await get<{ badRequest: { code: number } }>(
      `/ecs/v2.1/${projectId}/servers/detail?name=(`,
    );
    expect(bad.status).toBe(400);
  });

  it("pages with limit/marker and servers_links, covering every server once", async () => {
    const all = await get<{ servers: NovaServer[] }>(`/ecs/v2.1/${projectId}/servers`);
    const seen: string[] = [];
    let next: string | undefined = `/ecs/v2.1/${projectId}/servers/detail?limit=7`;
    let pages = 0;
    while (next) {
      const page: {
        body: { servers: NovaServer[]; servers_links?: { rel: string; href: string }[] };
      } = await get(next);
      seen.push(...page.body.servers.map((s) => s.id));
      const href = page.body.servers_links?.find((l) => l.rel === "next")?.href;
      next = href ? href.slice(sim.url.length) : undefined;
      pages += 1;
    }
    expect(pages).toBe(Math.ceil(all.body.servers.length / 7));
    expect(seen).toEqual(all.body.servers.map((s) => s.id));
    const unknown = await get(`/ecs/v2.1/${projectId}/servers/detail?marker=nope`);
    expect(unknown.status).toBe(400);
    expect((await get(`/ecs/v2.1/${projectId}/servers?limit=-1`)).status).toBe(400);
  });

  it("servers (brief), servers/{id} and os-volume_attachments", async () => {
    const brief = await get<{ servers: { id: string; name: string; links: unknown[] }[] }>(
      `/ecs/v2.1/${projectId}/servers`,
    );
    expect(Object.keys(brief.body.servers[0] ?? {}).sort()).toEqual(["id", "links", "name"]);
    const detail = await get<{ servers: NovaServer[] }>(
      `/ecs/v2.1/${projectId}/servers/detail?name=^db-01$`,
    );
    const db = detail.body.servers[0];
    if (!db) throw new Error("db-01 missing");
    const one = await get<{ server: NovaServer }>(`/ecs/v2.1/${projectId}/servers/${db.id}`);
    expect(one.body.server).toEqual(db);
    const att = await get<{
      volumeAttachments: { id: string; volumeId: string; serverId: string; device: string }[];
    }>(`/ecs/v2.1/${projectId}/servers/${db.id}/os-volume_attachments`);
    expect(att.body.volumeAttachments[0]?.device).toBe("/dev/vda");
    expect(att.body.volumeAttachments.map((a) => a.volumeId)).toEqual(
      db["os-extended-volumes:volumes_attached"].map((v) => v.id),
    );
    expect(att.body.volumeAttachments.length).toBeGreaterThanOrEqual(2);
    const missing = await get<{ itemNotFound: { code: number } }>(
      `/ecs/v2.1/${projectId}/servers/nope`,
    );
    expect(missing.status).toBe(404);
    expect(missing.body.itemNotFound.code).toBe(404);
  });
});

describe("EVS (Cinder v2)", () => {
  it("volumes/detail: bootable as a string, attachments, one shared disk on two servers", async () => {
    const { status, body } = await get<{ volumes: CinderVolume[] }>(
      `/evs/v2/${projectId}/volumes/detail`,
    );
    expect(status).toBe(200);
    const volumes = body.volumes;
    expect(volumes.every((v) => v.bootable === "true" || v.bootable === "false")).toBe(true);
    const shared = volumes.filter((v) => v.multiattach);
    expect(shared).toHaveLength(1);
    expect(shared[0]?.attachments).toHaveLength(2);
    for (const v of volumes) {
      expect(v.status).toBe(v.attachments.length > 0 ? "in-use" : "available");
      for (const a of v.attachments) {
        expect(a.device).toMatch(/^\/dev\/vd[a-z]$/);
        expect(a.volume_id).toBe(v.id);
      }
      if (v.bootable === "true") expect(v.attachments[0]?.device).toBe("/dev/vda");
    }
    expect(volumes.some((v) => v.status === "available")).toBe(true);
  });

  it("volumes (brief), volumes/{id}, filters and paging", async () => {
    const all = await get<{ volumes: { id: string }[] }>(`/evs/v2/${projectId}/volumes`);
    const first = await get<{ volumes: CinderVolume[]; volumes_links?: { href: string }[] }>(
      `/evs/v2/${projectId}/volumes/detail?limit=5`,
    );
    expect(first.body.volumes).toHaveLength(5);
    expect(first.body.volumes_links?.[0]?.href).toContain(`marker=${first.body.volumes[4]?.id}`);
    const second = await get<{ volumes: CinderVolume[] }>(
      `/evs/v2/${projectId}/volumes/detail?limit=5&marker=${first.body.volumes[4]?.id}`,
    );
    expect(second.body.volumes.map((v) => v.id)).toEqual(
      all.body.volumes.slice(5, 10).map((v) => v.id),
    );
    const id = all.body.volumes[0]?.id ?? "";
    const one = await get<{ volume: CinderVolume }>(`/evs/v2/${projectId}/volumes/${id}`);
    expect(one.body.volume.id).toBe(id);
    expect(typeof one.body.volume.size).toBe("number");
    const boot = await get<{ volumes: CinderVolume[] }>(
      `/evs/v2/${projectId}/volumes/detail?bootable=true`,
    );
    expect(boot.body.volumes.every((v) => v.bootable === "true")).toBe(true);
    expect((await get(`/evs/v2/${projectId}/volumes/nope`)).status).toBe(404);
  });
});

import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCloudConfig, setCloudConfigForTests } from "@/lib/cloud/config";
import { defaultMapping } from "@/lib/restore";
import {
  type RestoreContextResponse,
  type RestoreStatus,
  ruleBackup,
  ruleTarget,
  type TargetResponse,
} from "@/lib/schemas/restore";
import type { TestSim } from "@/lib/sim/testing/start";
import { noParams, type RouteHarness, startRouteHarness } from "@/lib/testing/route-harness";
import { GET as status } from "./[key]/route";
import { GET as context } from "./backups/[backupId]/route";
import { POST as preflight } from "./preflight/route";
import { POST as submit } from "./route";
import { GET as target } from "./targets/[serverId]/route";

let h: RouteHarness;
let sim: TestSim;
let token = "";
let projectId = "";
const request: RouteHarness["request"] = (...args) => h.request(...args);

async function cloud<T>(path: string): Promise<T> {
  const res = await fetch(`${sim.url}${path}`, { headers: { "X-Auth-Token": token } });
  return (await res.json()) as T;
}

async function changes(route: string): Promise<number> {
  const stats = (await (await fetch(`${sim.url}/_sim/stats`)).json()) as {
    changeRoutes: Record<string, number>;
  };
  return stats.changeRoutes[route] ?? 0;
}

beforeAll(async () => {
  h = await startRouteHarness({ project: "eu-west-0", sim: { durations: { restoreMs: 1500 } } });
  sim = h.sim;
  ({ token, projectId } = await sim.adminToken());
});
afterAll(() => h.close());

type Item = { id: string; resource_id: string; extend_info: { resource_name: string } };

/** An available CSBS backup of a named server, newest first. */
async function csbsBackupOf(server: string): Promise<Item> {
  const list = await cloud<{ checkpoint_items: Item[] }>(
    `/csbs/v1/${projectId}/checkpoint_items?status=available&resource_name=${server}&limit=50`,
  );
  const item = list.checkpoint_items.find((i) => i.extend_info.resource_name === server);
  if (!item) throw new Error(`no available backup of ${server}`);
  return item;
}

async function loadContext(id: string, service = "csbs"): Promise<RestoreContextResponse> {
  const res = await context(request("GET", `/api/restores/backups/${id}?service=${service}`), {
    params: Promise.resolve({ backupId: id }),
  });
  expect(res.status).toBe(200);
  return res.json();
}

async function loadTarget(serverId: string): Promise<TargetResponse> {
  const res = await target(request("GET", `/api/restores/targets/${serverId}`), {
    params: Promise.resolve({ serverId }),
  });
  expect(res.status).toBe(200);
  return res.json();
}

async function defaults(ctx: RestoreContextResponse, serverId = ctx.backup.serverId) {
  const t = await loadTarget(serverId);
  return defaultMapping(ruleBackup(ctx.backup), ruleTarget(serverId, t.volumes));
}

async function follow(key: string): Promise<RestoreStatus> {
  for (let i = 0; i < 60; i++) {
    const res = await status(request("GET", `/api/restores/${key}`), {
      params: Promise.resolve({ key }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as RestoreStatus;
    if (body.state === "succeeded" || body.state === "failed") return body;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("the restore did not end");
}

describe("restore routes against the simulator", () => {
  it("describes a backup and every server with the reason it is not eligible", async () => {
    const item = await csbsBackupOf("db-01");
    const ctx = await loadContext(item.id);
    expect(ctx.backup).toMatchObject({ service: "csbs", status: "available", serverName: "db-01" });
    expect(ctx.backup.refusal).toBeUndefined();
    expect(ctx.backup.disks.filter((d) => d.bootable)).toHaveLength(1);
    expect(ctx.servers[0]).toMatchObject({ name: "db-01", original: true, reasons: [] });
    const reasons = Object.fromEntries(ctx.servers.map((s) => [s.name, s.reasons]));
    expect(reasons["pxe-01"]).toContain("no_disks");
    expect(reasons["build-01"]).toContain("state");
    expect(reasons["bms-01"]).toContain("other_type");
  });

  it("lists the target's disks with the system disk marked", async () => {
    const item = await csbsBackupOf("db-01");
    const t = await loadTarget(item.resource_id);
    expect(t.server.name).toBe("db-01");
    expect(t.volumes.filter((v) => v.system)).toHaveLength(1);
    expect(t.volumes.find((v) => v.system)?.device).toBe("/dev/vda");
  });

  it("runs the cloud's preflight check", async () => {
    const item = await csbsBackupOf("db-02");
    const ctx = await loadContext(item.id);
    const mappings = await defaults(ctx);
    const ok = await preflight(
      request("POST", "/api/restores/preflight", {
        backupId: item.id,
        serverId: item.resource_id,
        mappings,
      }),
      noParams,
    );
    expect(await ok.json()).toEqual({ ok: true });
    const bad = await preflight(
      request("POST", "/api/restores/preflight", {
        backupId: item.id,
        serverId: item.resource_id,
        mappings: mappings.slice(0, 1),
      }),
      noParams,
    );
    expect(await bad.json()).toMatchObject({ ok: false, code: "CSBS.6018" });
  });

  it("refuses a broken mapping at its row before the cloud, and gives the key back", async () => {
    const item = await csbsBackupOf("db-03");
    const ctx = await loadContext(item.id);
    const data = ctx.backup.disks.find((d) => !d.bootable);
    if (!data) throw new Error("db-03 has a data disk");
    // A partial mapping: the data disk backup is left out.
    const mappings = (await defaults(ctx)).filter((m) => m.backupId !== data.id);
    const before = await changes("POST /csbs/v1/:project_id/restores");
    const key = randomUUID();
    const body = {
      key,
      service: "csbs",
      backupId: item.id,
      serverId: item.resource_id,
      powerOn: true,
      mappings,
    };
    const res = await submit(request("POST", "/api/restores", body), noParams);
    expect(res.status).toBe(400);
    const error = (await res.json()).error;
    expect(error.code).toBe("CSBS.6018");
    expect(error.message).toContain("partial restore is not supported");
    expect(error.field).toBe(`mappings.${data.id}`);
    expect(await changes("POST /csbs/v1/:project_id/restores")).toBe(before);
    // The same wizard may now send the corrected mapping.
    const fixed = await submit(
      request("POST", "/api/restores", { ...body, mappings: await defaults(ctx) }),
      noParams,
    );
    expect(fixed.status).toBe(201);
    expect((await follow(key)).state).toBe("succeeded");
  });

  it("starts one restore per key, refuses a second one of the same backup, follows it", async () => {
    const item = await csbsBackupOf("app-01");
    const ctx = await loadContext(item.id);
    const mappings = await defaults(ctx);
    const key = randomUUID();
    const body = {
      key,
      service: "csbs",
      backupId: item.id,
      serverId: item.resource_id,
      powerOn: false,
      mappings,
    };
    const before = await changes("POST /csbs/v1/:project_id/restores");
    const [a, b] = await Promise.all([
      submit(request("POST", "/api/restores", body), noParams),
      submit(request("POST", "/api/restores", body), noParams),
    ]);
    const answers = [await a.json(), await b.json()] as RestoreStatus[];
    // The first is sent; the second finds it still on its way and is told to follow it.
    expect([a.status, b.status].sort()).toEqual([201, 202]);
    expect(answers.map((x) => x.state).sort()).toEqual(["running", "submitting"]);
    const again = await submit(request("POST", "/api/restores", body), noParams);
    expect(again.status).toBe(200);
    const first = answers.find((x) => x.restoreId);
    expect((await again.json()).restoreId).toBe(first?.restoreId);
    expect(await changes("POST /csbs/v1/:project_id/restores")).toBe(before + 1);

    const other = await submit(
      request("POST", "/api/restores", { ...body, key: randomUUID() }),
      noParams,
    );
    expect(other.status).toBe(409);
    expect((await other.json()).error.code).toBe("RESTORE_RUNNING");

    const mismatch = await submit(
      request("POST", "/api/restores", { ...body, powerOn: true }),
      noParams,
    );
    expect(mismatch.status).toBe(422);

    const end = await follow(key);
    expect(end).toMatchObject({ state: "succeeded", backupStatus: "available" });
    expect(await changes("POST /csbs/v1/:project_id/restores")).toBe(before + 1);
  });

  it("after a timeout answers in doubt, never resends, and adopts the restore once seen", async () => {
    const item = await csbsBackupOf("web-02");
    const ctx = await loadContext(item.id);
    const mappings = await defaults(ctx);
    setCloudConfigForTests(
      parseCloudConfig({ SIM_PORT: new URL(sim.url).port, CLOUD_TIMEOUT_MS: "800" }),
    );
    await fetch(`${sim.url}/_sim/faults`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify([
        { path: "/csbs/v1/*/restores", method: "POST", latencyMs: 1500, times: 1 },
      ]),
    });
    const before = await changes("POST /csbs/v1/:project_id/restores");
    const key = randomUUID();
    const body = {
      key,
      service: "csbs",
      backupId: item.id,
      serverId: item.resource_id,
      powerOn: true,
      mappings,
    };
    try {
      const first = await submit(request("POST", "/api/restores", body), noParams);
      expect(first.status).toBe(202);
      expect(((await first.json()) as RestoreStatus).state).toBe("in_doubt");
      const retry = await submit(request("POST", "/api/restores", body), noParams);
      expect(retry.status).toBe(202);
      expect(((await retry.json()) as RestoreStatus).state).toBe("in_doubt");
    } finally {
      setCloudConfigForTests(parseCloudConfig({ SIM_PORT: new URL(sim.url).port }));
      await fetch(`${sim.url}/_sim/faults`, { method: "DELETE" });
    }
    expect((await follow(key)).state).toBe("succeeded");
    expect(await changes("POST /csbs/v1/:project_id/restores")).toBe(before + 1);
  });

  it("restores a CBR server backup and follows its job", async () => {
    const list = await cloud<{
      backups: { id: string; resource_type: string; status: string; resource_id: string }[];
    }>(`/cbr/v3/${projectId}/backups?resource_type=OS::Nova::Server&status=available&limit=50`);
    const backups = list.backups.filter((b) => b.resource_type === "OS::Nova::Server");
    let chosen: {
      ctx: RestoreContextResponse;
      mappings: { backupId: string; volumeId: string }[];
    } | null = null;
    for (const b of backups) {
      const ctx = await loadContext(b.id, "cbr");
      const original = ctx.servers.find((s) => s.original);
      if (ctx.backup.refusal || !original || original.reasons.length > 0) continue;
      const mappings = await defaults(ctx);
      if (mappings.length === ctx.backup.disks.length) {
        chosen = { ctx, mappings };
        break;
      }
    }
    if (!chosen) throw new Error("no restorable CBR backup in the seed");
    const others = chosen.ctx.servers.filter((s) => !s.original);
    expect(others.every((s) => s.reasons.includes("not_source"))).toBe(true);
    const key = randomUUID();
    const res = await submit(
      request("POST", "/api/restores", {
        key,
        service: "cbr",
        backupId: chosen.ctx.backup.id,
        serverId: chosen.ctx.backup.serverId,
        powerOn: true,
        mappings: chosen.mappings,
      }),
      noParams,
    );
    expect(res.status).toBe(201);
    const started = (await res.json()) as RestoreStatus;
    expect(started.jobId).toBeDefined();
    expect((await follow(key)).state).toBe("succeeded");
  });
});

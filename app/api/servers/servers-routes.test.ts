import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type {
  BackupDetail,
  BackupListResponse,
  BackupNowResult,
  ServerRow,
  ServersResponse,
} from "@/lib/schemas/backups";
import {
  idParams,
  noParams,
  type RouteHarness,
  startRouteHarness,
} from "@/lib/testing/route-harness";
import { GET as getBackup } from "../backups/[id]/route";
import { GET as listBackups } from "../backups/route";
import { POST as backupNow } from "./backup/route";
import { GET as listServers } from "./route";

const CBR_CHECKPOINT = "POST /cbr/v3/:project_id/checkpoints";

let h: RouteHarness;

/** The change requests the console sent: CBR checkpoints, and every CSBS change. */
async function changes(): Promise<{ cbr: number; csbs: number }> {
  const changeRoutes = h.sim.changeRoutes();
  const csbs = Object.entries(changeRoutes)
    .filter(([route]) => route.startsWith("POST /csbs/"))
    .reduce((sum, [, n]) => sum + n, 0);
  return { cbr: changeRoutes[CBR_CHECKPOINT] ?? 0, csbs };
}

async function rows(): Promise<ServerRow[]> {
  const res = await listServers(h.request("GET", "/api/servers"), noParams);
  expect(res.status).toBe(200);
  return ((await res.json()) as ServersResponse).servers;
}

async function serverNamed(name: string): Promise<ServerRow> {
  const row = (await rows()).find((s) => s.name === name);
  if (!row) throw new Error(name);
  return row;
}

type Body = {
  servers: { id: string; excludeVolumes: string[] }[];
  name: string;
  description: string;
  full: boolean;
  tags: { key: string; value: string }[];
};
const body = (over: Partial<Body> & Pick<Body, "servers">): Body => ({
  name: "manualbk_now",
  description: "",
  full: false,
  tags: [],
  ...over,
});

async function post(b: Body) {
  const res = await backupNow(h.request("POST", "/api/servers/backup", b), noParams);
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

async function cbrBackupsNamed(name: string) {
  const res = await listBackups(
    h.request("GET", `/api/backups?service=cbr&name=${name}&size=100`),
    noParams,
  );
  return ((await res.json()) as BackupListResponse).items.filter((r) => r.name === name);
}

describe("back up now against the simulator (eu-west-0: both services)", () => {
  beforeAll(async () => {
    // Nothing finishes during the file: each test reads the backups it just started.
    h = await startRouteHarness({
      project: "eu-west-0",
      sim: { durations: { protectMs: 600_000 } },
    });
  });
  afterAll(() => h.close());

  it("says how each server is protected: its CSBS policy, its vault and the vault's CBR policy", async () => {
    const web = await serverNamed("web-02");
    expect(web.vault?.name).toBe("vault-prod-servers");
    expect(web.cbrPolicy).toMatchObject({ name: "daily-prod-0200utc", enabled: true });
    expect(web.csbsPolicy?.name).toBe("daily-0200");
    expect(web.protectable).toBe(true);
    const dev = await serverNamed("app-02");
    expect(dev.vault?.name).toBe("vault-dev-servers");
    expect(dev.cbrPolicy).toBeNull();
    const db = await serverNamed("db-02");
    expect(db.vault).toBeNull();
    expect(db.cbrPolicy).toBeNull();
    // A disk vault holds db-02's data disk, not the server: no vault of its own.
    expect((await rows()).filter((s) => s.vault).map((s) => s.name)).toEqual([
      "app-01",
      "app-02",
      "app-03",
      "app-04",
      "web-01",
      "web-02",
      "web-03",
      "web-04",
    ]);
  });

  it("backs up a server of a CBR vault with one CBR checkpoint of that vault and no CSBS call", async () => {
    const web = await serverNamed("web-02");
    const before = await changes();
    const { status, json } = await post(
      body({ servers: [{ id: web.id, excludeVolumes: [] }], name: "now_in_vault", full: true }),
    );
    expect(status).toBe(200);
    const [result] = json.results as [BackupNowResult];
    expect(result).toMatchObject({
      serverId: web.id,
      name: "now_in_vault",
      ok: true,
      service: "cbr",
      vault: { id: web.vault?.id, name: "vault-prod-servers" },
    });
    expect(result.checkpointId).toBeTruthy();
    expect(await changes()).toEqual({ cbr: before.cbr + 1, csbs: before.csbs });
    // One backup, of that server only, in that vault: the one the answer links to.
    const made = await cbrBackupsNamed("now_in_vault");
    expect(made.map((r) => [r.serverId, r.vaultId, r.checkpointId, r.auto])).toEqual([
      [web.id, web.vault?.id, result.checkpointId, false],
    ]);
    expect(result.backupId).toBe(made[0]?.id);
    // The row's last backup is now that CBR backup.
    expect((await serverNamed("web-02")).lastBackup).toMatchObject({
      id: result.backupId,
      service: "cbr",
      name: "now_in_vault",
    });
  });

  it("backs up a server outside vaults with CSBS, tags and left-out disks included", async () => {
    const db = await serverNamed("db-02");
    const dataDisk = db.disks.find((d) => !d.system);
    if (!dataDisk) throw new Error("db-02 has a data disk");
    const before = await changes();
    const { status, json } = await post(
      body({
        servers: [{ id: db.id, excludeVolumes: [dataDisk.id] }],
        name: "now_csbs",
        tags: [{ key: "team", value: "ops" }],
      }),
    );
    expect(status).toBe(200);
    const [result] = json.results as [BackupNowResult];
    expect(result).toMatchObject({ serverId: db.id, ok: true, service: "csbs" });
    expect(result.vault).toBeUndefined();
    expect(await changes()).toEqual({ cbr: before.cbr, csbs: before.csbs + 1 });
    const id = result.backupId ?? "";
    const detail = (await (
      await getBackup(h.request("GET", `/api/backups/${id}`), idParams(id))
    ).json()) as BackupDetail;
    expect(detail.row).toMatchObject({ name: "now_csbs", serverId: db.id, service: "csbs" });
    expect(detail.tags).toContainEqual({ key: "team", value: "ops" });
    expect(detail.disks.map((d) => d.sourceVolumeId)).not.toContain(dataDisk.id);
  });

  it("answers a mixed selection per server, in order, each with the service that took it", async () => {
    const [vaultServer, other] = [await serverNamed("web-03"), await serverNamed("db-03")];
    const before = await changes();
    const { status, json } = await post(
      body({
        servers: [
          { id: vaultServer.id, excludeVolumes: [] },
          { id: other.id, excludeVolumes: [] },
        ],
        name: "now_mixed",
      }),
    );
    expect(status).toBe(200);
    const results = json.results as BackupNowResult[];
    expect(results.map((r) => [r.serverId, r.name, r.ok, r.service])).toEqual([
      [vaultServer.id, "now_mixed-0001", true, "cbr"],
      [other.id, "now_mixed-0002", true, "csbs"],
    ]);
    expect(results[0]?.vault?.name).toBe("vault-prod-servers");
    expect(await changes()).toEqual({ cbr: before.cbr + 1, csbs: before.csbs + 1 });
  });

  it("refuses what a CBR backup cannot take, at its field, before sending anything", async () => {
    const [web, db] = [await serverNamed("web-04"), await serverNamed("db-01")];
    const disk = web.disks.find((d) => !d.system) ?? web.disks[0];
    const before = await changes();
    const cases: [Body, string][] = [
      [
        body({
          servers: [
            { id: db.id, excludeVolumes: [] },
            { id: web.id, excludeVolumes: [] },
          ],
          tags: [{ key: "team", value: "ops" }],
        }),
        "tags",
      ],
      [
        body({ servers: [{ id: web.id, excludeVolumes: [disk?.id ?? ""] }] }),
        "servers.0.excludeVolumes",
      ],
      // 64 characters are CBR's most; the suffix of two servers makes 65.
      [
        body({
          servers: [
            { id: web.id, excludeVolumes: [] },
            { id: db.id, excludeVolumes: [] },
          ],
          name: "n".repeat(60),
        }),
        "name",
      ],
    ];
    for (const [b, field] of cases) {
      const { status, json } = await post(b);
      expect(status, field).toBe(400);
      expect(json.error, field).toMatchObject({ code: "VALIDATION", field });
    }
    expect(await changes()).toEqual(before);
    // The same name for one server fits.
    const one = await post(
      body({ servers: [{ id: web.id, excludeVolumes: [] }], name: "n".repeat(64) }),
    );
    expect((one.json.results as BackupNowResult[])[0]).toMatchObject({ ok: true, service: "cbr" });
  });
});

describe("back up now in a region without CSBS (eu-de)", () => {
  beforeAll(async () => {
    h = await startRouteHarness({ project: "eu-de" });
  });
  afterAll(() => h.close());

  it("backs up a vault's server with CBR and refuses one outside vaults without asking CSBS", async () => {
    const all = await rows();
    // Not app-01: the seed leaves a backup of the production vault's last server running.
    const inVault = all.find((s) => s.vault && s.name.startsWith("web-"));
    const outside = all.find((s) => !s.vault && s.disks.length > 0);
    const busy = all.find((s) => s.name === "app-01");
    if (!inVault || !outside || !busy) throw new Error("eu-de has servers in and outside vaults");
    expect(inVault.protectable).toBe(true);
    expect(outside.protectable).toBe(false);
    expect(outside.reason).toContain("offers no CSBS");
    const before = await changes();
    const { status, json } = await post(
      body({
        servers: [
          { id: inVault.id, excludeVolumes: [] },
          { id: outside.id, excludeVolumes: [] },
          { id: busy.id, excludeVolumes: [] },
        ],
      }),
    );
    expect(status).toBe(200);
    const results = json.results as BackupNowResult[];
    // The third is refused by CBR itself (already being backed up), and says so as CBR's answer.
    expect(results.map((r) => [r.ok, r.service ?? null, r.error?.code ?? null])).toEqual([
      [true, "cbr", null],
      [false, null, "NO_ENDPOINT"],
      [false, "cbr", "BackupService.0001"],
    ]);
    expect(results[1]?.error?.message).toContain("add the server to a vault");
    expect(results[2]?.vault?.name).toBe("vault-prod-servers");
    expect(await changes()).toEqual({ cbr: before.cbr + 2, csbs: 0 });
  });
});

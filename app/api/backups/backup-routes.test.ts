import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type {
  BackupListResponse,
  BackupRow,
  OverviewResponse,
  ServersResponse,
} from "@/lib/schemas/backups";
import {
  idParams,
  noParams,
  type RouteHarness,
  startRouteHarness,
} from "@/lib/testing/route-harness";
import { GET as overview } from "../overview/route";
import { POST as backupNow } from "../servers/backup/route";
import { GET as servers } from "../servers/route";
import { GET as getOne, PATCH as rename } from "./[id]/route";
import { POST as remove } from "./delete/route";
import { GET as list } from "./route";

let h: RouteHarness;
const request: RouteHarness["request"] = (...args) => h.request(...args);

async function page(query: string): Promise<BackupListResponse> {
  const res = await list(request("GET", `/api/backups?${query}`), noParams);
  expect(res.status).toBe(200);
  return res.json();
}

beforeAll(async () => {
  // Nothing finishes during the file: the overview test compares counts taken at three moments, and
  // a backup that finishes between them (20 s by default, reached on a loaded machine) breaks it.
  h = await startRouteHarness({
    project: "eu-west-0",
    sim: { durations: { deleteMs: 600_000, protectMs: 600_000 } },
  });
});
afterAll(() => h.close());

describe("backup routes against the simulator", () => {
  it("pages CSBS backups with limit + offset, the total from the count, and policy names", async () => {
    const first = await page("size=10");
    expect(first.items).toHaveLength(10);
    expect(first.total).toBeGreaterThan(10);
    expect(first.groups.length).toBeGreaterThan(0);
    const second = await page("size=10&page=2");
    expect(second.total).toBe(first.total);
    const ids = new Set(first.items.map((r) => r.id));
    expect(second.items.some((r) => ids.has(r.id))).toBe(false);
    const created = [...first.items, ...second.items].map((r) => r.createdAt ?? "");
    expect(created).toEqual([...created].sort().reverse());
    expect(first.items.some((r) => r.policyName)).toBe(true);
  });

  it("filters by status with a matching total, and reports dropped values", async () => {
    const errors = await page("status=error&size=100&status=nope");
    expect(errors.items.length).toBeGreaterThan(0);
    expect(errors.items.every((r) => r.status === "error")).toBe(true);
    expect(errors.total).toBe(errors.items.length);
    expect(errors.items.some((r) => r.failReason)).toBe(true);
    expect(errors.dropped).toEqual([{ param: "status", value: "nope", reason: "unknownValue" }]);
  });

  it("sorts by name ascending", async () => {
    const sorted = await page("sort=name:asc&size=20");
    const names = sorted.items.map((r) => r.name);
    expect(names).toEqual([...names].sort());
  });

  it("lists CBR backups with several statuses and vault names", async () => {
    const cbr = await page("service=cbr&status=available&status=error&size=50");
    expect(cbr.items.length).toBeGreaterThan(0);
    expect(cbr.items.every((r) => r.status === "available" || r.status === "error")).toBe(true);
    expect(cbr.items.some((r) => r.vaultName)).toBe(true);
    expect(cbr.total).toBeGreaterThanOrEqual(cbr.items.length);
  });

  it("shows one CSBS and one CBR backup with everything the cloud returns", async () => {
    const [row] = (await page("status=available&size=10")).items as [BackupRow];
    const res = await getOne(request("GET", `/api/backups/${row.id}`), idParams(row.id));
    const detail = await res.json();
    expect(detail.row).toMatchObject({ service: "csbs", id: row.id, status: "available" });
    expect(detail.disks.length).toBeGreaterThan(0);
    expect(detail.disks.some((d: { system?: boolean }) => d.system)).toBe(true);
    expect(detail.server).toBeDefined();
    const [cbrRow] = (await page("service=cbr&size=10")).items as [BackupRow];
    const cbr = await (
      await getOne(request("GET", `/api/backups/${cbrRow.id}?service=cbr`), idParams(cbrRow.id))
    ).json();
    expect(cbr.row).toMatchObject({ service: "cbr", id: cbrRow.id });
    expect(cbr.row.vaultName).toBeTruthy();
  });

  it("asks for the policies once while the list polls, and again after a change of the session", async () => {
    const stats = async () =>
      (await (await fetch(`${h.sim.url}/_sim/stats`)).json()) as {
        routes: Record<string, number>;
      };
    const policyCalls = async () =>
      (await stats()).routes["GET /csbs/v1/:project_id/policies"] ?? 0;
    const before = await policyCalls();
    for (let i = 0; i < 3; i++) expect((await page("size=5")).groups.length).toBeGreaterThan(0);
    expect((await policyCalls()) - before).toBeLessThanOrEqual(1);
    const [row] = (await page("service=cbr&size=1")).items as [BackupRow];
    await rename(
      request("PATCH", `/api/backups/${row.id}`, { name: "poll-test" }),
      idParams(row.id),
    );
    const afterChange = await policyCalls();
    await page("size=5");
    expect((await policyCalls()) - afterChange).toBe(1);
  });

  it("renames a CBR backup, and puts a refused name at the field", async () => {
    const [row] = (await page("service=cbr&status=available&size=10")).items as [BackupRow];
    const ok = await rename(
      request("PATCH", `/api/backups/${row.id}`, { name: "renamed_by-test" }),
      idParams(row.id),
    );
    expect(ok.status).toBe(200);
    const shown = await (
      await getOne(request("GET", `/api/backups/${row.id}?service=cbr`), idParams(row.id))
    ).json();
    expect(shown.row.name).toBe("renamed_by-test");
    const bad = await rename(
      request("PATCH", `/api/backups/${row.id}`, { name: "no spaces" }),
      idParams(row.id),
    );
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.field).toBe("name");
  });

  it("deletes one backup: it moves to waiting_delete or deleting", async () => {
    const [row] = (await page("status=available&size=5")).items as [BackupRow];
    const res = await remove(
      request("POST", "/api/backups/delete", {
        service: "csbs",
        scope: "item",
        items: [{ id: row.id, checkpointId: row.checkpointId }],
      }),
      noParams,
    );
    expect(res.status).toBe(200);
    expect((await res.json()).results).toEqual([{ id: row.id, ok: true }]);
    const after = await (
      await getOne(request("GET", `/api/backups/${row.id}`), idParams(row.id))
    ).json();
    expect(["waiting_delete", "deleting"]).toContain(after.row.status);
  });

  it("lists servers with disks, policy, last backup and the protectable verdict", async () => {
    const res = await servers(request("GET", "/api/servers"), noParams);
    expect(res.status).toBe(200);
    const body: ServersResponse = await res.json();
    expect(body.servers.length).toBeGreaterThanOrEqual(20);
    const web = body.servers.find((s) => s.name === "web-01");
    expect(web?.disks.some((d) => d.system)).toBe(true);
    expect(body.servers.some((s) => s.policy)).toBe(true);
    expect(body.servers.some((s) => s.lastBackup)).toBe(true);
    const noDisk = body.servers.find((s) => s.name === "pxe-01");
    expect(noDisk?.protectable).toBe(false);
    expect(noDisk?.reason).toBeTruthy();
  });

  it("backs up two servers now with one request: suffixed names, new backups protecting", async () => {
    const list: ServersResponse = await (
      await servers(request("GET", "/api/servers"), noParams)
    ).json();
    // Servers outside CBR vaults: CSBS backs them up (app/api/servers has the CBR side).
    const picked = list.servers
      .filter((s) => s.protectable && !s.vault && s.name.startsWith("db-"))
      .slice(0, 2);
    expect(picked).toHaveLength(2);
    const dataDisk = picked[0]?.disks.find((d) => !d.system);
    const res = await backupNow(
      request("POST", "/api/servers/backup", {
        servers: picked.map((s, i) => ({
          id: s.id,
          excludeVolumes: i === 0 && dataDisk ? [dataDisk.id] : [],
        })),
        name: "manualbk_test",
        description: "from a test",
        full: true,
        tags: [{ key: "team", value: "ops" }],
      }),
      noParams,
    );
    expect(res.status).toBe(200);
    const { results } = await res.json();
    expect(
      results.map((r: { name: string; ok: boolean; service: string }) => [r.name, r.ok, r.service]),
    ).toEqual([
      ["manualbk_test-0001", true, "csbs"],
      ["manualbk_test-0002", true, "csbs"],
    ]);
    const running = await page("status=protecting&size=100&name=manualbk_test");
    expect(running.items.map((r) => r.name).sort()).toEqual([
      "manualbk_test-0001",
      "manualbk_test-0002",
    ]);
    expect(running.items.every((r) => r.incremental === false && r.auto === false)).toBe(true);
  });

  it("gives the overview's counts of both services, equal to the list totals", async () => {
    // Seeded policies fire on their UTC schedule during the file, each adding protecting backups;
    // nothing finishes (protectMs above). So the overview's figure lies between the list totals
    // taken just before and just after it, and equals them whenever no policy fired in between.
    // CBR counts a tile's states together (its status filter repeats).
    const lists = [
      { service: "csbs", status: "available", query: "status=available" },
      { service: "csbs", status: "error", query: "status=error" },
      { service: "csbs", status: "protecting", query: "status=protecting" },
      { service: "cbr", status: "available", query: "service=cbr&status=available" },
      {
        service: "cbr",
        status: "protecting",
        query: "service=cbr&status=waiting_protect&status=protecting",
      },
    ] as const;
    const totals = () =>
      Promise.all(lists.map(async (l) => (await page(`${l.query}&size=10`)).total));
    const before = await totals();
    const res = await overview(request("GET", "/api/overview"), noParams);
    expect(res.status).toBe(200);
    const body: OverviewResponse = await res.json();
    const after = await totals();
    for (const [i, l] of lists.entries()) {
      const shown =
        body.counts.find((c) => c.service === l.service && c.status === l.status)?.count ?? -1;
      expect(shown, l.query).toBeGreaterThanOrEqual(before[i] ?? 0);
      expect(shown, l.query).toBeLessThanOrEqual(after[i] ?? 0);
    }
    expect(body.counts.find((c) => c.service === "cbr" && c.status === "available")?.count).toBe(
      before[3],
    );
    expect(before[3]).toBeGreaterThan(0);
    expect(body.quotas.some((q) => q.type === "backups")).toBe(true);
    expect(body.coverage.servers).toBeGreaterThanOrEqual(20);
    expect(body.coverage.withoutPolicy.length).toBeGreaterThan(0);
    expect(body.daily).toHaveLength(14);
    expect(body.failures.count).toBeGreaterThanOrEqual(body.failures.items.length);
  });
});

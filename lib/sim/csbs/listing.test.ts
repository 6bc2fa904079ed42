import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CsbsClient, PROVIDER_ID, startCsbs } from "./test-kit";
import type { CsbsItem } from "./types";

// List and count backups with every documented filter, sort, limit, marker and offset, on the
// large data set (about 10,000 backups).

let t: CsbsClient;
let items: CsbsItem[];

beforeAll(async () => {
  // Long durations: nothing finishes while a test compares the listing with the state.
  const hour = 3_600_000;
  t = await startCsbs({
    env: { SIM_SCALE: "large" },
    durations: { protectMs: hour, restoreMs: hour, deleteMs: hour },
  });
  items = t.sim.ctx.state.projects[t.projectId]?.csbs.items ?? [];
}, 60_000);
afterAll(() => t.close());

const list = async (query: string) => {
  const r = await t.call("GET", `/checkpoint_items?${query}`);
  expect(r.status, r.text).toBe(200);
  return r.body.checkpoint_items as { id: string; [k: string]: unknown }[];
};
const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
const countOf = async (query: string) =>
  (await t.call("GET", `/checkpoint_items/count?${query}`)).body.count as number;
const live = () => items.filter((i) => i.status !== "deleted");
const newestFirst = (rows: CsbsItem[]) =>
  [...rows].sort((a, b) =>
    a.createdAt !== b.createdAt ? (a.createdAt < b.createdAt ? 1 : -1) : a.id < b.id ? 1 : -1,
  );

describe("the large data set", () => {
  it("has about 10,000 backups", () => {
    expect(items.length).toBeGreaterThanOrEqual(10_000);
  });

  // How fast a page is at this size is measured by `npm run bench` (scripts/bench-sim.ts), not
  // asserted here: a timed test fails on a slow or busy machine.
  it("answers a page of 50 at any depth (default order, filtered, marker deep in the list)", async () => {
    const deep = newestFirst(live())[8_000];
    for (const q of [
      "limit=50",
      "limit=50&status=available",
      `limit=50&marker=${deep?.id}`,
      "limit=50&sort=name:asc",
      "limit=50&resource_name=db&offset=200",
    ]) {
      expect((await list(q)).length, q).toBe(50);
    }
    expect(ids(await list(`limit=50&marker=${deep?.id}`))).toEqual(
      ids(newestFirst(live()).slice(8_001, 8_051)),
    );
  });
});

describe("paging", () => {
  it("defaults to 1000 newest first, without deleted backups", async () => {
    const rows = await list("");
    expect(rows).toHaveLength(1000);
    expect(ids(rows)).toEqual(ids(newestFirst(live()).slice(0, 1000)));
  });

  it("walks every page with marker and the next link, exactly once each", async () => {
    const seen: string[] = [];
    let query = "limit=1000&status=available";
    for (let guard = 0; guard < 100; guard++) {
      const r = await t.call("GET", `/checkpoint_items?${query}`);
      seen.push(...ids(r.body.checkpoint_items));
      const next = r.body.checkpoint_items_links?.[0];
      if (!next) break;
      expect(next.rel).toBe("next");
      query = new URL(next.href).search.slice(1);
    }
    const expected = ids(newestFirst(items.filter((i) => i.status === "available")));
    expect(seen).toEqual(expected);
  });

  it("applies offset after the marker", async () => {
    const all = ids(newestFirst(live()));
    expect(ids(await list(`limit=5&offset=10`))).toEqual(all.slice(10, 15));
    expect(ids(await list(`limit=5&offset=3&marker=${all[19]}`))).toEqual(all.slice(23, 28));
  });

  it("keeps a marker usable when it no longer matches the filter", async () => {
    const errors = newestFirst(items.filter((i) => i.status === "error"));
    const available = newestFirst(items.filter((i) => i.status === "available"));
    const marker = errors[3];
    if (!marker) throw new Error("no error backups");
    const rows = await list(`status=available&limit=3&marker=${marker.id}`);
    const expected = available.filter((i) => i.createdAt < marker.createdAt).slice(0, 3);
    expect(ids(rows)).toEqual(ids(expected));
  });

  it("sorts by any documented key, both ways, with a marker", async () => {
    const byName = [...live()].sort((a, b) =>
      a.name !== b.name
        ? a.name < b.name
          ? -1
          : 1
        : a.createdAt !== b.createdAt
          ? a.createdAt < b.createdAt
            ? -1
            : 1
          : a.id < b.id
            ? -1
            : 1,
    );
    expect(ids(await list("sort=name:asc&limit=20"))).toEqual(ids(byName.slice(0, 20)));
    expect(ids(await list(`sort=name:asc&limit=20&marker=${byName[19]?.id}`))).toEqual(
      ids(byName.slice(20, 40)),
    );
    const oldest = await list("sort=created_at:asc&limit=3");
    expect(ids(oldest)).toEqual(ids([...newestFirst(live())].reverse().slice(0, 3)));
    const byStatus = await list("sort=status,created_at:desc&limit=30");
    const statuses = byStatus.map((r) => r.status as string);
    expect(statuses).toEqual([...statuses].sort().reverse());
    for (const key of ["updated_at", "protected_at", "id"]) {
      expect((await t.call("GET", `/checkpoint_items?sort=${key}:asc&limit=2`)).status).toBe(200);
    }
  });
});

describe("filters (list and count agree)", () => {
  // Picked once: the expectations below call these for every item.
  const memo = new Map<string, CsbsItem>();
  const pick = (key: string, keep: (i: CsbsItem) => boolean) => {
    if (!memo.has(key)) {
      const found = live().find((i) => i.status === "available" && keep(i));
      if (!found) throw new Error(`no backup for ${key}`);
      memo.set(key, found);
    }
    return memo.get(key) as CsbsItem;
  };
  const some = () => pick("policy", (i) => i.policyId !== null);
  const withIp = () => pick("ip", (i) => i.backupData.eip !== "");

  const cases: [string, () => string, (i: CsbsItem) => boolean][] = [
    ["status", () => "status=error", (i) => i.status === "error"],
    ["status=deleted", () => "status=deleted", (i) => i.status === "deleted"],
    ["fuzzy name", () => "name=BK_", (i) => i.name.toLowerCase().includes("bk_")],
    ["az", () => `az=${some()?.resourceAz}`, (i) => i.resourceAz === some()?.resourceAz],
    [
      "resource id",
      () => `resource_id=${some()?.resourceId}`,
      (i) => i.resourceId === some()?.resourceId,
    ],
    [
      "fuzzy resource name",
      () => "resource_name=DB-0",
      (i) => i.resourceName.toLowerCase().includes("db-0"),
    ],
    ["image type", () => "image_type=backup", (i) => i.imageType === "backup"],
    ["policy id", () => `policy_id=${some()?.policyId}`, (i) => i.policyId === some()?.policyId],
    [
      "checkpoint id",
      () => `checkpoint_id=${some()?.checkpointId}`,
      (i) => i.checkpointId === some()?.checkpointId,
    ],
    [
      "resource type",
      () => "resource_type=OS::Nova::Server",
      (i) => i.resourceType === "OS::Nova::Server",
    ],
    [
      "ip (private or elastic)",
      () => `ip=${withIp().backupData.eip}`,
      (i) =>
        i.backupData.eip === withIp().backupData.eip ||
        i.backupData.privateIp === withIp().backupData.eip,
    ],
  ];

  it.each(cases)("%s", async (_what, query, keep) => {
    const expected = newestFirst(
      items.filter((i) => keep(i) && (query().startsWith("status=") || i.status !== "deleted")),
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(await countOf(query())).toBe(expected.length);
    expect(ids(await list(`${query()}&limit=200`))).toEqual(ids(expected.slice(0, 200)));
  });

  it("start_time and end_time bound the creation time (no zone means UTC)", async () => {
    const sorted = newestFirst(live());
    const from = sorted[3000];
    const to = sorted[1000];
    if (!from || !to) throw new Error("fixture");
    const noZone = (iso: string) => iso.replace("Z", "").replace(/\.(\d{3})$/, ".$1000");
    const query = `start_time=${noZone(from.createdAt)}&end_time=${noZone(to.createdAt)}&limit=10000`;
    const rows = await list(query);
    expect(ids(rows)).toEqual(ids(sorted.slice(1000, 3001)));
    expect(await countOf(query)).toBe(2001);
    const spaced = `start_time=${from.createdAt.slice(0, 10)} 00:00:00&limit=1`;
    expect((await t.call("GET", `/checkpoint_items?${spaced}`)).status).toBe(200);
  });

  it("combines filters", async () => {
    const item = some();
    const q = `status=available&resource_id=${item?.resourceId}&name=bk`;
    const expected = items.filter(
      (i) => i.status === "available" && i.resourceId === item?.resourceId && i.name.includes("bk"),
    );
    expect(await countOf(q)).toBe(expected.length);
  });
});

describe("the other operations at scale", () => {
  it("still backs up and deletes among 10,000 backups", async () => {
    const server = t.sim.ctx.state.projects[t.projectId]?.servers.find(
      (s) => s.status === "SHUTOFF" && s.volumeIds.length > 0,
    );
    if (!server) throw new Error("no stopped server");
    // A stopped server can be backed up (CSBS backs up stopped ECSs).
    const r = await t.call("POST", `/providers/${PROVIDER_ID}/resources/${server.id}/action`, {
      protect: {},
    });
    expect(r.status, r.text).toBe(200);
    const first = (await list("limit=1"))[0];
    expect(first?.resource_id).toBe(server.id);
  });
});

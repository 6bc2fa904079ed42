import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CsbsClient, eventually, PROVIDER_ID, servers, startCsbs } from "./test-kit";

// Lifecycles over real HTTP with short durations: the ticker really runs; schedules are driven by
// moving the simulated clock through POST /_sim/clock.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let t: CsbsClient;
let s: ReturnType<typeof servers>;

beforeAll(async () => {
  t = await startCsbs({
    durations: { protectMs: 800, restoreMs: 600, deleteMs: 1_500, tickMs: 40 },
  });
  s = servers(t);
});
afterAll(() => t.close());

const item = async (id: string) =>
  (await t.call("GET", `/checkpoint_items/${id}`)).body.checkpoint_item;
const count = async (status: string) =>
  (await t.call("GET", `/checkpoint_items/count?status=${status}`)).body.count as number;

describe("protect → available", () => {
  it("goes protecting with rising progress, then available with sizes", async () => {
    const server = s.free[0];
    if (!server) throw new Error("no free server");
    const r = await t.call("POST", `/providers/${PROVIDER_ID}/resources/${server.id}/action`, {
      protect: { backup_name: "lifecycle" },
    });
    expect(r.status).toBe(200);
    const list = await t.call("GET", `/checkpoint_items?checkpoint_id=${r.body.checkpoint.id}`);
    const id = list.body.checkpoint_items[0].id;
    const seen: number[] = [];
    const done = await eventually(
      async () => {
        const i = await item(id);
        if (i.status === "protecting") seen.push(i.extend_info.progress);
        return i;
      },
      (i) => i.status === "available",
    );
    expect(seen.length).toBeGreaterThan(1);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(Math.max(...seen)).toBeGreaterThan(0);
    expect(Math.max(...seen)).toBeLessThan(100);
    expect(done.extend_info.progress).toBe(100);
    expect(done.extend_info.size).toBeGreaterThan(0);
    expect(done.extend_info.finished_at).not.toBe("");
    expect(done.extend_info.supported_restore_mode).toBe("backup");
  });
});

describe("restore → restoring → available", () => {
  it("puts the backup in restoring and back", async () => {
    const busy = new Set(
      s.project.csbs.restores.filter((r) => r.status === "in_progress").map((r) => r.serverId),
    );
    const target = s.project.csbs.items.find(
      (i) =>
        i.status === "available" &&
        !busy.has(i.resourceId) &&
        s.project.servers.some((x) => x.id === i.resourceId),
    );
    if (!target) throw new Error("no available backup");
    const r = await t.call("POST", "/restores", {
      restore: {
        provider_id: PROVIDER_ID,
        checkpoint_id: target.checkpointId,
        parameters: {
          checkpoint_item_id: target.id,
          power_on: false,
          targets: {
            server_id: target.resourceId,
            volumes: target.volumeBackups.map((v) => ({
              backup_id: v.id,
              volume_id: v.sourceVolumeId,
            })),
          },
        },
      },
    });
    expect(r.status).toBe(200);
    expect((await item(target.id)).status).toBe("restoring");
    // Neither restorable again nor deletable while restoring.
    const del = await t.call(
      "DELETE",
      `/providers/${PROVIDER_ID}/checkpoints/${target.checkpointId}`,
    );
    expect(del.body.error_code).toBe("CSBS.2003");
    await eventually(
      () => item(target.id),
      (i) => i.status === "available",
    );
    const restore = s.project.csbs.restores.find((x) => x.id === r.body.restore.id);
    expect(restore?.status).toBe("success");
    // Restored with power_on false: the server stays stopped.
    expect(s.project.servers.find((x) => x.id === target.resourceId)?.status).toBe("SHUTOFF");
  });
});

describe("delete queue", () => {
  it("runs at most five deletes at once; the others wait, then all go", async () => {
    // Let the seeded deletes finish first.
    await eventually(
      async () => (await count("deleting")) + (await count("waiting_delete")),
      (n) => n === 0,
    );
    const victims = s.project.csbs.items.filter((i) => i.status === "available").slice(0, 7);
    expect(victims).toHaveLength(7);
    for (const v of victims) {
      const r = await t.call(
        "DELETE",
        `/providers/${PROVIDER_ID}/checkpoints/${v.checkpointId}?checkpoint_items=${v.id}`,
      );
      expect(r.status).toBe(200);
    }
    const statuses = await Promise.all(victims.map(async (v) => (await item(v.id)).status));
    expect(statuses.filter((x) => x === "deleting")).toHaveLength(5);
    expect(statuses.filter((x) => x === "waiting_delete")).toHaveLength(2);
    // The first five requested are the ones running.
    expect(statuses.slice(0, 5)).toEqual(Array(5).fill("deleting"));

    let maxRunning = 0;
    await eventually(
      async () => {
        const running = await count("deleting");
        maxRunning = Math.max(maxRunning, running);
        return Promise.all(victims.map((v) => t.call("GET", `/checkpoint_items/${v.id}`)));
      },
      (answers) => answers.every((a) => a.status === 404),
      10_000,
    );
    expect(maxRunning).toBeLessThanOrEqual(5);
    const deleted = await t.call("GET", "/checkpoint_items?status=deleted");
    const ids = deleted.body.checkpoint_items.map((i: { id: string }) => i.id);
    for (const v of victims) expect(ids).toContain(v.id);
  });
});

/** A fresh policy on free servers, firing daily at a UTC time one hour from the simulated now. */
async function dailyPolicy(
  members: { id: string; name: string }[],
  definition: Record<string, unknown>,
  enabled = true,
) {
  const clock = await (await fetch(`${t.sim.url}/_sim/clock`)).json();
  const at = new Date(Date.parse(clock.now) + HOUR);
  const pattern = `BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nRRULE:FREQ=DAILY;BYHOUR=${at.getUTCHours()};BYMINUTE=${at.getUTCMinutes()}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n`;
  const r = await t.call("POST", "/policies", {
    policy: {
      name: `daily-${Math.random().toString(36).slice(2, 8)}`,
      provider_id: PROVIDER_ID,
      parameters: { common: {} },
      resources: members.map((m) => ({ id: m.id, type: "OS::Nova::Server", name: m.name })),
      scheduled_operations: [
        {
          enabled,
          operation_type: "backup",
          operation_definition: definition,
          trigger: { properties: { pattern } },
        },
      ],
    },
  });
  expect(r.status, r.text).toBe(200);
  return r.body.policy.id as string;
}

const autoItems = async (policyId: string) =>
  (await t.call("GET", `/checkpoint_items?policy_id=${policyId}&sort=created_at:asc`)).body
    .checkpoint_items as {
    id: string;
    status: string;
    resource_id: string;
    extend_info: { auto_trigger: boolean };
  }[];

describe("schedules and retention", () => {
  it("fires an enabled policy at its UTC time, one auto_trigger backup per member", async () => {
    const members = [s.free[1], s.free[2]].filter((x) => x !== undefined);
    expect(members).toHaveLength(2);
    const enabled = await dailyPolicy(members.slice(0, 1), { max_backups: 5 });
    const disabled = await dailyPolicy(members.slice(1), { max_backups: 5 }, false);
    await t.advance(HOUR / 2);
    expect(await autoItems(enabled)).toHaveLength(0);
    await t.advance(HOUR / 2 + 60_000);
    const fired = await autoItems(enabled);
    expect(fired).toHaveLength(1);
    expect(fired[0]).toMatchObject({
      resource_id: members[0]?.id,
      extend_info: { auto_trigger: true },
    });
    expect(await autoItems(disabled)).toHaveLength(0);
    // Nothing more until the same time tomorrow.
    await t.advance(HOUR);
    expect(await autoItems(enabled)).toHaveLength(1);
    await t.advance(DAY);
    expect(await autoItems(enabled)).toHaveLength(2);
    await t.call("DELETE", `/policies/${enabled}`);
    await t.call("DELETE", `/policies/${disabled}`);
  });

  it("prunes beyond max_backups through the delete queue", async () => {
    const member = s.free[3];
    if (!member) throw new Error("no free server");
    const policy = await dailyPolicy([member], { max_backups: 2 });
    for (let n = 0; n < 4; n++) await t.advance(DAY);
    const items = await autoItems(policy);
    const kept = items.filter((i) => i.status === "available" || i.status === "protecting");
    const going = items.filter((i) => ["waiting_delete", "deleting"].includes(i.status));
    expect(kept).toHaveLength(2);
    expect(going).toHaveLength(items.length - 2);
    expect(going.length).toBeGreaterThan(0);
    await t.call("DELETE", `/policies/${policy}`);
  });

  it("prunes backups older than retention_duration_days", async () => {
    const member = s.free[4];
    if (!member) throw new Error("no free server");
    const policy = await dailyPolicy([member], { retention_duration_days: 2, max_backups: -1 });
    for (let n = 0; n < 5; n++) await t.advance(DAY);
    const items = await autoItems(policy);
    const kept = items.filter((i) => i.status === "available" || i.status === "protecting");
    // Five daily runs; at the last one, the runs of the two days before have reached their two
    // days (or more) and expire: only the last two remain.
    expect(kept).toHaveLength(2);
    expect(items.length).toBeGreaterThan(2);
    await t.call("DELETE", `/policies/${policy}`);
  });

  it("keeps everything when permanent is true, whatever max_backups says", async () => {
    const member = s.free[5] ?? s.free[0];
    if (!member) throw new Error("no free server");
    const policy = await dailyPolicy([member], { max_backups: 1, permanent: true });
    for (let n = 0; n < 3; n++) await t.advance(DAY);
    const items = await autoItems(policy);
    expect(items).toHaveLength(3);
    expect(items.every((i) => i.status === "available" || i.status === "protecting")).toBe(true);
    await t.call("DELETE", `/policies/${policy}`);
  });

  it("never prunes manual backups of the policy", async () => {
    const member = s.free[6] ?? s.free[1];
    if (!member) throw new Error("no free server");
    const policy = await dailyPolicy([member], { max_backups: 1 });
    const manual = await t.call("POST", `/providers/${PROVIDER_ID}/checkpoints`, {
      checkpoint: { plan_id: policy, parameters: { auto_trigger: false } },
    });
    expect(manual.status).toBe(200);
    for (let n = 0; n < 3; n++) await t.advance(DAY);
    const items = await autoItems(policy);
    const manualItem = items.find((i) => !i.extend_info.auto_trigger);
    expect(manualItem?.status).toBe("available");
    await t.call("DELETE", `/policies/${policy}`);
  });
});

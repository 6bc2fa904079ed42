import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Call, type CsbsClient, PROVIDER_ID, servers, startCsbs } from "./test-kit";
import type { CsbsItem } from "./types";

// Each §6.2 error code a request can provoke, with its status and the CSBS error body; and the
// checks (check_protectable / check_restorable) agreeing with the operations they predict.

let t: CsbsClient;
let s: ReturnType<typeof servers>;

beforeAll(async () => {
  t = await startCsbs({ durations: { protectMs: 600_000, restoreMs: 600_000, deleteMs: 600_000 } });
  s = servers(t);
});
afterAll(() => t.close());

function expectError(r: Call, status: number, code: string) {
  expect({ status: r.status, code: r.body?.error_code }).toEqual({ status, code });
  expect(typeof r.body.error_msg).toBe("string");
  expect(Object.keys(r.body).sort()).toEqual(["error_code", "error_msg"]);
}

const PATTERN = (rrule: string) =>
  `BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nRRULE:${rrule}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n`;

function policyBody(overrides: Record<string, unknown> = {}, op: Record<string, unknown> = {}) {
  return {
    policy: {
      name: `p-${Math.random().toString(36).slice(2, 8)}`,
      provider_id: PROVIDER_ID,
      parameters: { common: {} },
      resources: [],
      scheduled_operations: [
        {
          enabled: true,
          operation_type: "backup",
          operation_definition: { max_backups: 5 },
          trigger: { properties: { pattern: PATTERN("FREQ=DAILY;BYHOUR=1;BYMINUTE=0") } },
          ...op,
        },
      ],
      ...overrides,
    },
  };
}

const protect = (serverId: string, body: unknown = { protect: {} }) =>
  t.call("POST", `/providers/${PROVIDER_ID}/resources/${serverId}/action`, body);

const checkProtectable = async (serverId: string) => {
  const r = await t.call("POST", `/providers/${PROVIDER_ID}/resources/action`, {
    check_protectable: [{ resource_id: serverId, resource_type: "OS::Nova::Server" }],
  });
  return r.body.protectable[0];
};

type Mapping = { backup_id: string; volume_id: string };

const restore = (item: CsbsItem, serverId: string, volumes: Mapping[]) =>
  t.call("POST", "/restores", {
    restore: {
      provider_id: PROVIDER_ID,
      checkpoint_id: item.checkpointId,
      parameters: {
        checkpoint_item_id: item.id,
        power_on: true,
        targets: { server_id: serverId, volumes },
      },
    },
  });

const checkRestorable = async (item: CsbsItem, serverId: string, volumes: Mapping[]) => {
  const r = await t.call("POST", `/providers/${PROVIDER_ID}/resources/action`, {
    check_restorable: [
      {
        checkpoint_item_id: item.id,
        target: { resource_id: serverId, resource_type: "OS::Nova::Server", volumes },
      },
    ],
  });
  return r.body.restorable[0];
};

/** A restore that fails, and check_restorable predicting the same code. */
async function expectRestoreError(
  item: CsbsItem,
  serverId: string,
  volumes: Mapping[],
  status: number,
  code: string,
) {
  const check = await checkRestorable(item, serverId, volumes);
  expect(check).toMatchObject({ result: false, error_code: code });
  expectError(await restore(item, serverId, volumes), status, code);
}

const sameVolumes = (item: CsbsItem): Mapping[] =>
  item.volumeBackups.map((v) => ({ backup_id: v.id, volume_id: v.sourceVolumeId }));

function availableWithData(az?: string): CsbsItem {
  // Not onto a server that a restore is still writing to (that would be CSBS.6015).
  const busy = new Set(
    s.project.csbs.restores.filter((r) => r.status === "in_progress").map((r) => r.serverId),
  );
  const item = s.project.csbs.items.find(
    (i) =>
      i.status === "available" &&
      !busy.has(i.resourceId) &&
      i.resourceType === "OS::Nova::Server" &&
      (az === undefined || i.resourceAz === az) &&
      i.volumeBackups.length >= 2 &&
      s.project.servers.some((srv) => srv.id === i.resourceId),
  );
  if (!item) throw new Error("no available backup with a data disk");
  return item;
}

describe("back up a resource and check_protectable", () => {
  it.each([
    ["server without disks", () => s.diskless.id, 400, "CSBS.6007"],
    ["server with a shared disk", () => s.shared.id, 400, "CSBS.6010"],
    ["server in ERROR", () => s.broken.id, 400, "CSBS.6005"],
    ["unknown server", () => "4f1d2f6e-0000-4000-8000-000000000000", 400, "CSBS.6000"],
  ])("%s", async (_what, id, status, code) => {
    const check = await checkProtectable(id());
    expect(check).toMatchObject({ result: false, error_code: code });
    expectError(await protect(id()), status, code);
  });

  it("backs up bare-metal servers as OS::Ironic::BareMetalServer, not as cloud servers (CSBS.6006)", async () => {
    const asServer = await checkProtectable(s.bareMetal.id);
    expect(asServer).toMatchObject({
      result: false,
      error_code: "CSBS.6006",
      resource_type: "OS::Ironic::BareMetalServer",
    });
    expectError(
      await protect(s.bareMetal.id, { protect: { resource_type: "OS::Nova::Server" } }),
      400,
      "CSBS.6006",
    );
    const r = await protect(s.bareMetal.id, {
      protect: { resource_type: "OS::Ironic::BareMetalServer" },
    });
    expect(r.status, r.text).toBe(200);
    expect(r.body.checkpoint.protection_plan.resources[0].type).toBe("OS::Ironic::BareMetalServer");
    const items = await t.call("GET", `/checkpoint_items?checkpoint_id=${r.body.checkpoint.id}`);
    expect(items.body.checkpoint_items[0].resource_type).toBe("OS::Ironic::BareMetalServer");
  });

  it("leaves out the data disks listed in extra_info.exclude_volumes", async () => {
    const server = s.free.find((x) => x.volumeIds.length >= 2);
    const [system, data] = server?.volumeIds ?? [];
    if (!server || !system || !data) throw new Error("no server with a data disk");
    const r = await protect(server.id, { protect: { extra_info: { exclude_volumes: [data] } } });
    expect(r.status, r.text).toBe(200);
    expect(r.body.checkpoint.protection_plan.resources[0].extra_info).toEqual({
      exclude_volumes: [data],
    });
    const items = await t.call("GET", `/checkpoint_items?checkpoint_id=${r.body.checkpoint.id}`);
    const sources = items.body.checkpoint_items[0].extend_info.volume_backups.map(
      (v: { source_volume_id: string }) => v.source_volume_id,
    );
    expect(sources).toEqual(server.volumeIds.filter((id) => id !== data));
    for (const exclude of [[system], ["not-a-disk-of-it"], "x"]) {
      expectError(
        await protect(server.id, { protect: { extra_info: { exclude_volumes: exclude } } }),
        400,
        "CSBS.9001",
      );
    }
  });

  it("refuses a resource type other than a server (CSBS.6003)", async () => {
    const server = s.free[0];
    if (!server) throw new Error("no free server");
    expectError(
      await protect(server.id, { protect: { resource_type: "OS::Cinder::Volume" } }),
      400,
      "CSBS.6003",
    );
  });

  it("says a policy member cannot join another policy (CSBS.6004) while it can be backed up", async () => {
    expect(await checkProtectable(s.member.id)).toMatchObject({
      result: false,
      error_code: "CSBS.6004",
    });
    expect((await protect(s.member.id)).status).toBe(200);
  });

  it.each([
    ["a name with a space", { backup_name: "my backup" }],
    ["a name too long", { backup_name: "a".repeat(256) }],
    ["an empty name", { backup_name: "" }],
    ["a description with <", { description: "<script>" }],
    ["a description too long", { description: "d".repeat(256) }],
    ["incremental not a boolean", { incremental: "yes" }],
    ["11 tags", { tags: Array.from({ length: 11 }, (_, i) => ({ key: `k${i}`, value: "v" })) }],
    [
      "a tag key twice",
      {
        tags: [
          { key: "a", value: "1" },
          { key: "a", value: "2" },
        ],
      },
    ],
    ["a tag key of 37 characters", { tags: [{ key: "k".repeat(37), value: "" }] }],
    ["a tag value of 44 characters", { tags: [{ key: "k", value: "v".repeat(44) }] }],
    ["a tag with a dot", { tags: [{ key: "a.b", value: "" }] }],
    ["an empty tag list", { tags: [] }],
  ])("refuses %s (400 CSBS.9001)", async (_what, protectBody) => {
    const server = s.free[0];
    if (!server) throw new Error("no free server");
    expectError(await protect(server.id, { protect: protectBody }), 400, "CSBS.9001");
  });

  it("accepts Chinese names and tags at their limits", async () => {
    const server = s.free[1];
    if (!server) throw new Error("no free server");
    const r = await protect(server.id, {
      protect: {
        backup_name: "数据库_backup-1",
        description: "x".repeat(255),
        tags: [{ key: " k".padEnd(37, "k"), value: "v".repeat(43) }],
      },
    });
    expect(r.status).toBe(200);
  });

  it("refuses a wrong provider id in the path (400 CSBS.9001)", async () => {
    const server = s.free[0];
    const r = await t.call("POST", `/providers/not-a-provider/resources/${server?.id}/action`, {
      protect: {},
    });
    expectError(r, 400, "CSBS.9001");
  });

  it("refuses a malformed body and a missing content type (400 CSBS.9001)", async () => {
    const server = s.free[0];
    expectError(await protect(server?.id ?? "", "{not json"), 400, "CSBS.9001");
    expectError(await protect(server?.id ?? "", { nothing: true }), 400, "CSBS.9001");
  });

  it("refuses a backup beyond the quota (CSBS.9006), and check_protectable says so", async () => {
    const server = s.free[2];
    if (!server) throw new Error("no free server");
    const quotas = s.project.csbs.quotas;
    const saved = quotas.backups;
    quotas.backups = s.project.csbs.items.filter((i) => i.status !== "deleted").length;
    try {
      expect(await checkProtectable(server.id)).toMatchObject({
        result: false,
        error_code: "CSBS.9006",
      });
      expectError(await protect(server.id), 400, "CSBS.9006");
    } finally {
      quotas.backups = saved;
    }
  });
});

describe("policies", () => {
  it("refuses a duplicate name (CSBS.9007)", async () => {
    const existing = s.project.csbs.policies[0]?.name;
    expectError(
      await t.call("POST", "/policies", policyBody({ name: existing })),
      400,
      "CSBS.9007",
    );
  });

  it("refuses a server already in a policy (CSBS.6004)", async () => {
    const body = policyBody({
      resources: [{ id: s.member.id, type: "OS::Nova::Server", name: s.member.name }],
    });
    expectError(await t.call("POST", "/policies", body), 400, "CSBS.6004");
  });

  it("refuses the same server twice in one policy (CSBS.6004)", async () => {
    const server = s.free[3];
    if (!server) throw new Error("no free server");
    const r = { id: server.id, type: "OS::Nova::Server", name: server.name };
    expectError(
      await t.call("POST", "/policies", policyBody({ resources: [r, r] })),
      400,
      "CSBS.6004",
    );
  });

  it("refuses members that cannot be backed up (CSBS.6007, CSBS.6000)", async () => {
    const diskless = { id: s.diskless.id, type: "OS::Nova::Server", name: "x" };
    expectError(
      await t.call("POST", "/policies", policyBody({ resources: [diskless] })),
      400,
      "CSBS.6007",
    );
    const ghost = { id: "nope", type: "OS::Nova::Server", name: "x" };
    expectError(
      await t.call("POST", "/policies", policyBody({ resources: [ghost] })),
      400,
      "CSBS.6000",
    );
  });

  it.each([
    ["unknown policy: get", "GET"],
    ["unknown policy: update", "PUT"],
    ["unknown policy: delete", "DELETE"],
  ])("%s (404 CSBS.3000)", async (_what, method) => {
    const r = await t.call(
      method,
      "/policies/0a0b0c0d-0000-4000-8000-000000000000",
      method === "PUT" ? { policy: { name: "x" } } : undefined,
    );
    expectError(r, 404, "CSBS.3000");
  });

  it("refuses to execute an unknown policy (404 CSBS.3000)", async () => {
    const r = await t.call("POST", `/providers/${PROVIDER_ID}/checkpoints`, {
      checkpoint: { plan_id: "0a0b0c0d-0000-4000-8000-000000000000", parameters: {} },
    });
    expectError(r, 404, "CSBS.3000");
  });

  it("refuses to execute a policy without members (CSBS.6032)", async () => {
    const empty = s.project.csbs.policies.find((p) => p.resources.length === 0);
    const r = await t.call("POST", `/providers/${PROVIDER_ID}/checkpoints`, {
      checkpoint: { plan_id: empty?.id, parameters: { auto_trigger: false } },
    });
    expectError(r, 500, "CSBS.6032");
  });

  it("refuses to execute a policy that is still backing up (CSBS.1001)", async () => {
    const server = s.free[5] ?? s.free[0];
    if (!server) throw new Error("no free server");
    const created = await t.call(
      "POST",
      "/policies",
      policyBody({ resources: [{ id: server.id, type: "OS::Nova::Server", name: server.name }] }),
    );
    expect(created.status, created.text).toBe(200);
    const body = {
      checkpoint: { plan_id: created.body.policy.id, parameters: { auto_trigger: false } },
    };
    const first = await t.call("POST", `/providers/${PROVIDER_ID}/checkpoints`, body);
    expect(first.status).toBe(200);
    expectError(
      await t.call("POST", `/providers/${PROVIDER_ID}/checkpoints`, body),
      500,
      "CSBS.1001",
    );
  });

  it("refuses to execute a policy whose scheduled run is still backing up (CSBS.6030)", async () => {
    const server = s.free[4];
    if (!server) throw new Error("no free server");
    const clock = await (await fetch(`${t.sim.url}/_sim/clock`)).json();
    const at = new Date(Date.parse(clock.now) + 3_600_000);
    const body = policyBody(
      { resources: [{ id: server.id, type: "OS::Nova::Server", name: server.name }] },
      {
        trigger: {
          properties: {
            pattern: PATTERN(
              `FREQ=DAILY;BYHOUR=${at.getUTCHours()};BYMINUTE=${at.getUTCMinutes()}`,
            ),
          },
        },
      },
    );
    const created = await t.call("POST", "/policies", body);
    expect(created.status, created.text).toBe(200);
    await t.advance(3_600_000 + 60_000);
    const r = await t.call("POST", `/providers/${PROVIDER_ID}/checkpoints`, {
      checkpoint: { plan_id: created.body.policy.id, parameters: { auto_trigger: false } },
    });
    expectError(r, 500, "CSBS.6030");
  });

  it("refuses beyond the policy quota (CSBS.0001)", async () => {
    const quotas = s.project.csbs.quotas;
    const saved = quotas.policies;
    quotas.policies = s.project.csbs.policies.length;
    try {
      expectError(await t.call("POST", "/policies", policyBody()), 400, "CSBS.0001");
    } finally {
      quotas.policies = saved;
    }
  });

  it.each([
    ["a name with a dot", policyBody({ name: "a.b" })],
    ["a description with >", policyBody({ description: "a > b" })],
    ["another provider", policyBody({ provider_id: "x" })],
    ["no scheduled operation", policyBody({ scheduled_operations: [] })],
    ["max_backups 100000", policyBody({}, { operation_definition: { max_backups: 100000 } })],
    ["max_backups -2", policyBody({}, { operation_definition: { max_backups: -2 } })],
    [
      "retention_duration_days 1.5",
      policyBody({}, { operation_definition: { retention_duration_days: 1.5 } }),
    ],
    ["permanent as a string", policyBody({}, { operation_definition: { permanent: "true" } })],
    ["enabled missing", policyBody({}, { enabled: undefined })],
    [
      "FREQ=HOURLY",
      policyBody({}, { trigger: { properties: { pattern: PATTERN("FREQ=HOURLY;BYMINUTE=0") } } }),
    ],
    [
      "runs 30 minutes apart",
      policyBody(
        {},
        { trigger: { properties: { pattern: PATTERN("FREQ=DAILY;BYHOUR=1;BYMINUTE=0,30") } } },
      ),
    ],
    [
      "runs 30 minutes apart across midnight",
      policyBody(
        {},
        {
          trigger: {
            properties: {
              pattern: PATTERN(
                "FREQ=DAILY;BYHOUR=23;BYMINUTE=50\r\nRRULE:FREQ=DAILY;BYHOUR=0;BYMINUTE=20",
              ),
            },
          },
        },
      ),
    ],
    [
      "an unsupported RRULE part",
      policyBody(
        {},
        {
          trigger: {
            properties: { pattern: PATTERN("FREQ=WEEKLY;BYDAY=MO;BYHOUR=1;BYMINUTE=0;COUNT=3") },
          },
        },
      ),
    ],
    [
      "a pattern over 10,240 characters",
      policyBody(
        {},
        {
          trigger: {
            properties: {
              pattern: `${PATTERN("FREQ=DAILY;BYHOUR=1;BYMINUTE=0")}${" ".repeat(10_240)}`,
            },
          },
        },
      ),
    ],
    [
      "11 tags",
      policyBody({ tags: Array.from({ length: 11 }, (_, i) => ({ key: `k${i}`, value: "" })) }),
    ],
  ])("refuses %s (400 CSBS.9001)", async (_what, body) => {
    const r = await t.call("POST", "/policies", body);
    expectError(r, 400, "CSBS.9001");
  });

  it("accepts escaped patterns, DAILY with INTERVAL, and 24 runs a day", async () => {
    for (const pattern of [
      "BEGIN:VCALENDAR\\r\\nBEGIN:VEVENT\\r\\nRRULE:FREQ=WEEKLY;BYDAY=TH;BYHOUR=12;BYMINUTE=27\\r\\nEND:VEVENT\\r\\nEND:VCALENDAR\\r\\n",
      PATTERN("FREQ=DAILY;INTERVAL=3;BYHOUR=4;BYMINUTE=0"),
      PATTERN(`FREQ=DAILY;BYHOUR=${Array.from({ length: 24 }, (_, h) => h).join(",")};BYMINUTE=5`),
    ]) {
      const r = await t.call(
        "POST",
        "/policies",
        policyBody({}, { trigger: { properties: { pattern } } }),
      );
      expect(r.status, r.text).toBe(200);
    }
  });

  it("refuses a rename onto another policy's name (CSBS.9007) but not onto its own", async () => {
    const [a, b] = s.project.csbs.policies;
    expectError(
      await t.call("PUT", `/policies/${a?.id}`, { policy: { name: b?.name } }),
      400,
      "CSBS.9007",
    );
    expect((await t.call("PUT", `/policies/${a?.id}`, { policy: { name: a?.name } })).status).toBe(
      200,
    );
  });
});

describe("backups", () => {
  it("answers 404 CSBS.3001 for an unknown backup", async () => {
    expectError(await t.call("GET", "/checkpoint_items/nope"), 404, "CSBS.3001");
    expectError(
      await t.call("DELETE", `/providers/${PROVIDER_ID}/checkpoints/nope`),
      404,
      "CSBS.3001",
    );
  });

  it("refuses to delete an item that is not in the checkpoint (404 CSBS.3001)", async () => {
    const [a, b] = s.project.csbs.items.filter((i) => i.status === "available");
    const r = await t.call(
      "DELETE",
      `/providers/${PROVIDER_ID}/checkpoints/${a?.checkpointId}?checkpoint_items=${b?.id}`,
    );
    expectError(r, 404, "CSBS.3001");
  });

  it("refuses to delete a backup that is running (CSBS.2003)", async () => {
    const busy = s.project.csbs.items.find((i) => i.status === "protecting");
    expectError(
      await t.call("DELETE", `/providers/${PROVIDER_ID}/checkpoints/${busy?.checkpointId}`),
      400,
      "CSBS.2003",
    );
  });

  it.each([
    ["limit=0", "limit=0"],
    ["limit=abc", "limit=abc"],
    ["offset=-1", "offset=-1"],
    ["an unknown status", "status=finished"],
    ["an unknown sort key", "sort=size"],
    ["a bad sort direction", "sort=name:up"],
    ["a bad start_time", "start_time=yesterday"],
    ["an unknown marker", "marker=nope"],
  ])("refuses %s in a listing (400 CSBS.9001)", async (_what, query) => {
    expectError(await t.call("GET", `/checkpoint_items?${query}`), 400, "CSBS.9001");
  });
});

describe("restore and check_restorable", () => {
  it("refuses a partial mapping (CSBS.6018)", async () => {
    const item = availableWithData();
    await expectRestoreError(
      item,
      item.resourceId,
      sameVolumes(item).slice(0, 1),
      400,
      "CSBS.6018",
    );
  });

  it("refuses a volume backup that is not in the item (CSBS.6017)", async () => {
    const item = availableWithData();
    const volumes = [
      ...sameVolumes(item),
      { backup_id: "ghost", volume_id: item.volumeBackups[0]?.sourceVolumeId ?? "" },
    ];
    await expectRestoreError(item, item.resourceId, volumes, 400, "CSBS.6017");
  });

  it("refuses a target not attached to the target server (CSBS.6014)", async () => {
    const item = availableWithData();
    const foreign = s.project.volumes.find(
      (v) => !v.attachments.some((a) => a.serverId === item.resourceId),
    );
    const volumes = sameVolumes(item).map((m, i) =>
      i === 1 ? { ...m, volume_id: foreign?.id ?? "" } : m,
    );
    await expectRestoreError(item, item.resourceId, volumes, 400, "CSBS.6014");
  });

  it("refuses a data backup onto the system disk (CSBS.6023, 500 as documented)", async () => {
    const item = availableWithData();
    const [sys, data] = item.volumeBackups;
    if (!sys || !data) throw new Error("no disks");
    const volumes = [
      { backup_id: sys.id, volume_id: data.sourceVolumeId },
      { backup_id: data.id, volume_id: sys.sourceVolumeId },
      ...sameVolumes(item).slice(2),
    ];
    await expectRestoreError(item, item.resourceId, volumes, 500, "CSBS.6023");
  });

  it("refuses a target smaller than the source (CSBS.6024)", async () => {
    const item = availableWithData();
    const data = item.volumeBackups[1];
    const volume = s.project.volumes.find((v) => v.id === data?.sourceVolumeId);
    if (!volume) throw new Error("no data volume");
    const saved = volume.sizeGb;
    volume.sizeGb = 1;
    try {
      await expectRestoreError(item, item.resourceId, sameVolumes(item), 400, "CSBS.6024");
    } finally {
      volume.sizeGb = saved;
    }
  });

  it("refuses a shared target (CSBS.6021)", async () => {
    const target = s.shared;
    const item = availableWithData(target.availabilityZone);
    const vols = s.volumesOf(target.id);
    const sys = vols.find((v) => v.id === target.volumeIds[0]);
    const shared = vols.find((v) => v.multiattach);
    const [sysBackup, dataBackup] = item.volumeBackups;
    if (!sys || !shared || !sysBackup || !dataBackup) throw new Error("fixture");
    const volumes = [
      { backup_id: sysBackup.id, volume_id: sys.id },
      { backup_id: dataBackup.id, volume_id: shared.id },
    ];
    await expectRestoreError(item, target.id, volumes, 400, "CSBS.6021");
  });

  it("refuses a target server without disks (CSBS.6020)", async () => {
    const item = availableWithData(s.diskless.availabilityZone);
    await expectRestoreError(item, s.diskless.id, [], 400, "CSBS.6020");
  });

  it("refuses a target server in ERROR (CSBS.6015)", async () => {
    const item = availableWithData(s.broken.availabilityZone);
    await expectRestoreError(item, s.broken.id, sameVolumes(item), 400, "CSBS.6015");
  });

  it("refuses a target server in another availability zone (CSBS.6025)", async () => {
    const item = availableWithData();
    const elsewhere = s.project.servers.find(
      (x) => x.availabilityZone !== item.resourceAz && x.status === "ACTIVE" && !x.bareMetal,
    );
    if (!elsewhere) throw new Error("no server in another zone");
    await expectRestoreError(item, elsewhere.id, [], 400, "CSBS.6025");
  });

  it("refuses a backup that is not available (CSBS.4000)", async () => {
    const failed = s.project.csbs.items.find((i) => i.status === "error");
    if (!failed) throw new Error("no failed backup");
    await expectRestoreError(failed, failed.resourceId, sameVolumes(failed), 400, "CSBS.4000");
  });

  it("refuses an unknown backup (404 CSBS.3001) and an unknown server (CSBS.6000)", async () => {
    const item = availableWithData();
    await expectRestoreError({ ...item, id: "nope" }, item.resourceId, [], 404, "CSBS.3001");
    await expectRestoreError(item, "nope", sameVolumes(item), 400, "CSBS.6000");
  });

  it("refuses restoring onto a bare-metal server (CSBS.6016), and the reverse", async () => {
    const item = availableWithData();
    await expectRestoreError(item, s.bareMetal.id, sameVolumes(item), 400, "CSBS.6016");
    const bms = s.project.csbs.items.find(
      (i) => i.resourceType === "OS::Ironic::BareMetalServer" && i.status === "available",
    );
    if (bms) await expectRestoreError(bms, item.resourceId, sameVolumes(bms), 400, "CSBS.6016");
  });

  it("refuses a target used twice (400 CSBS.9001)", async () => {
    const item = availableWithData();
    const [sys, data] = item.volumeBackups;
    const volumes = [
      { backup_id: sys?.id ?? "", volume_id: data?.sourceVolumeId ?? "" },
      { backup_id: data?.id ?? "", volume_id: data?.sourceVolumeId ?? "" },
    ];
    await expectRestoreError(item, item.resourceId, volumes, 400, "CSBS.9001");
  });

  it("accepts what check_restorable accepts, then refuses a second restore onto the server (CSBS.6015)", async () => {
    const item = availableWithData();
    const volumes = sameVolumes(item);
    expect(await checkRestorable(item, item.resourceId, volumes)).toMatchObject({ result: true });
    expect((await restore(item, item.resourceId, volumes)).status).toBe(200);
    const other = s.project.csbs.items.find(
      (i) => i.status === "available" && i.resourceId === item.resourceId && i.id !== item.id,
    );
    if (!other) return;
    await expectRestoreError(other, item.resourceId, sameVolumes(other), 400, "CSBS.6015");
  });
});

describe("bad routes", () => {
  it("answers an unknown route with 404 and a wrong method with 405, as JSON", async () => {
    const missing = await t.call("GET", "/nothing-here");
    expect(missing.status).toBe(404);
    expect(missing.body.error_code).toEqual(expect.any(String));
    const wrong = await t.call("PATCH", "/policies");
    expect(wrong.status).toBe(405);
    expect(wrong.body.error_code).toEqual(expect.any(String));
  });
});

describe("read-only user", () => {
  it("gets 403 on a change but can read", async () => {
    const { token } = await t.sim.auditorToken();
    const r = await t.call("POST", "/policies", policyBody(), token);
    expect(r.status).toBe(403);
    expect(r.body.error_code).toEqual(expect.any(String));
    expect((await t.call("GET", "/policies", undefined, token)).status).toBe(200);
  });
});

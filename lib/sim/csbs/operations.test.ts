import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CsbsClient, PROVIDER_ID, servers, startCsbs } from "./test-kit";

// Every operation of the CSBS reference (003), driven with the reference's request samples
// (ids replaced by seeded ones), answered with the documented shape.

const CSBS_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/;
const TRIGGER_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
const PATTERN =
  "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nRRULE:FREQ=WEEKLY;BYDAY=TH;BYHOUR=12;BYMINUTE=27\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

let t: CsbsClient;
let s: ReturnType<typeof servers>;

beforeAll(async () => {
  t = await startCsbs({ durations: { protectMs: 60_000, restoreMs: 60_000, deleteMs: 60_000 } });
  s = servers(t);
});
afterAll(() => t.close());

function availableItemOf(predicate: (serverId: string) => boolean) {
  // Not onto a server that a seeded restore is still writing to (that would be CSBS.6015).
  const busy = new Set(
    s.project.csbs.restores.filter((r) => r.status === "in_progress").map((r) => r.serverId),
  );
  const item = s.project.csbs.items.find(
    (i) =>
      i.status === "available" &&
      predicate(i.resourceId) &&
      !busy.has(i.resourceId) &&
      i.volumeBackups.length > 1,
  );
  if (!item) throw new Error("no available backup");
  return item;
}

describe("resources", () => {
  it("backs up a resource (5.1.1 sample)", async () => {
    const server = s.free[0];
    if (!server) throw new Error("no free server");
    const r = await t.call("POST", `/providers/${PROVIDER_ID}/resources/${server.id}/action`, {
      protect: { backup_name: "backup", description: "backup des", extra_info: {} },
    });
    expect(r.status).toBe(200);
    const cp = r.body.checkpoint;
    expect(cp).toMatchObject({
      status: "protecting",
      resource_graph: null,
      project_id: t.projectId,
      extra_info: null,
      protection_plan: {
        name: `server protect plan for ${server.id}`,
        resources: [
          {
            type: "OS::Nova::Server",
            id: server.id,
            name: `resource_${server.id}`,
            extra_info: {},
          },
        ],
      },
    });
    expect(cp.created_at).toMatch(CSBS_TIME);
    expect(cp.protection_plan.id).toMatch(/^fake_/);
    const list = await t.call("GET", `/checkpoint_items?checkpoint_id=${cp.id}`);
    expect(list.body.checkpoint_items).toHaveLength(1);
    expect(list.body.checkpoint_items[0]).toMatchObject({
      name: "backup",
      description: "backup des",
      status: "protecting",
      resource_id: server.id,
    });
  });

  it("checks protectability (5.1.2 sample)", async () => {
    const server = s.free[1];
    if (!server) throw new Error("no free server");
    const r = await t.call("POST", `/providers/${PROVIDER_ID}/resources/action`, {
      check_protectable: [{ resource_id: server.id, resource_type: "OS::Nova::Server" }],
    });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      protectable: [{ resource_id: server.id, resource_type: "OS::Nova::Server", result: true }],
    });
  });

  it("checks restorability (5.1.3 sample, target sent as a list as in the sample)", async () => {
    const item = availableItemOf(() => true);
    const r = await t.call("POST", `/providers/${PROVIDER_ID}/resources/action`, {
      check_restorable: [
        {
          checkpoint_item_id: item.id,
          target: [
            {
              resource_type: "OS::Nova::Server",
              resource_id: item.resourceId,
              volumes: item.volumeBackups.map((v) => ({
                backup_id: v.id,
                volume_id: v.sourceVolumeId,
              })),
            },
          ],
        },
      ],
    });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      restorable: [
        {
          resource_id: item.resourceId,
          resource_type: "OS::Nova::Server",
          result: true,
          error_msg: "",
          error_code: "",
        },
      ],
    });
  });
});

describe("policies", () => {
  let policyId = "";
  let operationId = "";

  it("creates a policy (5.2.1 sample): numbers and booleans back as strings, no zones", async () => {
    const [a, b] = [s.free[2], s.free[3]];
    if (!a || !b) throw new Error("no free servers");
    const r = await t.call("POST", "/policies", {
      policy: {
        name: "my-plan",
        description: "My plan",
        provider_id: PROVIDER_ID,
        parameters: { common: {} },
        scheduled_operations: [
          {
            name: "my-backup-policy",
            description: "My backup policy",
            enabled: true,
            operation_definition: { max_backups: 20 },
            trigger: { properties: { pattern: PATTERN } },
            operation_type: "backup",
          },
        ],
        resources: [
          { id: a.id, type: "OS::Nova::Server", name: "resource1" },
          { id: b.id, type: "OS::Nova::Server", name: "resource2" },
        ],
      },
    });
    expect(r.status).toBe(200);
    const p = r.body.policy;
    policyId = p.id;
    operationId = p.scheduled_operations[0].id;
    expect(p).toMatchObject({
      description: "My plan",
      name: "my-plan",
      parameters: { common: {} },
      project_id: t.projectId,
      provider_id: PROVIDER_ID,
      resources: [
        { id: a.id, name: "resource1", type: "OS::Nova::Server", extra_info: {} },
        { id: b.id, name: "resource2", type: "OS::Nova::Server", extra_info: {} },
      ],
      status: "enabled",
    });
    expect(p.created_at).toMatch(CSBS_TIME);
    const op = p.scheduled_operations[0];
    expect(op).toMatchObject({
      description: "My backup policy",
      enabled: true,
      name: "my-backup-policy",
      operation_type: "backup",
      operation_definition: { max_backups: "20", plan_id: p.id, provider_id: PROVIDER_ID },
      trigger: { name: "default", type: "time", properties: { pattern: PATTERN, format: "ical" } },
    });
    expect(op.trigger_id).toBe(op.trigger.id);
    expect(op.trigger.properties.start_time).toMatch(TRIGGER_TIME);
  });

  it("gets one policy (5.2.4)", async () => {
    const r = await t.call("GET", `/policies/${policyId}`);
    expect(r.status).toBe(200);
    expect(r.body.policy.id).toBe(policyId);
    expect(r.body.policy.scheduled_operations).toHaveLength(1);
  });

  it("lists policies (5.2.5 samples): sort, limit, offset, marker, name", async () => {
    const all = await t.call("GET", "/policies");
    expect(all.status).toBe(200);
    const names = all.body.policies.map((p: { name: string }) => p.name);
    expect(names).toContain("my-plan");
    // Default order: newest first.
    expect(names[0]).toBe("my-plan");
    const asc = await t.call("GET", "/policies?sort=created_at%3Aasc&limit=3&offset=3");
    expect(asc.status).toBe(200);
    const full = await t.call("GET", "/policies?sort=created_at:asc");
    const ids = full.body.policies.map((p: { id: string }) => p.id);
    expect(asc.body.policies.map((p: { id: string }) => p.id)).toEqual(ids.slice(3, 6));
    const afterMarker = await t.call("GET", `/policies?sort=created_at:asc&marker=${ids[1]}`);
    expect(afterMarker.body.policies.map((p: { id: string }) => p.id)).toEqual(ids.slice(2));
    const firstPage = await t.call("GET", "/policies?sort=created_at:asc&limit=2");
    const next = new URL(firstPage.body.policies_links[0].href);
    expect(next.searchParams.get("marker")).toBe(ids[1]);
    const last = await t.call("GET", `/policies?limit=${ids.length}`);
    expect(last.body.policies_links).toBeUndefined();
    const byName = await t.call("GET", "/policies?name=my-plan");
    expect(byName.body.policies).toHaveLength(1);
    expect((await t.call("GET", "/policies?name=my-pla")).body.policies).toHaveLength(0);
  });

  it("updates a policy (5.2.3 sample, trigger beside scheduled_operations as in the sample)", async () => {
    const r = await t.call("PUT", `/policies/${policyId}`, {
      policy: {
        name: "my-plan",
        parameters: { common: {} },
        scheduled_operations: [
          {
            id: operationId,
            name: "my-backup-policy",
            description: "My backup policy",
            enabled: false,
            operation_definition: { retention_duration_days: -1, max_backups: 20 },
          },
        ],
        trigger: {
          properties: {
            pattern:
              "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nRRULE:FREQ=WEEKLY;BYDAY=FR;BYHOUR=12;BYMINUTE=27\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
          },
        },
      },
    });
    expect(r.status).toBe(200);
    const p = r.body.policy;
    expect(p.status).toBe("disabled");
    expect(p.scheduled_operations[0]).toMatchObject({
      enabled: false,
      operation_definition: { max_backups: "20", retention_duration_days: "-1" },
    });
    expect(p.scheduled_operations[0].trigger.properties.pattern).toContain("BYDAY=FR");
    const permanent = await t.call("PUT", `/policies/${policyId}`, {
      policy: {
        scheduled_operations: [{ id: operationId, operation_definition: { permanent: true } }],
      },
    });
    expect(permanent.body.policy.scheduled_operations[0].operation_definition.permanent).toBe(
      "True",
    );
  });

  it("executes a policy (5.3.1 sample)", async () => {
    const policy = s.project.csbs.policies.find((p) => p.id === policyId);
    const [first] = policy?.resources ?? [];
    if (!first) throw new Error("policy without members");
    const r = await t.call("POST", `/providers/${PROVIDER_ID}/checkpoints`, {
      checkpoint: { plan_id: policyId, parameters: { auto_trigger: false, resources: [first.id] } },
    });
    expect(r.status).toBe(200);
    expect(r.body.checkpoint).toMatchObject({
      status: "protecting",
      resource_graph: null,
      project_id: t.projectId,
      protection_plan: {
        id: policyId,
        name: "my-plan",
        resources: [{ type: "OS::Nova::Server", id: first.id, extra_info: {} }],
      },
    });
    expect(JSON.parse(r.body.checkpoint.extra_info)).toEqual({ created_by: "manual" });
    const items = await t.call("GET", `/checkpoint_items?policy_id=${policyId}`);
    expect(items.body.checkpoint_items).toHaveLength(1);
    expect(items.body.checkpoint_items[0].extend_info.auto_trigger).toBe(false);
  });

  it("deletes a policy (5.2.2): 200 without a body, then 404 CSBS.3000", async () => {
    const r = await t.call("DELETE", `/policies/${policyId}`);
    expect(r.status).toBe(200);
    expect(r.text).toBe("");
    const again = await t.call("GET", `/policies/${policyId}`);
    expect(again.status).toBe(404);
    expect(again.body).toEqual({ error_code: "CSBS.3000", error_msg: "plan not found" });
  });
});

describe("backups", () => {
  it("counts backups (5.3.2 samples)", async () => {
    const all = await t.call("GET", "/checkpoint_items/count");
    expect(all.status).toBe(200);
    expect(all.body).toEqual({ count: expect.any(Number) });
    const live = s.project.csbs.items.filter((i) => i.status !== "deleted").length;
    expect(all.body.count).toBe(live);
    const errors = await t.call("GET", "/checkpoint_items/count?status=error");
    const errorItems = await t.call("GET", "/checkpoint_items?status=error");
    expect(errors.body.count).toBeGreaterThan(0);
    expect(errors.body.count).toBe(errorItems.body.checkpoint_items.length);
  });

  it("gets one backup (5.3.3) with every documented field", async () => {
    const item = availableItemOf(() => true);
    const r = await t.call("GET", `/checkpoint_items/${item.id}`);
    expect(r.status).toBe(200);
    const ci = r.body.checkpoint_item;
    expect(Object.keys(ci).sort()).toEqual(
      [
        "backup_data",
        "checkpoint_id",
        "created_at",
        "description",
        "extend_info",
        "id",
        "name",
        "resource_id",
        "resource_type",
        "status",
        "tags",
        "updated_at",
      ].sort(),
    );
    expect(Object.keys(ci.backup_data).sort()).toEqual(
      [
        "__openstack_region_name",
        "cloudservicetype",
        "disk",
        "eip",
        "imagetype",
        "private_ip",
        "ram",
        "vcpus",
      ].sort(),
    );
    expect(ci.extend_info).toMatchObject({
      auto_trigger: expect.any(Boolean),
      copy_status: "na",
      fail_code: {},
      image_type: "backup",
      progress: 100,
      supported_restore_mode: "backup",
      hypervisor_type: "QEMU",
    });
    expect(ci.extend_info.finished_at).toMatch(CSBS_TIME);
    for (const key of ["average_speed", "size", "space_saving_ratio"]) {
      expect(typeof ci.extend_info[key]).toBe("number");
    }
    const vb = ci.extend_info.volume_backups[0];
    expect(Object.keys(vb).sort()).toEqual(
      [
        "average_speed",
        "bootable",
        "id",
        "image_type",
        "incremental",
        "name",
        "size",
        "snapshot_id",
        "source_volume_id",
        "source_volume_name",
        "source_volume_size",
        "space_saving_ratio",
        "status",
      ].sort(),
    );
    expect(
      ci.extend_info.volume_backups.filter((v: { bootable: boolean }) => v.bootable),
    ).toHaveLength(1);
  });

  it("lists backups (5.3.4 sample: name=backup&status=error&limit=2)", async () => {
    const r = await t.call("GET", "/checkpoint_items?name=backup&status=error&limit=2");
    expect(r.status).toBe(200);
    expect(r.body.checkpoint_items.length).toBeLessThanOrEqual(2);
    for (const i of r.body.checkpoint_items) {
      expect(i.status).toBe("error");
      expect(i.name.toLowerCase()).toContain("backup");
      expect(i.extend_info.fail_reason).not.toBe("");
    }
  });

  it("restores (5.4.1 sample) and answers the documented restore shape", async () => {
    const item = availableItemOf((id) => id !== s.free[0]?.id);
    const r = await t.call("POST", "/restores", {
      restore: {
        provider_id: PROVIDER_ID,
        checkpoint_id: item.checkpointId,
        parameters: {
          checkpoint_item_id: item.id,
          power_on: true,
          targets: {
            server_id: item.resourceId,
            volumes: item.volumeBackups.map((v) => ({
              backup_id: v.id,
              volume_id: v.sourceVolumeId,
            })),
          },
        },
      },
    });
    expect(r.status).toBe(200);
    expect(r.body.restore).toMatchObject({
      status: "in_progress",
      provider_id: PROVIDER_ID,
      checkpoint_id: item.checkpointId,
      project_id: t.projectId,
      resources_reason: {},
      parameters: {
        checkpoint_item_id: item.id,
        power_on: true,
        targets: { server_id: item.resourceId },
      },
    });
    expect(r.body.restore.id).toEqual(expect.any(String));
    const after = await t.call("GET", `/checkpoint_items/${item.id}`);
    expect(after.body.checkpoint_item.status).toBe("restoring");
  });

  it("deletes a backup (5.3.5 samples): the whole checkpoint or one of its items", async () => {
    const items = s.project.csbs.items.filter((i) => i.status === "available");
    const [a, b] = [items[0], items[1]];
    if (!a || !b) throw new Error("no available backups");
    const whole = await t.call("DELETE", `/providers/${PROVIDER_ID}/checkpoints/${a.checkpointId}`);
    expect(whole.status).toBe(200);
    expect(whole.body).toEqual({});
    const one = await t.call(
      "DELETE",
      `/providers/${PROVIDER_ID}/checkpoints/${b.checkpointId}?checkpoint_items=${b.id}`,
    );
    expect(one.status).toBe(200);
    for (const id of [a.id, b.id]) {
      const r = await t.call("GET", `/checkpoint_items/${id}`);
      expect(["deleting", "waiting_delete"]).toContain(r.body.checkpoint_item.status);
    }
  });
});

describe("quotas", () => {
  it("answers the quota shape (5.5.1)", async () => {
    const r = await t.call("GET", "/quotas");
    expect(r.status).toBe(200);
    const [capacity, backups] = r.body.quotas.resources;
    expect(capacity).toMatchObject({ type: "backup_capacity", unit: "GB", quota: -1 });
    expect(capacity.used).toBeGreaterThan(0);
    expect(backups).toMatchObject({ type: "backups", quota: s.project.csbs.quotas.backups });
    expect(backups.used).toBe(s.project.csbs.items.filter((i) => i.status !== "deleted").length);
  });
});

// The CBR v3 policy API over real HTTP: the reference's request samples answered in the documented
// shape, the refusals with their codes, associate/dissociate, and the auditor kept out.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSim, type TestSim } from "../testing/start";
import { callCbr, type Json } from "./test-kit";

let sim: TestSim;
let token: string;
let projectId: string;
let auditor: string;

beforeAll(async () => {
  sim = await startTestSim({ reset: true, durations: { protectMs: 1_500, tickMs: 100 } });
  ({ token, projectId } = await sim.adminToken());
  ({ token: auditor } = await sim.auditorToken());
});
afterAll(async () => {
  await sim?.close();
});

const call = (method: string, path: string, body?: unknown, as = token) =>
  callCbr(sim, { token: as, projectId }, method, path, body, {});
const uuid = expect.stringMatching(/^[0-9a-f-]{36}$/);

// OTC-CBR api-ref creating_a_policy.rst, the backup sample.
const sample = {
  policy: {
    enabled: true,
    name: "policy001",
    operation_definition: {
      day_backups: 0,
      month_backups: 0,
      retention_duration_days: 1,
      timezone: "UTC+01:00",
      week_backups: 0,
      year_backups: 0,
    },
    operation_type: "backup",
    trigger: {
      properties: { pattern: ["FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA,SU;BYHOUR=14;BYMINUTE=00"] },
    },
  },
};

async function vaultNamed(name: string): Promise<Json> {
  const { json } = await call("GET", `/vaults?name=${name}`);
  return json.vaults.find((v: Json) => v.name === name);
}

describe("policies", () => {
  it("lists the seeded policies in the documented shape", async () => {
    const { status, json } = await call("GET", "/policies");
    expect(status).toBe(200);
    expect(json.count).toBe(2);
    const prod = await vaultNamed("vault-prod-servers");
    expect(json.policies[0]).toEqual({
      id: uuid,
      name: "daily-prod-0200utc",
      enabled: true,
      operation_type: "backup",
      operation_definition: { retention_duration_days: 30, timezone: "UTC+00:00" },
      trigger: {
        id: uuid,
        name: "default",
        type: "time",
        properties: {
          pattern: ["FREQ=DAILY;INTERVAL=1;BYHOUR=2;BYMINUTE=00"],
          start_time: expect.stringMatching(/\+00:00$/),
        },
      },
      associated_vaults: [{ vault_id: prod.id }],
    });
    const byVault = await call("GET", `/policies?vault_id=${prod.id}`);
    expect(byVault.json.policies.map((p: Json) => p.name)).toEqual(["daily-prod-0200utc"]);
    const replication = await call("GET", "/policies?operation_type=replication");
    expect(replication.json).toEqual({ policies: [], count: 0 });
    expect((await call("GET", "/policies?operation_type=archive")).status).toBe(400);
  });

  it("creates the reference's sample, reads, updates, binds, unbinds and deletes it", async () => {
    const created = await call("POST", "/policies", sample);
    expect(created.status).toBe(200);
    const policy = created.json.policy;
    expect(policy).toMatchObject({
      id: uuid,
      name: "policy001",
      enabled: true,
      operation_type: "backup",
      operation_definition: sample.policy.operation_definition,
      trigger: { type: "time", properties: { pattern: sample.policy.trigger.properties.pattern } },
      associated_vaults: [],
    });
    expect((await call("GET", `/policies/${policy.id}`)).json.policy).toEqual(policy);

    // The update sample of modifying_a_policy.rst.
    const updated = await call("PUT", `/policies/${policy.id}`, {
      policy: {
        enabled: true,
        name: "policy001",
        operation_definition: {
          day_backups: 0,
          month_backups: 0,
          max_backups: 1,
          timezone: "UTC+01:00",
          week_backups: 0,
          year_backups: 0,
        },
        trigger: sample.policy.trigger,
      },
    });
    expect(updated.status).toBe(200);
    expect(updated.json.policy.operation_definition).toMatchObject({ max_backups: 1 });
    expect(updated.json.policy.operation_definition).not.toHaveProperty("retention_duration_days");

    const vault = await vaultNamed("vault-data-disks");
    const bound = await call("POST", `/vaults/${vault.id}/associatepolicy`, {
      policy_id: policy.id,
    });
    expect(bound).toMatchObject({
      status: 200,
      json: { associate_policy: { vault_id: vault.id, policy_id: policy.id } },
    });
    expect((await call("GET", `/policies/${policy.id}`)).json.policy.associated_vaults).toEqual([
      { vault_id: vault.id },
    ]);
    const unbound = await call("POST", `/vaults/${vault.id}/dissociatepolicy`, {
      policy_id: policy.id,
    });
    expect(unbound.json).toEqual({
      dissociate_policy: { vault_id: vault.id, policy_id: policy.id },
    });
    const again = await call("POST", `/vaults/${vault.id}/dissociatepolicy`, {
      policy_id: policy.id,
    });
    expect(again).toMatchObject({ status: 404, json: { error_code: "BackupService.6002" } });

    const deleted = await call("DELETE", `/policies/${policy.id}`);
    expect(deleted.status).toBe(204);
    const gone = await call("GET", `/policies/${policy.id}`);
    expect(gone).toMatchObject({ status: 404, json: { error_code: "BackupService.6000" } });
  });

  it.each([
    [
      "a bad pattern",
      { trigger: { properties: { pattern: ["FREQ=MONTHLY;BYHOUR=1;BYMINUTE=00"] } } },
      "BackupService.9900",
      "trigger.properties.pattern",
    ],
    [
      "no timezone",
      { operation_definition: { max_backups: 3 } },
      "BackupService.9900",
      "operation_definition.timezone",
    ],
    [
      "count and days together",
      {
        operation_definition: { max_backups: 3, retention_duration_days: 3, timezone: "UTC+08:00" },
      },
      "BackupService.9900",
      "retention_duration_days",
    ],
    [
      "a long-term count of 101",
      { operation_definition: { max_backups: 3, week_backups: 101, timezone: "UTC+08:00" } },
      "BackupService.9900",
      "week_backups",
    ],
    ["an unknown type", { operation_type: "archive" }, "BackupService.6117", "archive"],
  ])("refuses %s", async (_, change, code, named) => {
    const res = await call("POST", "/policies", { policy: { ...sample.policy, ...change } });
    expect(res.status).toBe(400);
    expect(res.json.error_code).toBe(code);
    expect(res.json.error_msg).toContain(named);
  });

  it("refuses a second backup policy on a vault with the reason (6127)", async () => {
    const prod = await vaultNamed("vault-prod-servers");
    const created = await call("POST", "/policies", {
      policy: { ...sample.policy, name: "second" },
    });
    const res = await call("POST", `/vaults/${prod.id}/associatepolicy`, {
      policy_id: created.json.policy.id,
    });
    expect(res.status).toBe(400);
    expect(res.json.error_code).toBe("BackupService.6127");
    expect(res.json.error_msg).toContain("daily-prod-0200utc");
    await call("DELETE", `/policies/${created.json.policy.id}`);
  });

  it("refuses malformed ids and bodies, and the read-only user", async () => {
    expect((await call("GET", "/policies/nope")).json.error_code).toBe("BackupService.9900");
    const prod = await vaultNamed("vault-prod-servers");
    const noId = await call("POST", `/vaults/${prod.id}/associatepolicy`, {});
    expect(noId.json.error_msg).toContain("policy_id");
    expect((await call("POST", "/policies", { name: "x" })).json.error_msg).toContain("policy");
    const ro = await call("POST", "/policies", sample, auditor);
    expect(ro.status).toBe(403);
  });
});

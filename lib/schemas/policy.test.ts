import { describe, expect, it } from "vitest";
import {
  createPolicyBodySchema,
  executePolicyBodySchema,
  parsePolicyListSearch,
  policyFieldOfCloudError,
  policyFormSchema,
  policyIdParamsSchema,
  retentionFromDefinition,
  retentionToDefinition,
  updatePolicyBodySchema,
} from "./policy";

const PATTERN =
  "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nRRULE:FREQ=WEEKLY;BYDAY=TH;BYHOUR=12;BYMINUTE=27\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

const valid = {
  name: "nightly-web_01",
  description: "web servers",
  enabled: true,
  pattern: PATTERN,
  retention: { kind: "count" as const, count: 7 },
  tags: [{ key: "env", value: "prod" }],
  servers: ["a"],
};

function fieldsOf(value: unknown) {
  const result = policyFormSchema.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => i.path.join("."));
}

describe("policy form schema", () => {
  it("accepts a complete policy, Chinese names included", () => {
    expect(fieldsOf(valid)).toEqual([]);
    expect(fieldsOf({ ...valid, name: "每日备份-1" })).toEqual([]);
  });

  it.each([
    ["", "name"],
    ["a b", "name"],
    ["web.01", "name"],
    ["x".repeat(256), "name"],
  ])("refuses the name %j", (name, field) => {
    expect(fieldsOf({ ...valid, name })).toEqual([field]);
  });

  it("accepts a 255-character name and refuses < or > in the description", () => {
    expect(fieldsOf({ ...valid, name: "x".repeat(255) })).toEqual([]);
    expect(fieldsOf({ ...valid, description: "a <b>" })).toEqual(["description"]);
    expect(fieldsOf({ ...valid, description: "d".repeat(256) })).toEqual(["description"]);
  });

  it("checks only the chosen retention, within 1–99999", () => {
    expect(fieldsOf({ ...valid, retention: { kind: "count", count: 0 } })).toEqual([
      "retention.count",
    ]);
    expect(fieldsOf({ ...valid, retention: { kind: "count", count: 100_000 } })).toEqual([
      "retention.count",
    ]);
    expect(fieldsOf({ ...valid, retention: { kind: "count", count: 1.5 } })).toEqual([
      "retention.count",
    ]);
    expect(fieldsOf({ ...valid, retention: { kind: "days", count: 0 } })).toEqual([
      "retention.days",
    ]);
    expect(fieldsOf({ ...valid, retention: { kind: "days", days: 99_999, count: 0 } })).toEqual([]);
    expect(fieldsOf({ ...valid, retention: { kind: "permanent", count: -5 } })).toEqual([]);
  });

  it("refuses patterns the schedule engine refuses, at the pattern", () => {
    expect(fieldsOf({ ...valid, pattern: "" })).toEqual(["pattern"]);
    expect(fieldsOf({ ...valid, pattern: "FREQ=WEEKLY;BYDAY=MO;BYHOUR=25;BYMINUTE=0" })).toEqual([
      "pattern",
    ]);
    // Two runs 30 minutes apart break the cloud's 60-minute rule.
    expect(fieldsOf({ ...valid, pattern: "FREQ=DAILY;BYHOUR=1;BYMINUTE=0,30" })).toEqual([
      "pattern",
    ]);
    expect(fieldsOf({ ...valid, pattern: "FREQ=DAILY;BYHOUR=1;BYMINUTE=0" })).toEqual([]);
  });

  it("refuses more than 10 tags, duplicate keys and other characters", () => {
    const many = Array.from({ length: 11 }, (_, i) => ({ key: `k${i}`, value: "" }));
    expect(fieldsOf({ ...valid, tags: many })).toEqual(["tags"]);
    expect(
      fieldsOf({
        ...valid,
        tags: [
          { key: "a", value: "1" },
          { key: "a", value: "2" },
        ],
      }),
    ).toEqual(["tags.1.key"]);
    expect(fieldsOf({ ...valid, tags: [{ key: "a b", value: "" }] })).toEqual(["tags.0.key"]);
    expect(fieldsOf({ ...valid, tags: [{ key: "", value: "" }] })).toEqual(["tags.0.key"]);
    expect(fieldsOf({ ...valid, tags: [{ key: "k", value: "v".repeat(44) }] })).toEqual([
      "tags.0.value",
    ]);
  });
});

describe("API bodies", () => {
  const { servers: _servers, ...rest } = valid;
  const body = { ...rest, resources: [{ id: "a", name: "web-01" }] };

  it("defaults moveServers to false and requires the operation id on update", () => {
    expect(createPolicyBodySchema.parse(body).moveServers).toBe(false);
    expect(updatePolicyBodySchema.safeParse(body).success).toBe(false);
    expect(updatePolicyBodySchema.safeParse({ ...body, operationId: "op" }).success).toBe(true);
  });

  it("runs a policy for all servers or a non-empty subset", () => {
    expect(executePolicyBodySchema.safeParse({}).success).toBe(true);
    expect(executePolicyBodySchema.safeParse({ resources: ["a"] }).success).toBe(true);
    expect(executePolicyBodySchema.safeParse({ resources: [] }).success).toBe(false);
  });

  it("takes only UUIDs as policy ids", () => {
    expect(
      policyIdParamsSchema.safeParse({ id: "f766c171-9336-479a-8b30-b83cabf6381e" }).success,
    ).toBe(true);
    for (const id of ["", "policy-1", "..", "%2e%2e", "f766c171-9336-479a-8b30-b83cabf6381e/x"]) {
      const result = policyIdParamsSchema.safeParse({ id });
      expect(result.success, id).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual(["id"]);
    }
  });
});

describe("retention ↔ operation_definition", () => {
  it("sends every field, the unused ones as -1", () => {
    expect(retentionToDefinition({ kind: "count", count: 7, days: 30 })).toEqual({
      max_backups: 7,
      retention_duration_days: -1,
      permanent: false,
    });
    expect(retentionToDefinition({ kind: "days", days: 30 })).toEqual({
      max_backups: -1,
      retention_duration_days: 30,
      permanent: false,
    });
    expect(retentionToDefinition({ kind: "permanent" })).toEqual({
      max_backups: -1,
      retention_duration_days: -1,
      permanent: true,
    });
  });

  it("reads what the cloud holds as the reference says", () => {
    expect(retentionFromDefinition({ max_backups: 20, retention_duration_days: -1 })).toEqual({
      kind: "count",
      count: 20,
      both: false,
    });
    expect(retentionFromDefinition({ max_backups: -1, retention_duration_days: 30 })).toEqual({
      kind: "days",
      days: 30,
      both: false,
    });
    expect(retentionFromDefinition({ max_backups: 20, permanent: true }).kind).toBe("permanent");
    expect(retentionFromDefinition({}).kind).toBe("permanent");
    expect(retentionFromDefinition({ max_backups: 5, retention_duration_days: 9 })).toEqual({
      kind: "count",
      count: 5,
      days: 9,
      both: true,
    });
  });

  it("round-trips every form choice", () => {
    for (const r of [
      { kind: "count" as const, count: 3 },
      { kind: "days" as const, days: 99_999 },
      { kind: "permanent" as const },
    ]) {
      const { both, ...read } = retentionFromDefinition(retentionToDefinition(r));
      expect(both).toBe(false);
      expect(read).toEqual(r);
    }
  });
});

describe("cloud refusals land at their field", () => {
  it.each([
    ["CSBS.9007", "duplicate service name", "name"],
    ["CSBS.6004", "Server (x) is already in service.", "servers"],
    ["CSBS.6010", "Volume (v) attached to server (x) is shareable volume.", "servers"],
    ["CSBS.9001", "trigger.properties.pattern: BYHOUR 25 is out of range", "pattern"],
    ["CSBS.9001", "operation_definition.max_backups must be an integer.", "retention.count"],
    ["CSBS.9001", "policy.tags[0].key must be 1 to 36 characters long.", "tags"],
    ["CSBS.9001", "policy.name must be 1 to 255 characters long.", "name"],
    ["CSBS.1001", "The policy is executing backup.", undefined],
  ])("%s %j → %s", (code, message, field) => {
    expect(policyFieldOfCloudError(code, message)).toBe(field);
  });
});

describe("list URL state", () => {
  it("reads filters and sort, falling back on unknown values", () => {
    const read = (query: string) => parsePolicyListSearch(new URLSearchParams(query));
    expect(read("")).toEqual({ q: "", state: "all", sort: "name" });
    expect(read("q=web&state=disabled&sort=-servers")).toEqual({
      q: "web",
      state: "disabled",
      sort: "-servers",
    });
    expect(read("state=maybe&sort=size")).toEqual({ q: "", state: "all", sort: "name" });
  });
});

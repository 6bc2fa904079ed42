import { describe, expect, it } from "vitest";
import { checkCbrPolicyBody, formatUtcOffset, parseUtcOffset, retentionRuleOf } from "./cbr-policy";

// The request samples of OTC-CBR api-ref creating_a_policy.rst and modifying_a_policy.rst, verbatim.
const createBackupSample = {
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
};
const createReplicationSample = {
  enabled: true,
  name: "policy002",
  operation_definition: {
    retention_duration_days: 1,
    day_backups: 0,
    week_backups: 0,
    month_backups: 0,
    year_backups: 0,
    timezone: "UTC+01:00",
    destination_region: "eu-nl",
    destination_project_id: "fcf6cb26c3bf4402869792207ad3dce4",
  },
  operation_type: "replication",
  trigger: {
    properties: { pattern: ["FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA,SU;BYHOUR=14;BYMINUTE=00"] },
  },
};
const updateSample = {
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
  trigger: {
    properties: { pattern: ["FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA,SU;BYHOUR=14;BYMINUTE=00"] },
  },
};

const withDef = (def: Record<string, unknown>) => ({
  ...createBackupSample,
  operation_definition: { timezone: "UTC+08:00", ...def },
});

describe("checkCbrPolicyBody: the documents' samples", () => {
  it("accepts the create samples (backup and replication)", () => {
    expect(checkCbrPolicyBody(createBackupSample, "create")).toMatchObject({
      ok: true,
      policy: { name: "policy001", operation_type: "backup", enabled: true },
    });
    expect(
      checkCbrPolicyBody(createReplicationSample, "create", { region: "eu-de" }),
    ).toMatchObject({
      ok: true,
      policy: { operation_definition: { destination_region: "eu-nl" } },
    });
  });

  it("accepts the update sample, and an update of one field", () => {
    expect(checkCbrPolicyBody(updateSample, "update").ok).toBe(true);
    expect(checkCbrPolicyBody({ enabled: false }, "update")).toEqual({
      ok: true,
      policy: { enabled: false },
    });
  });
});

describe("checkCbrPolicyBody: refusals name the field", () => {
  it.each([
    ["no name", { ...createBackupSample, name: undefined }, "name"],
    ["a name of 65", { ...createBackupSample, name: "a".repeat(65) }, "name"],
    ["a name with a space", { ...createBackupSample, name: "my policy" }, "name"],
    ["enabled as text", { ...createBackupSample, enabled: "yes" }, "enabled"],
    [
      "no definition",
      { ...createBackupSample, operation_definition: undefined },
      "operation_definition",
    ],
    ["no trigger", { ...createBackupSample, trigger: undefined }, "trigger.properties"],
    [
      "an empty pattern list",
      { ...createBackupSample, trigger: { properties: { pattern: [] } } },
      "trigger.properties.pattern",
    ],
    [
      "a bad pattern",
      {
        ...createBackupSample,
        trigger: { properties: { pattern: ["FREQ=MONTHLY;BYHOUR=1;BYMINUTE=0"] } },
      },
      "trigger.properties.pattern",
    ],
    [
      "runs closer than an hour",
      {
        ...createBackupSample,
        trigger: {
          properties: {
            pattern: [
              "FREQ=DAILY;INTERVAL=1;BYHOUR=1;BYMINUTE=00",
              "FREQ=DAILY;INTERVAL=1;BYHOUR=1;BYMINUTE=30",
            ],
          },
        },
      },
      "trigger.properties.pattern",
    ],
    [
      "no timezone",
      { ...createBackupSample, operation_definition: { max_backups: 3 } },
      "operation_definition.timezone",
    ],
    ["a zone name", withDef({ timezone: "Europe/Berlin" }), "operation_definition.timezone"],
    ["UTC+15:00", withDef({ timezone: "UTC+15:00" }), "operation_definition.timezone"],
    ["UTC+8", withDef({ timezone: "UTC+8" }), "operation_definition.timezone"],
    [
      "both count and days",
      withDef({ max_backups: 3, retention_duration_days: 7 }),
      "operation_definition.retention_duration_days",
    ],
    [
      "days with long-term",
      withDef({ retention_duration_days: 7, week_backups: 4 }),
      "operation_definition.retention_duration_days",
    ],
    ["max_backups 0", withDef({ max_backups: 0 }), "operation_definition.max_backups"],
    ["max_backups 100000", withDef({ max_backups: 100_000 }), "operation_definition.max_backups"],
    ["max_backups 1.5", withDef({ max_backups: 1.5 }), "operation_definition.max_backups"],
    [
      "retention_duration_days 0",
      withDef({ retention_duration_days: 0 }),
      "operation_definition.retention_duration_days",
    ],
    ["day_backups 101", withDef({ day_backups: 101 }), "operation_definition.day_backups"],
    ["week_backups -1", withDef({ week_backups: -1 }), "operation_definition.week_backups"],
    [
      "month_backups as text",
      withDef({ month_backups: "3" }),
      "operation_definition.month_backups",
    ],
    ["year_backups 200", withDef({ year_backups: 200 }), "operation_definition.year_backups"],
    [
      "full_backup_interval 101",
      withDef({ full_backup_interval: 101 }),
      "operation_definition.full_backup_interval",
    ],
    [
      "full_backup_interval -2",
      withDef({ full_backup_interval: -2 }),
      "operation_definition.full_backup_interval",
    ],
    [
      "replication without a region",
      {
        ...createReplicationSample,
        operation_definition: { timezone: "UTC+01:00", destination_project_id: "x" },
      },
      "operation_definition.destination_region",
    ],
    [
      "replication without a project",
      {
        ...createReplicationSample,
        operation_definition: { timezone: "UTC+01:00", destination_region: "eu-nl" },
      },
      "operation_definition.destination_project_id",
    ],
    [
      "a region with a dot",
      {
        ...createReplicationSample,
        operation_definition: {
          ...createReplicationSample.operation_definition,
          destination_region: "eu.nl",
        },
      },
      "operation_definition.destination_region",
    ],
  ])("%s", (_, body, field) => {
    const result = checkCbrPolicyBody(body, "create", { region: "eu-de" });
    expect(result).toMatchObject({ ok: false, problem: { kind: "invalid", field } });
    expect(!result.ok && result.problem.message).toContain(field.split(".").at(-1));
  });

  it("a replication to the current region", () => {
    expect(
      checkCbrPolicyBody(createReplicationSample, "create", { region: "eu-nl" }),
    ).toMatchObject({
      ok: false,
      problem: { field: "operation_definition.destination_region" },
    });
  });

  it("an unknown type is the type refusal (BackupService.6117)", () => {
    expect(
      checkCbrPolicyBody({ ...createBackupSample, operation_type: "archive" }, "create"),
    ).toMatchObject({
      ok: false,
      problem: { kind: "type", field: "operation_type" },
    });
  });

  it("an update cannot change the type", () => {
    expect(checkCbrPolicyBody({ operation_type: "backup" }, "update")).toMatchObject({
      ok: false,
      problem: { field: "operation_type" },
    });
  });

  it("carries the schedule engine's code for a bad pattern", () => {
    const result = checkCbrPolicyBody(
      { trigger: { properties: { pattern: ["FREQ=DAILY;BYHOUR=25;BYMINUTE=00"] } } },
      "update",
    );
    expect(result).toMatchObject({ ok: false, problem: { scheduleCode: "out-of-range" } });
  });

  it("accepts -1 (off) for count and days, long-term with max_backups, and full_backup_interval -1", () => {
    expect(
      checkCbrPolicyBody(withDef({ max_backups: -1, retention_duration_days: -1 }), "create").ok,
    ).toBe(true);
    expect(
      checkCbrPolicyBody(
        withDef({
          max_backups: 7,
          day_backups: 7,
          week_backups: 4,
          month_backups: 12,
          year_backups: 100,
          full_backup_interval: -1,
        }),
        "create",
      ).ok,
    ).toBe(true);
  });
});

describe("time zones of the definition", () => {
  it.each([
    ["UTC+08:00", 480],
    ["UTC-05:30", -330],
    ["UTC+00:00", 0],
    ["UTC+14:00", 840],
    ["UTC-12:00", -720],
    ["UTC+14:30", null],
    ["UTC+08:60", null],
    ["GMT+08:00", null],
  ])("%s → %s", (text, minutes) => {
    expect(parseUtcOffset(text)).toBe(minutes);
    if (minutes !== null) expect(formatUtcOffset(minutes)).toBe(text);
  });

  it("gives the pruning rule in the definition's zone", () => {
    expect(
      retentionRuleOf({ max_backups: 5, day_backups: 7, timezone: "UTC+08:00" }),
    ).toMatchObject({
      maxBackups: 5,
      day: 7,
      offsetMinutes: 480,
    });
  });
});

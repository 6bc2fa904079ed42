import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { compiled } from "@/lib/schemas/compiled";
import * as hand from "../fixtures/hand-samples";
import * as seed from "../fixtures/seed-samples";
import {
  cbrBackupResponseSchema,
  cbrCheckpointResponseSchema,
  operationLogListSchema,
  vaultListSchema,
} from "./cbr";
import { looseBoolean, looseNumber, nextMarker, normalizeCloudDate } from "./common";
import {
  checkpointItemListSchema,
  checkpointItemResponseSchema,
  countSchema,
  csbsCheckpointResponseSchema,
  policyListSchema,
  policyResponseSchema,
  protectableResponseSchema,
  quotasResponseSchema,
  restorableResponseSchema,
  restoreResponseSchema,
} from "./csbs";
import { serverListSchema, volumeAttachmentListSchema } from "./ecs";
import { volumeListSchema } from "./evs";

const parse = <T>(schema: { parse(v: unknown): T }, text: string): T =>
  schema.parse(JSON.parse(text));

const seedCases: [string, z.ZodType, string][] = [
  ["protect (003)", csbsCheckpointResponseSchema, seed.csbsProtectResponse],
  ["protect (000)", csbsCheckpointResponseSchema, seed.csbsProtectResponseExcludeVolumes],
  ["protect (001)", csbsCheckpointResponseSchema, seed.csbsProtectResponseEn],
  ["check_protectable", protectableResponseSchema, seed.csbsCheckProtectableResponse],
  ["check_restorable", restorableResponseSchema, seed.csbsCheckRestorableResponse],
  ["create policy", policyResponseSchema, seed.csbsCreatePolicyResponse],
  ["update policy", policyResponseSchema, seed.csbsUpdatePolicyResponse],
  ["get policy", policyResponseSchema, seed.csbsGetPolicyResponse],
  ["list policies", policyListSchema, seed.csbsListPoliciesResponse],
  ["execute policy", csbsCheckpointResponseSchema, seed.csbsExecutePolicyResponse],
  ["count", countSchema, seed.csbsCountResponse],
  ["get item", checkpointItemResponseSchema, seed.csbsGetCheckpointItemResponse],
  ["list items", checkpointItemListSchema, seed.csbsListCheckpointItemsResponse],
  ["restore", restoreResponseSchema, seed.csbsRestoreResponse],
  ["quotas", quotasResponseSchema, seed.csbsQuotasResponse],
  ["CBR rename", cbrBackupResponseSchema, seed.cbrRenameBackupResponse],
  ["CBR checkpoint", cbrCheckpointResponseSchema, seed.cbrCreateCheckpointResponse],
];

describe("every response sample of the seeds parses", () => {
  it.each(seedCases)("%s", (_name, schema, text) => {
    expect(() => parse(schema, text)).not.toThrow();
  });

  it("covers every seed sample", () => {
    expect(seedCases.map((c) => c[2]).sort()).toEqual(
      Object.values(seed)
        .filter((v) => v !== seed.csbsDeleteResponse) // DELETE's `{}` is never parsed
        .sort(),
    );
  });
});

describe("CSBS values come out typed", () => {
  it("policy numbers and booleans sent as strings", () => {
    const { policy } = parse(policyResponseSchema, seed.csbsUpdatePolicyResponse);
    const def = policy.scheduled_operations[0]?.operation_definition;
    expect(def?.max_backups).toBe(20);
    expect(def?.retention_duration_days).toBe(-1);
    expect(def?.permanent).toBe(false); // "False"
    expect(policy.created_at).toBe("2017-04-09T14:31:25.504Z");
    expect(policy.resources.map((r) => r.name)).toEqual(["wqeq3"]);
  });

  it("keeps schedule patterns byte for byte", () => {
    const raw = JSON.parse(seed.csbsListPoliciesResponse).policies[0].scheduled_operations[0]
      .trigger.properties.pattern as string;
    const { policies } = parse(policyListSchema, seed.csbsListPoliciesResponse);
    const pattern = policies[0]?.scheduled_operations[0]?.trigger?.properties.pattern;
    expect(pattern).toBe(raw);
    // The sample mixes real CRLFs with escaped "\\r\\n": both survive untouched.
    expect(pattern).toContain("\r\n");
    expect(pattern).toContain("\\r\\n");
    const { policy } = parse(policyResponseSchema, seed.csbsCreatePolicyResponse);
    expect(policy.scheduled_operations[0]?.trigger?.properties.start_time).toBe(
      "2017-03-07T09:27:41.000Z",
    );
    expect(policy.status).toBe("suspended");
  });

  it("a policy whose operation has no trigger still parses", () => {
    const { policy } = parse(policyResponseSchema, seed.csbsGetPolicyResponse);
    expect(policy.scheduled_operations[0]?.trigger).toBeUndefined();
    expect(policy.scheduled_operations[0]?.enabled).toBe(true);
  });

  it("checkpoint items with their disk backups", () => {
    const { checkpoint_item: item } = parse(
      checkpointItemResponseSchema,
      seed.csbsGetCheckpointItemResponse,
    );
    expect(item.id).toBe("90c1d5fa-1b9f-4aeb-b2f4-81c806e98190");
    expect(item.created_at).toBe("2017-04-15T04:20:37.277Z");
    expect(item.extend_info.progress).toBe(100);
    expect(item.extend_info.volume_backups.map((v) => v.source_volume_name)).toEqual([
      "karbor_02",
      "karbor_01",
    ]);
    expect(item.extend_info.volume_backups[0]?.bootable).toBe(true);
    expect(item.extend_info.os_images_data).toEqual([
      { image_id: "fe84dd80-0229-4918-8d3d-cbb33154b565" },
    ]);
    expect(item.extend_info.fail_code).toEqual({});
    const list = parse(checkpointItemListSchema, seed.csbsListCheckpointItemsResponse);
    expect(list.checkpoint_items[0]?.extend_info.volume_backups).toHaveLength(2);
  });

  it("floats where integers are documented", () => {
    const text = seed.csbsGetCheckpointItemResponse
      .replace('"average_speed": 0,', '"average_speed": 25.2,')
      .replace('"space_saving_ratio": 0,', '"space_saving_ratio": "6.5",');
    const { checkpoint_item: item } = parse(checkpointItemResponseSchema, text);
    expect(item.extend_info.average_speed).toBe(25.2);
    expect(item.extend_info.space_saving_ratio).toBe(6.5);
  });

  it("quotas as an array (sample) or an object (table)", () => {
    const fromArray = parse(quotasResponseSchema, seed.csbsQuotasResponse);
    expect(fromArray).toEqual([
      { type: "backup_capacity", unit: "GB", quota: -1, used: 0 },
      { type: "backups", quota: 600, used: 0 },
    ]);
    const fromObject = quotasResponseSchema.parse({
      quotas: { resources: [{ type: "backups", quota: "600", used: "2" }] },
    });
    expect(fromObject).toEqual([{ type: "backups", quota: 600, used: 2 }]);
  });

  it("checkpoint extra_info kept as sent (a JSON string here)", () => {
    const { checkpoint } = parse(csbsCheckpointResponseSchema, seed.csbsExecutePolicyResponse);
    expect(checkpoint.extra_info).toBe('[{"created_by": "manual"}]');
    expect(checkpoint.protection_plan?.resources[0]?.id).toBe(
      "1c960fe4-e679-421a-97cd-4f7463d2344b",
    );
  });

  it("a response that is not what the operation returns is refused", () => {
    expect(() => parse(checkpointItemListSchema, seed.csbsCountResponse)).toThrow();
    expect(() => countSchema.parse({ count: "ten" })).toThrow();
  });
});

describe("CBR, ECS and EVS samples", () => {
  it("CBR placeholders do not break a backup", () => {
    const { backup } = parse(cbrBackupResponseSchema, seed.cbrRenameBackupResponse);
    expect(backup.id).toBe("string");
    expect(backup.created_at).toBeUndefined(); // "string" is not a date
    expect(backup.resource_size).toBeUndefined();
    expect(backup.extend_info?.support_lld).toBeUndefined();
    expect(backup.children).toHaveLength(1);
  });

  it("CBR backup children and mixed date forms", () => {
    const { backup } = parse(cbrBackupResponseSchema, hand.cbrShowBackupResponse);
    expect(backup.created_at).toBe("2020-02-05T10:38:34.209Z");
    expect(backup.expired_at).toBe("2020-02-21T07:07:25.114Z");
    expect(backup.children[0]?.resource_size).toBe(40);
    expect(backup.children[0]?.extend_info?.bootable).toBe(true);
  });

  it("CBR checkpoint resource sizes as numbers", () => {
    const { checkpoint } = parse(cbrCheckpointResponseSchema, seed.cbrCreateCheckpointResponse);
    expect(checkpoint.vault?.resources[0]?.resource_size).toBe(40);
    expect(checkpoint.extra_info?.retention_duration).toBe(-1);
    expect(checkpoint.created_at).toBe("2019-05-10T07:59:12.733Z");
  });

  it("vaults: numeric enterprise_project_id, string sizes, used in MB", () => {
    const data = parse(vaultListSchema, hand.cbrListVaultsResponse);
    const vault = data.vaults[0];
    expect(vault?.enterprise_project_id).toBe("0");
    expect(vault?.billing?.size).toBe(100);
    expect(vault?.billing?.used).toBe(17.5);
    expect(vault?.resources[0]?.backup_count).toBe(3);
    expect(data.limit).toBe(100);
  });

  it("operation logs", () => {
    const data = parse(operationLogListSchema, hand.cbrListOperationLogsResponse);
    const log = data.operation_logs[0];
    expect(log?.extra_info?.common?.progress).toBe(55);
    expect(log?.extra_info?.backup?.incremental).toBe(true);
    expect(log?.updated_at).toBe("2019-05-23T14:35:23.000Z");
  });

  it("servers, attachments and volumes", () => {
    const servers = parse(serverListSchema, hand.ecsListServersResponse);
    const server = servers.servers[0];
    expect(server?.image).toBeUndefined();
    expect(server?.flavor?.vcpus).toBe(2);
    expect(server?.["os-extended-volumes:volumes_attached"][0]?.delete_on_termination).toBe(false);
    expect(nextMarker(servers.servers_links)).toBe("f45c477a-57e5-465f-999f-d845083962db");
    const att = parse(volumeAttachmentListSchema, hand.ecsVolumeAttachmentsResponse);
    expect(att.volumeAttachments[0]?.device).toBe("/dev/vda");
    const volumes = parse(volumeListSchema, hand.evsListVolumesResponse);
    expect(volumes.volumes[0]?.bootable).toBe(true);
    expect(volumes.volumes[0]?.shareable).toBe(false);
    expect(volumes.volumes[0]?.updated_at).toBeUndefined();
    expect(volumes.volumes[0]?.attachments[0]?.attached_at).toBe("2024-03-01T10:01:00.000Z");
  });
});

describe("tolerant scalars", () => {
  it.each([
    ["2017-04-18T01:21:52.701973", "2017-04-18T01:21:52.701Z"],
    ["2017-03-07 09:27:41", "2017-03-07T09:27:41.000Z"],
    ["2020-02-21T07:07:25.114+00:00", "2020-02-21T07:07:25.114Z"],
    ["2020-02-21T07:07:25+08:00", "2020-02-20T23:07:25.000Z"],
    ["2020-02-21T07:07:25+0800", "2020-02-20T23:07:25.000Z"],
    ["2020-02-21T07:07:25Z", "2020-02-21T07:07:25.000Z"],
    ["2020-02-21", "2020-02-21T00:00:00.000Z"],
  ])("date %s", (input, expected) => {
    expect(normalizeCloudDate(input)).toBe(expected);
  });

  it.each(["string", "", "2020-13-45T00:00:00", "yesterday"])("unreadable date %j", (input) => {
    expect(normalizeCloudDate(input)).toBeUndefined();
    // Asked again (the remembered answer), still unreadable.
    expect(normalizeCloudDate(input)).toBeUndefined();
  });

  it("dates stay right past the bound of remembered answers", () => {
    for (let i = 0; i < 12_000; i++) {
      const seconds = String(i % 60).padStart(2, "0");
      const minutes = String(Math.floor(i / 60) % 60).padStart(2, "0");
      const hours = String(Math.floor(i / 3600)).padStart(2, "0");
      const expected = `2026-01-01T${hours}:${minutes}:${seconds}.000Z`;
      expect(normalizeCloudDate(`2026-01-01 ${hours}:${minutes}:${seconds}`)).toBe(expected);
    }
    expect(normalizeCloudDate("2020-02-21T07:07:25+0800")).toBe("2020-02-20T23:07:25.000Z");
  });

  it("tolerant fields never fail and keep readable values", () => {
    const item = checkpointItemListSchema.parse({
      checkpoint_items: [
        {
          id: 7,
          checkpoint_id: "c",
          status: "available",
          name: ["not", "a", "string"],
          created_at: "string",
          updated_at: "2020-02-21 07:07:25",
          extend_info: { size: "12.5", incremental: "TRUE", progress: {}, resource_name: 42 },
        },
      ],
    }).checkpoint_items[0];
    expect(item).toMatchObject({
      id: "7",
      name: undefined,
      created_at: undefined,
      updated_at: "2020-02-21T07:07:25.000Z",
      extend_info: { size: 12.5, incremental: true, progress: undefined, resource_name: "42" },
    });
    expect(() =>
      checkpointItemListSchema.parse({
        checkpoint_items: [{ id: {}, checkpoint_id: "c", status: "x" }],
      }),
    ).toThrow(/expected string/);
  });

  it("numbers and booleans", () => {
    expect(looseNumber.parse("20")).toBe(20);
    expect(looseNumber.parse("-1")).toBe(-1);
    expect(looseNumber.parse(25.2)).toBe(25.2);
    expect(() => looseNumber.parse("")).toThrow();
    expect(() => looseNumber.parse("x")).toThrow();
    expect(looseBoolean.parse("false")).toBe(false);
    expect(looseBoolean.parse("True")).toBe(true);
    expect(() => looseBoolean.parse("yes")).toThrow();
  });
});

describe("compiled parsers (lib/schemas/compiled) read every sample as the runtime parser does", () => {
  const handCases: [string, z.ZodType, string][] = [
    ["CBR backup", cbrBackupResponseSchema, hand.cbrShowBackupResponse],
    ["CBR vaults", vaultListSchema, hand.cbrListVaultsResponse],
    ["CBR operation logs", operationLogListSchema, hand.cbrListOperationLogsResponse],
    ["ECS servers", serverListSchema, hand.ecsListServersResponse],
    ["ECS attachments", volumeAttachmentListSchema, hand.ecsVolumeAttachmentsResponse],
    ["EVS volumes", volumeListSchema, hand.evsListVolumesResponse],
  ];
  it.each([...seedCases, ...handCases])("%s", (_name, schema, text) => {
    const json = JSON.parse(text);
    const fast = compiled(schema).safeParse(json);
    expect(fast.success).toBe(true);
    expect(fast).toStrictEqual(schema.safeParse(json));
  });

  it("and refuse what it refuses, with the same issues", () => {
    const broken = JSON.parse(seed.csbsListCheckpointItemsResponse);
    broken.checkpoint_items[0].id = { not: "an id" };
    const cases: [z.ZodType, unknown][] = [
      [checkpointItemListSchema, broken],
      [checkpointItemListSchema, JSON.parse(seed.csbsCountResponse)],
      [countSchema, { count: "ten" }],
    ];
    for (const [schema, input] of cases) {
      const fast = compiled(schema).safeParse(input);
      expect(fast.success).toBe(false);
      expect(fast.error?.issues).toStrictEqual(schema.safeParse(input).error?.issues);
    }
  });
});

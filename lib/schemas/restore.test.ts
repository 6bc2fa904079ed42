import { describe, expect, it } from "vitest";
import {
  confirmsServerName,
  mappingList,
  parseWizardParams,
  restoreSubmitBodySchema,
  type WizardState,
  wizardSearchParams,
} from "./restore";

const KEY = "0b6f8a52-1c1e-4d7a-9f43-3b8a5e2c9d10";
const SRV = "5aa119a8-d25b-45a7-8d1b-88e127885635";

describe("wizard URL state", () => {
  it("round-trips every choice", () => {
    const state: WizardState = {
      step: 3,
      service: "cbr",
      key: KEY,
      serverId: SRV,
      mapping: { "b-1": "v-1", "b-2": "v-2" },
      powerOn: false,
    };
    expect(parseWizardParams(wizardSearchParams(state))).toEqual(state);
  });

  it("defaults: step 1, CSBS, power on, nothing chosen", () => {
    expect(parseWizardParams(new URLSearchParams())).toEqual({
      step: 1,
      service: "csbs",
      key: undefined,
      serverId: undefined,
      mapping: {},
      powerOn: true,
    });
  });

  it("drops malformed values instead of failing", () => {
    const state = parseWizardParams(
      new URLSearchParams({
        step: "9",
        service: "other",
        key: "not-a-uuid",
        server: "<script>",
        map: "b-1:v-1,broken,:v-2,b-3:,b 4:v-4",
        power: "maybe",
      }),
    );
    expect(state).toEqual({
      step: 1,
      service: "csbs",
      key: undefined,
      serverId: undefined,
      mapping: { "b-1": "v-1" },
      powerOn: true,
    });
  });

  it("leaves defaults out of the URL", () => {
    const params = wizardSearchParams({ step: 1, service: "csbs", mapping: {}, powerOn: true });
    expect(params.toString()).toBe("step=1");
  });
});

describe("mappingList", () => {
  it("follows the disk order and skips unmapped disks", () => {
    expect(mappingList([{ id: "b" }, { id: "a" }, { id: "c" }], { a: "v-a", b: "v-b" })).toEqual([
      { backupId: "b", volumeId: "v-b" },
      { backupId: "a", volumeId: "v-a" },
    ]);
  });
});

describe("restoreSubmitBodySchema", () => {
  const body = {
    key: KEY,
    service: "csbs",
    backupId: SRV,
    serverId: SRV,
    powerOn: true,
    mappings: [{ backupId: "b", volumeId: "v" }],
  };

  it("accepts a complete body", () => {
    expect(restoreSubmitBodySchema.parse(body)).toEqual(body);
  });

  it("requires power on to be said explicitly", () => {
    const { powerOn: _, ...rest } = body;
    expect(restoreSubmitBodySchema.safeParse(rest).success).toBe(false);
    expect(restoreSubmitBodySchema.safeParse({ ...body, powerOn: "true" }).success).toBe(false);
  });

  it("requires a UUID key and at least one mapping", () => {
    expect(restoreSubmitBodySchema.safeParse({ ...body, key: "k" }).success).toBe(false);
    expect(restoreSubmitBodySchema.safeParse({ ...body, mappings: [] }).success).toBe(false);
  });
});

describe("confirmsServerName", () => {
  it("matches the exact name, ignoring surrounding spaces", () => {
    expect(confirmsServerName(" web-01 ", "web-01")).toBe(true);
    expect(confirmsServerName("web-0", "web-01")).toBe(false);
    expect(confirmsServerName("WEB-01", "web-01")).toBe(false);
    expect(confirmsServerName("", "")).toBe(false);
  });
});

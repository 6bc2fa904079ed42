import { describe, expect, it } from "vitest";
import { checkRestore } from "./rules";
import type { RestoreRequest, ServerBackup, TargetServer, VolumeMapping } from "./types";

const backup: ServerBackup = {
  id: "item-1",
  available: true,
  sourceServerId: "srv-1",
  disks: [
    { id: "b-sys", sourceVolumeId: "v-sys", sizeGb: 40, bootable: true, device: "/dev/vda" },
    { id: "b-data", sourceVolumeId: "v-data", sizeGb: 100, bootable: false, device: "/dev/vdb" },
  ],
};

const target: TargetServer = {
  id: "srv-1",
  volumes: [
    { id: "v-sys", sizeGb: 40, system: true, multiattach: false, attachedServerIds: ["srv-1"] },
    { id: "v-data", sizeGb: 100, system: false, multiattach: false, attachedServerIds: ["srv-1"] },
    { id: "v-small", sizeGb: 10, system: false, multiattach: false, attachedServerIds: ["srv-1"] },
    {
      id: "v-shared",
      sizeGb: 500,
      system: false,
      multiattach: true,
      attachedServerIds: ["srv-1", "srv-2"],
    },
    { id: "v-other", sizeGb: 500, system: false, multiattach: false, attachedServerIds: ["srv-2"] },
  ],
};

const good: VolumeMapping[] = [
  { backupId: "b-sys", volumeId: "v-sys" },
  { backupId: "b-data", volumeId: "v-data" },
];

function check(overrides: Partial<RestoreRequest>) {
  return checkRestore({ backup, target, mappings: good, ...overrides });
}

const codes = (request: Partial<RestoreRequest>) => check(request).map((v) => v.code);

describe("checkRestore", () => {
  it("accepts a complete mapping onto the original volumes", () => {
    expect(check({})).toEqual([]);
  });

  it("refuses a backup that is not available (CSBS.4000)", () => {
    expect(codes({ backup: { ...backup, available: false } })).toEqual(["CSBS.4000"]);
  });

  it("refuses a target server without disks (CSBS.6020)", () => {
    expect(codes({ target: { id: "srv-1", volumes: [] } })).toContain("CSBS.6020");
  });

  it("refuses a partial mapping and names the unmapped disk backups (CSBS.6018)", () => {
    const [v] = check({ mappings: [{ backupId: "b-sys", volumeId: "v-sys" }] });
    expect(v).toMatchObject({ code: "CSBS.6018", backupIds: ["b-data"] });
    expect(v?.message).toContain("partial restore is not supported");
  });

  it("refuses a disk backup that is not in the backup (CSBS.6017)", () => {
    const v = check({ mappings: [...good, { backupId: "b-ghost", volumeId: "v-small" }] });
    expect(v.map((x) => x.code)).toEqual(["CSBS.6017"]);
    expect(v[0]?.backupIds).toEqual(["b-ghost"]);
  });

  it("refuses a target volume not attached to the target server (CSBS.6014)", () => {
    const v = check({
      mappings: [
        { backupId: "b-sys", volumeId: "v-sys" },
        { backupId: "b-data", volumeId: "v-other" },
      ],
    });
    expect(v).toEqual([expect.objectContaining({ code: "CSBS.6014", volumeIds: ["v-other"] })]);
  });

  it("refuses a volume that does not exist at all (CSBS.6014)", () => {
    expect(
      codes({
        mappings: [
          { backupId: "b-sys", volumeId: "v-sys" },
          { backupId: "b-data", volumeId: "nope" },
        ],
      }),
    ).toEqual(["CSBS.6014"]);
  });

  it("refuses a target smaller than the source (CSBS.6024)", () => {
    const v = check({
      mappings: [
        { backupId: "b-sys", volumeId: "v-sys" },
        { backupId: "b-data", volumeId: "v-small" },
      ],
    });
    expect(v).toEqual([
      expect.objectContaining({ code: "CSBS.6024", backupIds: ["b-data"], volumeIds: ["v-small"] }),
    ]);
    expect(v[0]?.message).toBe(
      "Target volume (v-small) size (10) small than volume backup (b-data) size (100).",
    );
  });

  it("accepts a target larger than the source", () => {
    const bigger = {
      ...target,
      volumes: target.volumes.map((v) => (v.id === "v-data" ? { ...v, sizeGb: 200 } : v)),
    };
    expect(codes({ target: bigger })).toEqual([]);
  });

  it("refuses a data backup onto the system disk (CSBS.6023)", () => {
    const big = {
      ...target,
      volumes: target.volumes.map((v) => (v.id === "v-sys" ? { ...v, sizeGb: 200 } : v)),
    };
    const v = check({
      target: big,
      mappings: [
        { backupId: "b-sys", volumeId: "v-data" },
        { backupId: "b-data", volumeId: "v-sys" },
      ],
    });
    expect(v.map((x) => x.code)).toEqual(["CSBS.6023"]);
  });

  it("refuses a shared target (CSBS.6021)", () => {
    expect(
      codes({
        mappings: [
          { backupId: "b-sys", volumeId: "v-sys" },
          { backupId: "b-data", volumeId: "v-shared" },
        ],
      }),
    ).toEqual(["CSBS.6021"]);
  });

  it("refuses a volume used twice and a backup mapped twice", () => {
    const big = {
      ...target,
      volumes: target.volumes.map((v) => ({ ...v, sizeGb: 500 })),
    };
    expect(
      codes({
        target: big,
        mappings: [
          { backupId: "b-sys", volumeId: "v-sys" },
          { backupId: "b-data", volumeId: "v-data" },
          { backupId: "b-data", volumeId: "v-small" },
        ],
      }),
    ).toEqual(["RESTORE.DUPLICATE_BACKUP"]);
    const v = check({
      target: big,
      mappings: [
        { backupId: "b-sys", volumeId: "v-sys" },
        { backupId: "b-data", volumeId: "v-sys" },
      ],
    });
    expect(v.map((x) => x.code)).toEqual(["RESTORE.DUPLICATE_TARGET", "CSBS.6023"]);
    expect(v[0]).toMatchObject({ backupIds: ["b-sys", "b-data"], volumeIds: ["v-sys"] });
  });

  it("reports several problems at once, in a stable order", () => {
    expect(
      codes({
        backup: { ...backup, available: false },
        mappings: [{ backupId: "b-data", volumeId: "v-small" }],
      }),
    ).toEqual(["CSBS.4000", "CSBS.6024", "CSBS.6018"]);
  });
});

import { describe, expect, it } from "vitest";
import { byDevice, defaultMapping } from "./default-mapping";
import { checkRestore } from "./rules";
import type { ServerBackup, TargetServer } from "./types";

const backup: ServerBackup = {
  id: "item-1",
  available: true,
  sourceServerId: "srv-1",
  disks: [
    { id: "b-d2", sourceVolumeId: "v-d2", sizeGb: 50, bootable: false, device: "/dev/vdc" },
    { id: "b-sys", sourceVolumeId: "v-sys", sizeGb: 40, bootable: true, device: "/dev/vda" },
    { id: "b-d1", sourceVolumeId: "v-d1", sizeGb: 100, bootable: false, device: "/dev/vdb" },
  ],
};

function vol(id: string, sizeGb: number, device: string, serverId: string, extra = {}) {
  return {
    id,
    sizeGb,
    device,
    system: device === "/dev/vda",
    multiattach: false,
    attachedServerIds: [serverId],
    ...extra,
  };
}

describe("defaultMapping", () => {
  it("maps every disk back to its source volume on the original server", () => {
    const target: TargetServer = {
      id: "srv-1",
      volumes: [
        vol("v-sys", 40, "/dev/vda", "srv-1"),
        vol("v-d1", 100, "/dev/vdb", "srv-1"),
        vol("v-d2", 50, "/dev/vdc", "srv-1"),
      ],
    };
    const mapping = defaultMapping(backup, target);
    expect(mapping).toEqual([
      { backupId: "b-d2", volumeId: "v-d2" },
      { backupId: "b-sys", volumeId: "v-sys" },
      { backupId: "b-d1", volumeId: "v-d1" },
    ]);
    expect(checkRestore({ backup, target, mappings: mapping })).toEqual([]);
  });

  it("on another server maps system to system, then data disks by device order and size", () => {
    const target: TargetServer = {
      id: "srv-2",
      volumes: [
        vol("w-d3", 200, "/dev/vdd", "srv-2"),
        vol("w-d1", 60, "/dev/vdb", "srv-2"),
        vol("w-sys", 40, "/dev/vda", "srv-2"),
        vol("w-d2", 100, "/dev/vdc", "srv-2"),
      ],
    };
    // b-d1 (100 GB, vdb) skips w-d1 (60 GB) and takes w-d2; b-d2 (50 GB, vdc) then takes w-d1.
    expect(defaultMapping(backup, target)).toEqual([
      { backupId: "b-d2", volumeId: "w-d1" },
      { backupId: "b-sys", volumeId: "w-sys" },
      { backupId: "b-d1", volumeId: "w-d2" },
    ]);
  });

  it("never proposes a shared, too small or foreign volume, and leaves such disks unmapped", () => {
    const target: TargetServer = {
      id: "srv-2",
      volumes: [
        vol("w-sys", 20, "/dev/vda", "srv-2"),
        vol("w-shared", 500, "/dev/vdb", "srv-2", { multiattach: true }),
        vol("w-small", 10, "/dev/vdc", "srv-2"),
        vol("x-foreign", 500, "/dev/vdd", "srv-3"),
      ],
    };
    expect(defaultMapping(backup, target)).toEqual([]);
  });

  it("falls back to size and device order for disks whose source volume is gone", () => {
    const target: TargetServer = {
      id: "srv-1",
      volumes: [
        vol("v-sys", 40, "/dev/vda", "srv-1"),
        vol("v-d1", 100, "/dev/vdb", "srv-1"),
        vol("v-new", 80, "/dev/vdc", "srv-1"),
      ],
    };
    expect(defaultMapping(backup, target)).toEqual([
      { backupId: "b-d2", volumeId: "v-new" },
      { backupId: "b-sys", volumeId: "v-sys" },
      { backupId: "b-d1", volumeId: "v-d1" },
    ]);
  });
});

describe("byDevice", () => {
  it("orders devices naturally and keeps unknown devices last in their order", () => {
    const items = [
      { device: "/dev/vdaa", n: 1 },
      { device: undefined, n: 2 },
      { device: "/dev/vdc", n: 3 },
      { device: "/dev/vdb", n: 4 },
      { device: undefined, n: 5 },
    ];
    expect(byDevice(items).map((x) => x.n)).toEqual([4, 3, 1, 2, 5]);
  });
});

import { describe, expect, it } from "vitest";
import { defaultMapping } from "./default-mapping";
import { checkRestore } from "./rules";
import type { ServerBackup, TargetServer } from "./types";

// The shapes the simulator seeds (lib/sim/seed/compute.ts): a 40 GB system disk on /dev/vda and
// zero to three data disks (/dev/vdb…) of the seeded sizes; file-01 also carries a shared disk.
const DATA_SIZES = [10, 20, 40, 50, 100, 200, 500, 1024];
const device = (i: number) => `/dev/vd${String.fromCharCode(98 + i)}`;

function server(id: string, dataSizes: number[], shared = false): TargetServer {
  const volumes = [
    {
      id: `${id}-sys`,
      sizeGb: 40,
      system: true,
      multiattach: false,
      attachedServerIds: [id],
      device: "/dev/vda",
    },
    ...dataSizes.map((sizeGb, i) => ({
      id: `${id}-d${i}`,
      sizeGb,
      system: false,
      multiattach: false,
      attachedServerIds: [id],
      device: device(i),
    })),
  ];
  if (shared) {
    volumes.push({
      id: "shared",
      sizeGb: 2048,
      system: false,
      multiattach: true,
      attachedServerIds: [id, "file-02"],
      device: device(dataSizes.length),
    });
  }
  return { id, volumes };
}

function backupOf(target: TargetServer): ServerBackup {
  return {
    id: `item-${target.id}`,
    available: true,
    sourceServerId: target.id,
    disks: target.volumes
      .filter((v) => !v.multiattach)
      .map((v) => ({
        id: `b-${v.id}`,
        sourceVolumeId: v.id,
        sizeGb: v.sizeGb,
        bootable: v.system,
        ...(v.device ? { device: v.device } : {}),
      })),
  };
}

const shapes: number[][] = [[], [100], [20, 500], [10, 50, 1024]];

describe("defaultMapping on the seeded server shapes", () => {
  it.each(shapes.map((s) => [s.length, s] as const))(
    "with %i data disks, back onto the original server: every disk to its own volume",
    (_, sizes) => {
      const target = server("srv", sizes);
      const backup = backupOf(target);
      const mapping = defaultMapping(backup, target);
      expect(mapping).toEqual(
        backup.disks.map((d) => ({ backupId: d.id, volumeId: d.sourceVolumeId })),
      );
      expect(checkRestore({ backup, target, mappings: mapping })).toEqual([]);
    },
  );

  it.each(shapes.map((s) => [s.length, s] as const))(
    "with %i data disks, onto a server of the same shape: a complete, valid mapping",
    (_, sizes) => {
      const backup = backupOf(server("srv", sizes));
      const other = server("other", sizes);
      const mapping = defaultMapping(backup, other);
      expect(mapping).toHaveLength(backup.disks.length);
      expect(checkRestore({ backup, target: other, mappings: mapping })).toEqual([]);
    },
  );

  it("onto a server with fewer or smaller data disks: the rest stays unmapped and is reported", () => {
    const backup = backupOf(server("srv", [100, 500]));
    const smaller = server("other", [200, 50]);
    const mapping = defaultMapping(backup, smaller);
    // The 100 GB disk takes the 200 GB volume; nothing fits the 500 GB one.
    expect(mapping).toEqual([
      { backupId: "b-srv-sys", volumeId: "other-sys" },
      { backupId: "b-srv-d0", volumeId: "other-d0" },
    ]);
    expect(checkRestore({ backup, target: smaller, mappings: mapping }).map((v) => v.code)).toEqual(
      ["CSBS.6018"],
    );
  });

  it("never proposes file-01's shared disk, even when it is the only one large enough", () => {
    const backup = backupOf(server("srv", [1024]));
    const file01 = server("file-01", [100], true);
    const mapping = defaultMapping(backup, file01);
    expect(mapping.map((m) => m.volumeId)).not.toContain("shared");
    expect(mapping).toEqual([{ backupId: "b-srv-sys", volumeId: "file-01-sys" }]);
  });

  it("every seeded data size maps onto an equal or larger volume only", () => {
    for (const size of DATA_SIZES) {
      const backup = backupOf(server("srv", [size]));
      for (const other of DATA_SIZES) {
        const mapping = defaultMapping(backup, server("other", [other]));
        expect(mapping.length === 2).toBe(other >= size);
      }
    }
  });
});

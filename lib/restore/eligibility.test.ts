import { describe, expect, it } from "vitest";
import {
  type EligibilityCandidate,
  type EligibilitySource,
  isSystemDevice,
  serverIneligibility,
} from "./eligibility";

const source: EligibilitySource = {
  service: "csbs",
  serverId: "srv-1",
  bareMetal: false,
  availabilityZone: "eu-west-0a",
};
const candidate = (over: Partial<EligibilityCandidate> = {}): EligibilityCandidate => ({
  id: "srv-2",
  status: "ACTIVE",
  bareMetal: false,
  availabilityZone: "eu-west-0a",
  volumeCount: 2,
  ...over,
});

describe("serverIneligibility", () => {
  it("accepts another running or stopped server of the same type and zone", () => {
    expect(serverIneligibility(source, candidate())).toEqual([]);
    expect(serverIneligibility(source, candidate({ status: "SHUTOFF" }))).toEqual([]);
    expect(serverIneligibility(source, candidate({ status: "active" }))).toEqual([]);
  });

  it("refuses a faulty or resizing server", () => {
    for (const status of ["ERROR", "RESIZE", "VERIFY_RESIZE", "BUILD"]) {
      expect(serverIneligibility(source, candidate({ status }))).toEqual(["state"]);
    }
  });

  it("refuses a bare-metal server for a cloud-server backup and the reverse", () => {
    expect(serverIneligibility(source, candidate({ bareMetal: true }))).toEqual(["other_type"]);
    expect(serverIneligibility({ ...source, bareMetal: true }, candidate())).toEqual([
      "other_type",
    ]);
  });

  it("refuses another availability zone, but not when either zone is unknown", () => {
    expect(serverIneligibility(source, candidate({ availabilityZone: "eu-west-0b" }))).toEqual([
      "other_az",
    ]);
    expect(serverIneligibility(source, candidate({ availabilityZone: undefined }))).toEqual([]);
    expect(serverIneligibility({ ...source, availabilityZone: undefined }, candidate({}))).toEqual(
      [],
    );
  });

  it("refuses a server without disks", () => {
    expect(serverIneligibility(source, candidate({ volumeCount: 0 }))).toEqual(["no_disks"]);
  });

  it("lets CBR restore only onto the source server", () => {
    const cbr = { ...source, service: "cbr" as const };
    expect(serverIneligibility(cbr, candidate())).toEqual(["not_source"]);
    expect(serverIneligibility(cbr, candidate({ id: "srv-1" }))).toEqual([]);
  });

  it("lists every reason that applies", () => {
    expect(
      serverIneligibility(
        source,
        candidate({ status: "ERROR", availabilityZone: "eu-west-0b", volumeCount: 0 }),
      ),
    ).toEqual(["state", "other_az", "no_disks"]);
  });
});

describe("isSystemDevice", () => {
  it("takes the first device of each bus for the system disk", () => {
    for (const d of ["/dev/vda", "/dev/sda", "/dev/xvda", "/dev/hda"]) {
      expect(isSystemDevice(d, false)).toBe(true);
    }
    for (const d of ["/dev/vdb", "/dev/sdaa", "/dev/vdab", "/dev/sdc"]) {
      expect(isSystemDevice(d, true)).toBe(false);
    }
  });

  it("falls back to the bootable flag without a device", () => {
    expect(isSystemDevice(undefined, true)).toBe(true);
    expect(isSystemDevice(undefined, false)).toBe(false);
  });
});

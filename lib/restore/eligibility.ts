/**
 * Which servers a backup may be restored onto, and why the others may not. The wizard shows the
 * ineligible ones with their reason rather than hiding them (issue 6), so every reason is a code
 * the UI can put in words.
 */

export type ServerIneligibility =
  /** A bare-metal backup onto a cloud server or the reverse (CSBS.6016/6019). */
  | "other_type"
  /** Faulty, resizing, building…: only running or stopped servers can be restored (CSBS.6015). */
  | "state"
  /** The backup lives in another availability zone (CSBS.6025). */
  | "other_az"
  /** Nothing to write to (CSBS.6020). */
  | "no_disks"
  /** CBR puts a server backup back only onto the server it was taken from. */
  | "not_source";

export type EligibilitySource = {
  service: "csbs" | "cbr";
  serverId: string;
  bareMetal: boolean;
  /** The availability zone of the backed-up server, when the backup says it. */
  availabilityZone?: string | undefined;
};

export type EligibilityCandidate = {
  id: string;
  /** Nova status: ACTIVE, SHUTOFF, ERROR, RESIZE, VERIFY_RESIZE, BUILD… */
  status: string;
  bareMetal: boolean;
  availabilityZone?: string | undefined;
  volumeCount: number;
};

/** States a restore may start from (the vendors' consoles refuse faulty and resizing servers). */
export const RESTORABLE_SERVER_STATES: readonly string[] = ["ACTIVE", "SHUTOFF"];

/** Every reason the candidate cannot receive the backup, most fundamental first; [] = eligible. */
export function serverIneligibility(
  source: EligibilitySource,
  candidate: EligibilityCandidate,
): ServerIneligibility[] {
  const reasons: ServerIneligibility[] = [];
  if (source.service === "cbr" && candidate.id !== source.serverId) reasons.push("not_source");
  if (candidate.bareMetal !== source.bareMetal) reasons.push("other_type");
  if (!RESTORABLE_SERVER_STATES.includes(candidate.status.toUpperCase())) reasons.push("state");
  if (
    source.availabilityZone &&
    candidate.availabilityZone &&
    source.availabilityZone !== candidate.availabilityZone
  ) {
    reasons.push("other_az");
  }
  if (candidate.volumeCount === 0) reasons.push("no_disks");
  return reasons;
}

/**
 * Whether an attached volume is the server's system disk: the first device of the bus ("/dev/vda",
 * "/dev/sda", "/dev/xvda"). Without a device, a bootable volume is taken for the system disk.
 */
export function isSystemDevice(device: string | undefined, bootable: boolean): boolean {
  if (!device) return bootable;
  return /^\/dev\/(x?vd|sd|hd)a$/.test(device);
}

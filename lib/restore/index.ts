export { byDevice, defaultMapping } from "./default-mapping";
export {
  type EligibilityCandidate,
  type EligibilitySource,
  isSystemDevice,
  RESTORABLE_SERVER_STATES,
  type ServerIneligibility,
  serverIneligibility,
} from "./eligibility";
export { checkRestore } from "./rules";
export type {
  DiskBackup,
  RestoreRequest,
  RestoreViolation,
  RestoreViolationCode,
  ServerBackup,
  TargetServer,
  TargetVolume,
  VolumeMapping,
} from "./types";

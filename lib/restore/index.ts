export { byDevice, defaultMapping } from "./default-mapping";
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

import type { CsbsState } from "./types";

export function emptyCsbsState(): CsbsState {
  return {
    policies: [],
    items: [],
    restores: [],
    quotas: { backups: 1000, backupCapacityGb: -1, policies: 50 },
    scheduledUpTo: null,
  };
}

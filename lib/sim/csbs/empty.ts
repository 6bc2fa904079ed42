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

/**
 * A project's CSBS state as the code expects it, whatever the data dir holds (a state saved by an
 * older build, before a field existed): missing parts are filled in, in place.
 */
export function ensureCsbsState(project: { csbs: unknown }): CsbsState {
  const current = project.csbs as Partial<CsbsState> | null | undefined;
  const empty = emptyCsbsState();
  if (!current || typeof current !== "object") {
    project.csbs = empty;
    return empty;
  }
  current.policies ??= empty.policies;
  current.items ??= empty.items;
  current.restores ??= empty.restores;
  current.quotas ??= empty.quotas;
  current.scheduledUpTo ??= null;
  return current as CsbsState;
}

// Vault policies fire on their schedule: every run instant (read in UTC, lib/schedule) that the
// simulated clock passes backs up the whole vault as an `auto_trigger` checkpoint.
import { parseCbrPatterns, runsBetween } from "@/lib/schedule";
import { createCheckpoint } from "./checkpoints";
import { CbrFailure } from "./errors";
import type { CbrEnv } from "./operations";
import type { CbrProject, CbrVault } from "./types";

function dueRun(vault: CbrVault, now: Date): Date | null {
  if (!vault.policyId || !vault.policyPattern || vault.policyPattern.length === 0) return null;
  const parsed = parseCbrPatterns(vault.policyPattern);
  if (!parsed.ok) return null;
  const from = vault.policyCheckedAt ? new Date(vault.policyCheckedAt) : now;
  const runs = runsBetween(parsed.rules, from, now);
  // After a long pause (or a clock jump) the cloud runs a missed policy once, not once per slot.
  return runs.at(-1) ?? null;
}

/** Fires the policies whose run time has come. Returns whether anything changed. */
export function firePolicies(project: CbrProject, now: Date, env: CbrEnv): boolean {
  let changed = false;
  for (const vault of project.cbr.vaults) {
    if (!vault.policyId || !vault.policyPattern?.length) continue;
    const run = dueRun(vault, now);
    // Moving the mark alone is not worth a save: after a restart an unsaved mark only means the
    // window since the last saved one is checked again, and it held no run or it would be saved.
    vault.policyCheckedAt = now.toISOString();
    if (!run) continue;
    changed = true;
    if (vault.status !== "available" || vault.resources.length === 0) continue;
    try {
      createCheckpoint(
        project,
        {
          vaultId: vault.id,
          autoTrigger: true,
          description: "",
          incremental: true,
          name: null,
          resources: [],
          resourceDetails: [],
        },
        { ...env, now: run },
      );
    } catch (error) {
      // Nothing to back up at that run (every resource busy, vault full): the run is skipped.
      if (!(error instanceof CbrFailure)) throw error;
    }
  }
  return changed;
}

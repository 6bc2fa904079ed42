import path from "node:path";
import { z } from "zod";
import type { Durations } from "./context";

export type SimScale = "normal" | "large";

export type SimConfig = {
  host: string;
  port: number;
  dataDir: string;
  /** Re-seed instead of loading the saved state. */
  reset: boolean;
  scale: SimScale;
  /** Seed of the PRNG used for the seeded data and for `ctx.rng()`. */
  seed: string;
  durations: Durations;
  /** Fault rules installed at start (SIM_FAULTS, JSON array); validated by faults.ts. */
  faults: unknown;
  /** Debounce of the state file writes. */
  saveDelayMs: number;
};

export const defaultDurations: Durations = {
  protectMs: 20_000,
  restoreMs: 15_000,
  deleteMs: 5_000,
  tickMs: 1_000,
};

const positiveMs = z.coerce.number().int().positive();

const envSchema = z.object({
  SIM_HOST: z.string().min(1).default("127.0.0.1"),
  // The services take the six ports after SIM_PORT (lib/sim/endpoints.ts).
  SIM_PORT: z.coerce
    .number()
    .int()
    .min(0)
    .max(65535 - 6)
    .default(4010),
  SIM_DATA_DIR: z.string().min(1).default(".data/sim"),
  SIM_RESET: z.enum(["", "0", "1", "true", "false"]).default(""),
  SIM_SCALE: z.enum(["normal", "large"]).default("normal"),
  SIM_SEED: z.string().min(1).default("cloud-backup-console"),
  SIM_PROTECT_MS: positiveMs.default(defaultDurations.protectMs),
  SIM_RESTORE_MS: positiveMs.default(defaultDurations.restoreMs),
  SIM_DELETE_MS: positiveMs.default(defaultDurations.deleteMs),
  SIM_TICK_MS: positiveMs.default(defaultDurations.tickMs),
  SIM_FAULTS: z.string().default(""),
  SIM_SAVE_DELAY_MS: z.coerce.number().int().min(0).default(250),
});

/** Reads the simulator's configuration from the environment and the command line (`--reset`). */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  argv: string[] = process.argv.slice(2),
): SimConfig {
  // Empty variables count as unset, as in most .env tooling.
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([k, v]) => k.startsWith("SIM_") && v !== undefined && v !== ""),
  );
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid simulator setting ${String(issue?.path[0])}: ${issue?.message}`);
  }
  const e = parsed.data;
  let faults: unknown = [];
  if (e.SIM_FAULTS.trim() !== "") {
    try {
      faults = JSON.parse(e.SIM_FAULTS);
    } catch {
      throw new Error("Invalid simulator setting SIM_FAULTS: not JSON");
    }
  }
  return {
    host: e.SIM_HOST,
    port: e.SIM_PORT,
    dataDir: path.resolve(e.SIM_DATA_DIR),
    reset: e.SIM_RESET === "1" || e.SIM_RESET === "true" || argv.includes("--reset"),
    scale: e.SIM_SCALE,
    seed: e.SIM_SEED,
    durations: {
      protectMs: e.SIM_PROTECT_MS,
      restoreMs: e.SIM_RESTORE_MS,
      deleteMs: e.SIM_DELETE_MS,
      tickMs: e.SIM_TICK_MS,
    },
    faults,
    saveDelayMs: e.SIM_SAVE_DELAY_MS,
  };
}

import { availableParallelism } from "node:os";
import path from "node:path";
import { configDefaults, defineConfig } from "vitest/config";

/**
 * Suites that set `process.env.TZ` to run under other machine zones (lib/schedule/machine-zones.ts):
 * a new TZ takes effect for a whole process only, so these run in child processes. Everything else
 * runs in worker threads, which start far faster than processes.
 */
const MACHINE_ZONE_SUITES = [
  "lib/schedule/grid.test.ts",
  "lib/schedule/runs.test.ts",
  "lib/schedule/summary.test.ts",
  "lib/schedule/zone.test.ts",
  "lib/schedule/zoned-runs.test.ts",
];

const shared = {
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // `server-only` throws outside a React Server Component bundle; unit tests import server code directly.
      "server-only": path.resolve(import.meta.dirname, "lib/testing/server-only-stub.ts"),
    },
  },
};
const common = { environment: "node" as const, testTimeout: 20_000 };

export default defineConfig({
  ...shared,
  test: {
    // Vitest's default leaves a core idle on a 2-core machine (cores - 1), while most suites spend
    // their time waiting on a simulator, Keystone or Redis they started.
    maxWorkers: Math.max(2, availableParallelism()),
    projects: [
      {
        ...shared,
        test: {
          ...common,
          name: "threads",
          pool: "threads",
          include: ["lib/**/*.test.ts", "app/**/*.test.ts", "components/**/*.test.ts"],
          exclude: [...configDefaults.exclude, ...MACHINE_ZONE_SUITES],
        },
      },
      {
        ...shared,
        test: { ...common, name: "machine-zones", pool: "forks", include: MACHINE_ZONE_SUITES },
      },
    ],
  },
});

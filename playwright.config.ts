import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// A system Chromium (Debian's) where there is one: Playwright cannot download its own browsers on
// machines without internet access. Elsewhere Playwright's own browser is used.
const systemChromium = [process.env.CHROMIUM_PATH, "/usr/bin/chromium"].find(
  (p): p is string => !!p && existsSync(p),
);

// Ports are settable so that several runs can share a machine; the specs read the same variables.
process.env.E2E_SIM_PORT ??= "4110";
process.env.E2E_CONSOLE_PORT ??= "3100";
process.env.E2E_IDLE_CONSOLE_PORT ??= "3101";
// The consoles' upstream timeout; e2e/faults.spec.ts reads it to size its latency fault and waits.
process.env.E2E_CLOUD_TIMEOUT_MS ??= "5000";
const simPort = Number(process.env.E2E_SIM_PORT);
const consolePort = Number(process.env.E2E_CONSOLE_PORT);
const idleConsolePort = Number(process.env.E2E_IDLE_CONSOLE_PORT);
const basePath = process.env.NEXT_PUBLIC_BASE_PATH ?? "";
const dataDir = `.data/e2e-${consolePort}`;
// The simulator takes E2E_SIM_PORT and the six ports after it (one per service).
for (const port of [consolePort, idleConsolePort]) {
  if (port >= simPort && port <= simPort + 6)
    throw new Error(
      `Console port ${port} lies in the simulator's ports ${simPort}–${simPort + 6}: choose other E2E_* ports.`,
    );
}

/**
 * Specs whose subject is the server, not the page: desktop only (see the tablet project). auth.spec
 * is cookies, redirects and API answers; the sign-in form itself runs on the tablet at the start of
 * every tablet journey.
 */
const TABLET_SKIPS = [
  /multi-instance\.spec\.ts/,
  /session-timeout\.spec\.ts/,
  /faults\.spec\.ts/,
  /auth\.spec\.ts/,
];

/** The console under test: the production build, against the simulator started below. */
function consoleServer(port: number, env: Record<string, string>) {
  return {
    command: `node scripts/serve-built.mjs ${port}`,
    url: `http://localhost:${port}${basePath}/login`,
    reuseExistingServer: !process.env.CI,
    timeout: 240_000,
    stdout: "ignore" as const,
    env: {
      SIM_PORT: String(simPort),
      NEXT_TELEMETRY_DISABLED: "1",
      // A short client timeout keeps the "latency beyond the timeout" fault journeys short.
      CLOUD_TIMEOUT_MS: process.env.E2E_CLOUD_TIMEOUT_MS as string,
      // e2e/portal.spec.ts frames the console from pages on loopback ports it opens itself.
      FRAME_ANCESTORS: "'self' http://localhost:* http://127.0.0.1:*",
      PORTAL_URL: "https://portal.example.corp/ops",
      PORTAL_NAME: "Ops portal",
      ...env,
    },
  };
}

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json"]],
  use: {
    baseURL: `http://localhost:${consolePort}${basePath}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    contextOptions: { reducedMotion: "reduce" },
    launchOptions: {
      executablePath: systemChromium,
      args: systemChromium
        ? [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
          ]
        : [],
    },
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], channel: undefined } },
    {
      // An iPad's portrait viewport (768 × 1024) with touch and mobile emulation, in Chromium: the
      // only browser installed. Chromium's own user agent: nothing on the server reads it.
      name: "tablet",
      use: {
        ...devices["iPad Mini"],
        userAgent: undefined,
        browserName: "chromium",
        channel: undefined,
      },
      // Server-side journeys (several instances, timeouts, injected faults) see nothing of the
      // viewport: running them twice would cost minutes and find nothing new.
      testIgnore: TABLET_SKIPS,
    },
  ],
  webServer: [
    {
      command: "node_modules/.bin/tsx lib/sim/main.ts",
      url: `http://127.0.0.1:${simPort}/_sim/health`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
      env: {
        SIM_PORT: String(simPort),
        SIM_DATA_DIR: `${dataDir}/sim`,
        SIM_RESET: "1",
        SIM_PROTECT_MS: "4000",
        SIM_RESTORE_MS: "4000",
        SIM_DELETE_MS: "2000",
        SIM_TICK_MS: "250",
      },
    },
    consoleServer(consolePort, { SESSION_DB_PATH: `${dataDir}/sessions.sqlite` }),
    // A second console with a short idle timeout, for the session-expiry journey.
    consoleServer(idleConsolePort, {
      SESSION_DB_PATH: `${dataDir}/sessions-idle.sqlite`,
      SESSION_IDLE_TIMEOUT_S: "8",
    }),
  ],
});

import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// A system Chromium (Debian's) where there is one: Playwright cannot download its own browsers on
// machines without internet access. Elsewhere Playwright's own browser is used. Debian's "old
// headless shell" first: it is what Playwright itself runs headless, and on two cores it ran the
// same journeys in 58 s where the full browser took 80 (README, "Developing and testing").
const systemChromium = [
  process.env.CHROMIUM_PATH,
  "/usr/lib/chromium/chromium-headless-shell",
  "/usr/bin/chromium",
].find((p): p is string => !!p && existsSync(p));

// Each worker starts a simulator and a console of its own (e2e/fixtures.ts) on ports derived from
// these bases; they are settable so that several runs can share a machine.
process.env.E2E_SIM_PORT ??= "4110";
process.env.E2E_CONSOLE_PORT ??= "3100";
const simBase = Number(process.env.E2E_SIM_PORT);
const consoleBase = Number(process.env.E2E_CONSOLE_PORT);
// One worker by default: on the 2-core machines CI runs on, two workers (a browser, a console and a
// simulator each) took longer than one (24 min against 22, load above 10) and timed out journeys.
// Machines with more cores set E2E_WORKERS; every worker has servers of its own.
const workers = Number(process.env.E2E_WORKERS ?? 1);
// Worker i: simulator simBase + 10 i (and its six service ports), consoles consoleBase + 2 i and + 1.
const simTop = simBase + 10 * (workers - 1) + 6;
const consoleTop = consoleBase + 2 * workers - 1;
if (consoleBase <= simTop && simBase <= consoleTop) {
  throw new Error(
    `Console ports ${consoleBase}–${consoleTop} meet the simulators' ports ${simBase}–${simTop}: choose other E2E_* ports.`,
  );
}

/**
 * The tablet runs the journeys whose subject is the touch console itself: the shell and its drawer,
 * the overview's tiles, the lists as cards, the restore wizard, and the a11y sweep, which on the
 * tablet also checks that no page (discovered, so new pages are in) scrolls sideways and that every
 * control is a 44 px target (e2e/support/layout.ts). The other journeys test rules and the server,
 * which the viewport does not change: run twice they cost a third of the suite and found nothing
 * the sweep does not.
 */
const TABLET_JOURNEYS = [
  /a11y\.spec\.ts/,
  /shell\.spec\.ts/,
  /overview\.spec\.ts/,
  /tablet-servers-announce\.spec\.ts/,
  /backups\.spec\.ts/,
  /restore\.spec\.ts/,
];

export default defineConfig({
  testDir: "e2e",
  // Files are shared out among the workers; the journeys of one file run in order in one worker.
  fullyParallel: false,
  workers,
  // Builds the console once if it is missing or stale (for `npm run test:e2e` on its own).
  globalSetup: "./e2e/support/global-setup.ts",
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json"]],
  use: {
    // baseURL: each worker's own console (e2e/fixtures.ts).
    // Recording a trace of every journey cost a third of the suite's time on two cores; CI retries
    // a failed journey once, and that retry records one.
    trace: "on-first-retry",
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
      testMatch: TABLET_JOURNEYS,
    },
  ],
});

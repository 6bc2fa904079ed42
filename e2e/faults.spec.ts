import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import type { APIRequestContext, Page } from "@playwright/test";
import { CLOUD_TIMEOUT_MS, expect, originOf, SIM_URL, startSignedIn, test } from "./fixtures";

// The cloud misbehaves; every page must say so plainly with a way to retry, never go blank or throw,
// and no change may reach the cloud twice. The pages are the sidebar's, read from the running
// console, so that sections added later are covered. The console's own timeout is the one
// e2e/support/servers.ts starts it with (E2E_CLOUD_TIMEOUT_MS).

const SIM = `${SIM_URL}/_sim`;
/** Every project service (IAM apart): what the pages read. */
const SERVICES = "^/(csbs|cbr|ecs|evs)/";

type FaultRule = Record<string, unknown> & { path: string };
type Scenario = { name: string; rules: FaultRule[]; pagesWork?: boolean };

const SCENARIOS: Scenario[] = [
  {
    name: `latency beyond the client timeout (${CLOUD_TIMEOUT_MS + 2000} ms > ${CLOUD_TIMEOUT_MS} ms)`,
    rules: [{ path: SERVICES, latencyMs: CLOUD_TIMEOUT_MS + 2000 }],
  },
  { name: "500 with error code", rules: [{ path: SERVICES, status: 500, errorCode: "CSBS.9999" }] },
  { name: "503 with error code", rules: [{ path: SERVICES, status: 503, errorCode: "APIG.0503" }] },
  { name: "malformed JSON", rules: [{ path: SERVICES, malformed: true }] },
  { name: "dropped connection", rules: [{ path: SERVICES, drop: true }] },
  // A signed-in session holds its token: the pages do not need IAM and keep working.
  { name: "IAM down", rules: [{ path: "^/iam/", status: 503 }], pagesWork: true },
];

// Results survive the worker restarts that follow a failure: merged into one file per run folder.
const RESULTS = ".data/faults-results.json";
type Results = Record<string, Record<string, string>>;
function readResults(): Results {
  return existsSync(RESULTS) ? (JSON.parse(readFileSync(RESULTS, "utf8")) as Results) : {};
}
function mark(scenario: string, page: string, verdict: string) {
  const all = readResults();
  all[scenario] = { ...all[scenario], [page]: verdict };
  mkdirSync(".data", { recursive: true });
  writeFileSync(RESULTS, JSON.stringify(all, null, 2));
}

async function setFaults(request: APIRequestContext, rules: FaultRule[]) {
  const res = await request.put(`${SIM}/faults`, { data: rules });
  expect(res.ok(), await res.text()).toBe(true);
}
async function clearFaults(request: APIRequestContext) {
  expect((await request.delete(`${SIM}/faults`)).ok()).toBe(true);
}
async function changeCounts(request: APIRequestContext): Promise<Record<string, number>> {
  return (await (await request.get(`${SIM}/stats`)).json()).changeRoutes;
}

/** The sidebar's pages, as the signed-in console lists them. */
async function navPages(page: Page): Promise<string[]> {
  const links = page.getByRole("navigation", { name: "Main" }).first().getByRole("link");
  const hrefs = await links.evaluateAll((els) => els.map((a) => a.getAttribute("href") ?? ""));
  const base = new URL(page.url()).pathname.replace(/\/[^/]*$/, "");
  const paths = hrefs.map((h) => (base && h.startsWith(base) ? h.slice(base.length) || "/" : h));
  return [...new Set(paths)];
}

/**
 * Pages that show the console's own data only (the simulator sees no request from them). Declared
 * rather than guessed: on a loaded machine a page may not have asked anything yet when a guess is
 * made. Every other page, including those added later, must show an error with a retry.
 */
const READS_NO_CLOUD = new Set(["/activity"]);

/** Clear error with a way to retry: an alert and a "Try again" button, the shell still there. */
async function expectClearError(page: Page, timeout: number) {
  await expect(page.getByRole("button", { name: "Try again" }).first()).toBeVisible({ timeout });
  await expect(page.getByRole("alert").filter({ hasText: /\S/ }).first()).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).first()).toBeVisible();
}

/**
 * After the cloud recovers, "Try again" brings the page back without a reload. Known gap: the
 * section's error boundary (app/(console)/error.tsx) only re-renders on the client, so a page that
 * failed while rendering on the server stays failed until a reload; that case is reported as such
 * (and a reload must then bring it back).
 */
async function expectRecovery(page: Page, timeout: number): Promise<string> {
  const retry = page.getByRole("button", { name: "Try again" });
  // A page may hold several failed parts, each with its own button: one click a round.
  for (let i = 0; i < 6 && (await retry.count()) > 0; i++) {
    await retry
      .first()
      .click({ timeout: 2000 })
      .catch(() => {});
    await expect(retry)
      .toHaveCount(0, { timeout: 3000 })
      .catch(() => {});
  }
  if ((await retry.count()) > 0 && (await page.getByText(SECTION_ERROR).count()) > 0) {
    await page.reload();
    await expect(retry).toHaveCount(0, { timeout });
    return "error; Try again does not recover, reload does (server render)";
  }
  await expect(retry).toHaveCount(0, { timeout });
  return "error + retry ok";
}

type Tab = { path: string; page: Page; unhandled: string[]; verdict: string };

/** Runs `check` on every tab at once; fails with every page's failure, each named by its path. */
async function eachTab(tabs: Tab[], check: (tab: Tab) => Promise<void>) {
  const results = await Promise.allSettled(tabs.map(check));
  const failures = results.flatMap((result, i) =>
    result.status === "rejected"
      ? [
          `${tabs[i]?.path}: ${result.reason instanceof Error ? result.reason.message : result.reason}`,
        ]
      : [],
  );
  expect(failures, failures.join("\n\n")).toEqual([]);
}

/** The title of app/(console)/error.tsx. */
const SECTION_ERROR = "This page could not be shown";

test.describe("[FAULTS] the cloud misbehaves", () => {
  // Before as well: a worker that starts after a failure must not inherit the last rules.
  test.beforeEach(async ({ request }) => clearFaults(request));
  test.afterEach(async ({ request }) => clearFaults(request));

  test.afterAll(() => {
    const table = readResults();
    const pages = [...new Set(Object.values(table).flatMap((m) => Object.keys(m)))];
    const lines = [
      `| scenario | ${pages.join(" | ")} |`,
      `|---|${pages.map(() => "---").join("|")}|`,
      ...Object.entries(table).map(
        ([s, m]) => `| ${s} | ${pages.map((p) => m[p] ?? "–").join(" | ")} |`,
      ),
    ];
    writeFileSync(".data/faults-table.md", `${lines.join("\n")}\n`);
    console.log(`\n${lines.join("\n")}\n`);
  });

  for (const scenario of SCENARIOS) {
    test(`every page under ${scenario.name}`, async ({ page, context, app, request }) => {
      // /activity reads no cloud data: the sidebar is there at once.
      await startSignedIn(page, app, { path: "/activity" });
      const paths = await navPages(page);
      // Every page at once, each in its own tab of the one signed-in context: what a fault costs
      // (the timeouts, the server's and the browser's retries) is waited for once, not once a page.
      const tabs: Tab[] = [];
      for (const path of paths) {
        const tab = await context.newPage();
        const unhandled: string[] = [];
        tab.on("pageerror", (error) => unhandled.push(error.message));
        tabs.push({ path, page: tab, unhandled, verdict: "" });
      }
      const wait = CLOUD_TIMEOUT_MS * 3 + 20_000;
      test.setTimeout(60_000 + 3 * wait);

      await setFaults(request, scenario.rules);
      await test.step("each page under the fault", () =>
        eachTab(tabs, async (tab) => {
          await tab.page.goto(app(tab.path), { timeout: wait });
          if (scenario.pagesWork || READS_NO_CLOUD.has(tab.path)) {
            await expect(tab.page.getByRole("heading", { level: 1 })).toBeVisible({
              timeout: wait,
            });
            await tab.page.waitForLoadState("networkidle", { timeout: 10_000 }).catch(() => {});
            await expect(tab.page.getByRole("button", { name: "Try again" })).toHaveCount(0);
            tab.verdict = scenario.pagesWork ? "works" : "works (no cloud data)";
          } else {
            await expectClearError(tab.page, wait);
          }
        }));
      await clearFaults(request);
      await test.step("each page once the cloud is back", () =>
        eachTab(tabs, async (tab) => {
          if (!tab.verdict) tab.verdict = await expectRecovery(tab.page, wait);
          await expect(tab.page.locator("body")).not.toHaveText(/^\s*$/);
          expect(tab.unhandled, "unhandled errors in the page").toEqual([]);
          mark(scenario.name, tab.path, tab.verdict);
        }));
    });
  }

  test("a form keeps its input when the cloud fails on submit, and the change is sent once", async ({
    page,
    app,
    request,
  }) => {
    await startSignedIn(page, app, { path: "/policies/new" });
    const name = `e2e-fault-${Date.now().toString(36)}`;
    await page.getByLabel("Name", { exact: true }).fill(name);
    await page.getByLabel("Description").fill("kept after a 500");
    await page
      .getByTestId("schedule-builder")
      .getByRole("button", { name: "Nightly at 02:00" })
      .click();
    await request.post(`${SIM}/stats/reset`);
    await setFaults(request, [
      { path: "/csbs/v1/*/policies", method: "POST", status: 500, errorCode: "CSBS.9999" },
    ]);
    await page.getByRole("button", { name: "Create policy" }).click();
    await expect(page.getByRole("alert").filter({ hasText: /\S/ }).first()).toBeVisible({
      timeout: 20_000,
    });
    await expect(page.getByLabel("Name", { exact: true })).toHaveValue(name);
    await expect(page.getByLabel("Description")).toHaveValue("kept after a 500");
    await expect(page).toHaveURL(/\/policies\/new$/);
    const counts = await changeCounts(request);
    expect(counts["POST /csbs/v1/:project_id/policies"]).toBe(1);
    mark("500 on submit", "/policies/new", "input kept, sent once");
  });

  test("no change request reaches the cloud twice, whatever the fault", async ({
    page,
    app,
    request,
  }) => {
    await startSignedIn(page, app);
    const listed = await page.request.get(app("/api/policies"));
    expect(listed.ok()).toBe(true);
    const policies = (await listed.json()).policies as { id: string }[];
    const id = policies[0]?.id;
    expect(id, "a seeded policy").toBeTruthy();
    const changeFaults: FaultRule[][] = [
      [{ path: SERVICES, method: "POST", status: 500, errorCode: "CSBS.9999" }],
      [{ path: SERVICES, method: "POST", status: 503, errorCode: "APIG.0503" }],
      [{ path: SERVICES, method: "POST", malformed: true }],
      [{ path: SERVICES, method: "POST", drop: true }],
      [{ path: SERVICES, method: "POST", latencyMs: CLOUD_TIMEOUT_MS + 2000 }],
    ];
    test.setTimeout(60_000 + changeFaults.length * (CLOUD_TIMEOUT_MS + 10_000));
    for (const rules of changeFaults) {
      await request.post(`${SIM}/stats/reset`);
      await setFaults(request, rules);
      const res = await page.request.post(app(`/api/policies/${id}/execute`), {
        headers: { Origin: originOf(app) },
        data: {},
        timeout: CLOUD_TIMEOUT_MS + 20_000,
      });
      expect(res.status(), JSON.stringify(rules)).toBeGreaterThanOrEqual(500);
      const body = await res.json();
      expect(typeof body.error.code).toBe("string");
      const counts = Object.values(await changeCounts(request));
      expect(counts.length, JSON.stringify(rules)).toBeGreaterThan(0);
      for (const n of counts) expect(n, JSON.stringify(rules)).toBe(1);
      await clearFaults(request);
    }
    mark(
      "change under 500/503/malformed/drop/timeout",
      "POST /api/policies/{id}/execute",
      "sent once",
    );
  });
});

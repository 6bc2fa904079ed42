import type { Page } from "@playwright/test";
import { expect, SIM_URL, startSignedIn, test } from "./fixtures";
import { advanceSim, simNow, zoneOffsetMinutes } from "./support/sim-clock";

// The worker's simulator (e2e/fixtures.ts); its control API answers on loopback only.
const SIM_CONTROL = `${SIM_URL}/_sim`;
const ZONE = "Europe/Berlin";

type PolicyView = {
  id: string;
  name: string;
  pattern: string;
  enabled: boolean;
  lastRun?: { status: string; at?: string; auto?: boolean } | null;
};
type Candidate = { id: string; name: string; protectable: boolean; policy: unknown };

// The browser runs in Berlin: the builder's zone defaults to the browser's.
test.use({ timezoneId: ZONE, locale: "en-GB" });

async function policyByName(page: Page, app: (p: string) => string, name: string) {
  const res = await page.request.get(app("/api/policies"));
  expect(res.ok()).toBe(true);
  const { policies } = (await res.json()) as { policies: PolicyView[] };
  return policies.find((p) => p.name === name);
}

async function freeServer(page: Page, app: (p: string) => string): Promise<Candidate> {
  const res = await page.request.get(app("/api/servers/protectable"));
  expect(res.ok()).toBe(true);
  const { servers } = (await res.json()) as { servers: Candidate[] };
  const free = servers.find((s) => s.protectable && s.policy === null);
  expect(free, "a protectable server in no policy").toBeDefined();
  return free as Candidate;
}

test.describe("[POLICIES] policies and the schedule builder", () => {
  // Each journey makes many cloud changes against the simulator; the default minute is tight.
  test.describe.configure({ timeout: 150_000 });

  // Every journey opens its page itself.
  test.beforeEach(async ({ page, app }) => {
    await startSignedIn(page, app);
  });

  test("a schedule built in Berlin time is stored as the UTC pattern the preview promised, and fires then", async ({
    page,
    app,
    request,
  }) => {
    const name = `e2e-berlin-${Date.now().toString(36)}`;
    const server = await freeServer(page, app);
    await page.goto(app("/policies/new"));
    await expect(page.getByRole("heading", { name: "New backup policy" })).toBeVisible();
    const builder = page.getByTestId("schedule-builder");
    await expect(builder.getByLabel("Time zone")).toHaveValue(ZONE);

    await page.getByLabel("Name", { exact: true }).fill(name);
    await builder.getByRole("button", { name: "Nightly at 02:00" }).click();
    await builder.getByLabel("New time").fill("14:30");
    await builder.getByRole("button", { name: "Add time" }).click();

    // The grid shows both runs, each cell labelled with the day, hour and its run.
    await expect(builder.getByRole("button", { name: "Mon 02:00: runs at 02:00" })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
    await expect(builder.getByRole("button", { name: "Sun 14:00: runs at 14:30" })).toBeVisible();

    // The raw pattern is in UTC: Berlin's offset now moves 02:00 and 14:30 local.
    const offset = zoneOffsetMinutes(ZONE);
    const utc = (h: number, m: number) => {
      const total = (((h * 60 + m - offset) % 1440) + 1440) % 1440;
      return `BYHOUR=${Math.floor(total / 60)};BYMINUTE=${total % 60}`;
    };
    const patternField = builder.getByLabel("Pattern (UTC, iCalendar)");
    await expect(patternField).toHaveValue(new RegExp(`FREQ=DAILY;${utc(2, 0)}`));
    await expect(patternField).toHaveValue(new RegExp(`FREQ=DAILY;${utc(14, 30)}`));
    await expect(builder.getByTestId("schedule-summary")).toContainText(
      "02:00, 14:30 Europe/Berlin",
    );

    // The preview: local times 02:00/14:30 with their UTC instants.
    const rows = builder.getByTestId("schedule-next-runs").locator("tbody tr");
    await expect(rows).toHaveCount(10);
    await expect(rows.first()).toContainText(/(02:00|14:30)/);
    const previewed = (await rows.evaluateAll((trs) =>
      trs.map((tr) => tr.getAttribute("data-utc")),
    )) as string[];
    const promisedPattern = (await patternField.inputValue()).replace(/\r\n/g, "\n");

    await page.locator(`input[data-server="${server.name}"]`).check();
    await page.getByLabel("Backups kept per server").fill("3");
    await page.getByRole("button", { name: "Create policy" }).click();
    await page.waitForURL(/\/policies$/);
    await expect(page.locator(`[data-policy="${name}"]:visible`)).toBeVisible();

    const stored = await policyByName(page, app, name);
    expect(stored).toBeDefined();
    if (!stored) return;
    expect(stored.pattern.replace(/\r\n/g, "\n")).toBe(promisedPattern);

    // The simulator's scheduler fires at a previewed instant: not a minute before, once just after.
    const now = await simNow(request);
    const target = previewed.map(Date.parse).find((t) => t > now + 120_000);
    expect(target, "a previewed run after the simulator's clock").toBeDefined();
    if (!target) return;
    await advanceSim(request, target - 60_000 - now);
    await page.waitForTimeout(1_000);
    const before = await page.request.get(app(`/api/policies/${stored.id}`));
    const beforeRun = ((await before.json()) as { policy: PolicyView }).policy.lastRun;
    expect(beforeRun?.auto ?? false, "no automatic backup before the instant").toBe(false);

    await advanceSim(request, 120_000);
    await expect
      .poll(
        async () => {
          const res = await page.request.get(app(`/api/policies/${stored.id}`));
          return ((await res.json()) as { policy: PolicyView }).policy.lastRun ?? null;
        },
        { timeout: 15_000 },
      )
      .toMatchObject({ auto: true });
    const after = await page.request.get(app(`/api/policies/${stored.id}`));
    const at = Date.parse(
      ((await after.json()) as { policy: PolicyView }).policy.lastRun?.at ?? "",
    );
    expect(at).toBeGreaterThanOrEqual(target);
    expect(at).toBeLessThanOrEqual(target + 120_000 + 5_000);
  });

  test("create, refuse a duplicate name at the field, edit, disable, enable, run now, delete", async ({
    page,
    app,
    request,
  }) => {
    const name = `e2e-crud-${Date.now().toString(36)}`;
    const server = await freeServer(page, app);

    await page.goto(app("/policies/new"));
    const builder = page.getByTestId("schedule-builder");
    await page.getByLabel("Name", { exact: true }).fill(name);
    // A run tapped on the grid, then a close one: the builder says so at the grid.
    await builder.getByRole("button", { name: "Wed 03:00: no run" }).click();
    await expect(builder.getByRole("button", { name: "Wed 03:00: runs at 03:00" })).toBeVisible();
    await builder.getByLabel("New time").fill("03:30");
    await builder.getByRole("button", { name: "Add time" }).click();
    await expect(builder.getByTestId("schedule-close-runs")).toContainText("30 minutes apart");
    await builder.getByRole("button", { name: "Remove 03:30" }).click();
    await expect(builder.getByTestId("schedule-close-runs")).toHaveCount(0);
    await page.locator(`input[data-server="${server.name}"]`).check();
    await page.getByRole("button", { name: "Create policy" }).click();
    await page.waitForURL(/\/policies$/);
    const row = page.locator(`[data-policy="${name}"]:visible`);
    await expect(row).toContainText("Wed at 03:00 Europe/Berlin");

    // The same name again: the cloud's CSBS.9007 comes back to the name field; nothing is lost.
    await page.goto(app("/policies/new"));
    await page.getByLabel("Name", { exact: true }).fill(name);
    await page.getByLabel("Description").fill("kept after the error");
    await page
      .getByTestId("schedule-builder")
      .getByRole("button", { name: "Nightly at 02:00" })
      .click();
    await page.getByRole("button", { name: "Create policy" }).click();
    const nameField = page.getByLabel("Name", { exact: true });
    await expect(nameField).toHaveAttribute("aria-invalid", "true");
    await expect(page.locator('[data-slot="field-error"]').first()).toBeVisible();
    await expect(page.getByLabel("Description")).toHaveValue("kept after the error");
    await expect(page).toHaveURL(/\/policies\/new$/);

    // Edit: retention by days.
    await page.goto(app("/policies"));
    await row.getByRole("link", { name: `Edit ${name}` }).click();
    await expect(page.getByRole("heading", { name })).toBeVisible();
    await page.getByLabel("By time (retention days)").check();
    await page.getByLabel("Days each backup is kept").fill("14");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.waitForURL(/\/policies$/);
    await expect(row).toContainText("Keep 14 days");

    // Disable, enable.
    await row.getByRole("button", { name: "Disable" }).click();
    await expect(row).toContainText("Disabled");
    await row.getByRole("button", { name: "Enable" }).click();
    await expect(row.getByText("Enabled", { exact: true })).toBeVisible();

    // Run now (confirmed); a second run while the first is backing up is refused and explained.
    await row.getByRole("button", { name: "Run now" }).click();
    const dialog = page.getByRole("alertdialog");
    await expect(dialog).toContainText(`Run ${name} now?`);
    await dialog.getByRole("button", { name: "Start backup" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText(/Backup of 1 servers by .* started/)).toBeVisible();
    // The first run may already be done on a slow machine: the cloud's refusal is made certain.
    const fault = await request.post(`${SIM_CONTROL}/faults`, {
      data: {
        method: "POST",
        path: "^.*/providers/[^/]+/checkpoints$",
        status: 500,
        errorCode: "CSBS.1001",
        errorMessage: "The policy is executing backup.",
        times: 1,
      },
    });
    expect(fault.ok()).toBe(true);
    await row.getByRole("button", { name: "Run now" }).click();
    await dialog.getByRole("button", { name: "Start backup" }).click();
    await expect(dialog.getByRole("alert")).toContainText("Backups page");
    await dialog.getByRole("button", { name: "Cancel" }).click();

    // Delete (confirmed).
    await row.getByRole("button", { name: "Delete" }).click();
    await expect(dialog).toContainText(`Delete policy ${name}?`);
    await dialog.getByRole("button", { name: "Delete policy" }).click();
    await expect(row).toHaveCount(0);
    expect(await policyByName(page, app, name)).toBeUndefined();
  });
});

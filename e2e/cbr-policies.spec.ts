import type { Page } from "@playwright/test";
import { demo, expect, startSignedIn, test } from "./fixtures";
import { advanceSim, simNow, zoneOffsetMinutes } from "./support/sim-clock";
import { vaultNamed } from "./support/vaults";

const ZONE = "Europe/Berlin";
/** The CBR-only project: a vault's servers are protected by a CBR policy or by nothing. */
const PROJECT = demo.projects[2];
/** Three servers, bound to no backup policy in the seed. */
const VAULT = "vault-dev-servers";

type CbrPolicy = {
  id: string;
  name: string;
  enabled: boolean;
  pattern: string[];
  definition: Record<string, number | string>;
  vaults: { id: string; name: string; resources?: number }[];
};
type Task = { type: string; status: string; policyId?: string; resourceName?: string };

// The browser runs in Berlin: the builder's zone defaults to the browser's.
test.use({ timezoneId: ZONE, locale: "en-GB" });

async function storedPolicy(page: Page, app: (p: string) => string, id: string) {
  const res = await page.request.get(app(`/api/cbr-policies/${id}`));
  expect(res.ok()).toBe(true);
  return ((await res.json()) as { policy: CbrPolicy }).policy;
}

/** The overview's "servers without a policy": how many, and their names (the figure's title). */
async function withoutPolicy(page: Page, app: (p: string) => string) {
  await page.goto(app("/"));
  const figure = page.getByTestId("coverage-without-policy");
  await expect(figure).toBeVisible();
  const names = ((await figure.getAttribute("title")) ?? "").split(", ").filter(Boolean);
  return { count: Number(((await figure.textContent()) ?? "").split("/")[0]?.trim()), names };
}

/** The vault's backup tasks made by the policy (the cloud's operation logs carry its id). */
async function policyBackups(page: Page, app: (p: string) => string, vaultId: string, id: string) {
  const res = await page.request.get(app(`/api/vaults/${vaultId}/operation-logs?limit=100`));
  expect(res.ok()).toBe(true);
  const { tasks } = (await res.json()) as { tasks: Task[] };
  return tasks.filter((task) => task.type === "backup" && task.policyId === id);
}

test.describe("[CBR-POLICIES] CBR backup policies", () => {
  test.describe.configure({ timeout: 150_000 });

  test.beforeEach(async ({ page, app }) => {
    await startSignedIn(page, app, { project: PROJECT });
  });

  test("in the CBR-only project: built in Berlin time, stored as the previewed UTC rules, bound to a vault whose servers the overview then counts as protected, fires then for every resource; unbound (unprotected again) and deleted", async ({
    page,
    app,
    request,
  }, testInfo) => {
    // The journey moves the simulator's clock, which every later journey of the worker sees: once.
    test.skip(testInfo.project.name === "tablet", "moves the simulator's clock: desktop only");
    const name = `e2e-cbr-${Date.now().toString(36)}`;
    const vault = await vaultNamed(page, app, VAULT);
    const members = vault.resources.map((r) => r.name);
    // No CSBS here: the vault's servers are unprotected until a CBR policy backs the vault up.
    const before = await withoutPolicy(page, app);
    for (const server of members) expect(before.names).toContain(server);

    await page.goto(app("/policies"));
    await page.getByRole("link", { name: "New CBR policy" }).click();
    await expect(page.getByRole("heading", { name: "New CBR backup policy" })).toBeVisible();
    const builder = page.getByTestId("schedule-builder");
    await expect(builder.getByLabel("Time zone")).toHaveValue(ZONE);
    await page.getByLabel("Name", { exact: true }).fill(name);
    await builder.getByRole("button", { name: "Nightly at 02:00" }).click();
    await builder.getByLabel("New time").fill("14:30");
    await builder.getByRole("button", { name: "Add time" }).click();

    // CBR's form: one UTC rule per time, Berlin's offset today applied.
    const offset = zoneOffsetMinutes(ZONE);
    const utcRule = (h: number, m: number) => {
      const total = (((h * 60 + m - offset) % 1440) + 1440) % 1440;
      const minute = String(total % 60).padStart(2, "0");
      return `FREQ=DAILY;INTERVAL=1;BYHOUR=${Math.floor(total / 60)};BYMINUTE=${minute}`;
    };
    const patternField = builder.getByLabel("Pattern (UTC, one rule per line)");
    const promised = (await patternField.inputValue()).split("\n");
    expect(new Set(promised)).toEqual(new Set([utcRule(2, 0), utcRule(14, 30)]));
    await expect(builder.getByTestId("schedule-summary")).toContainText(
      "02:00, 14:30 Europe/Berlin",
    );
    const previewed = (await builder
      .getByTestId("schedule-next-runs")
      .locator("tbody tr")
      .evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-utc")))) as string[];
    expect(previewed).toHaveLength(10);

    await page.getByLabel("Backups kept per resource").fill("3");
    await page.getByLabel("Daily backups kept").fill("2");
    const sign = offset < 0 ? "-" : "+";
    const hh = String(Math.floor(Math.abs(offset) / 60)).padStart(2, "0");
    const mm = String(Math.abs(offset) % 60).padStart(2, "0");
    await expect(page.getByLabel("Periods counted in")).toHaveValue(`UTC${sign}${hh}:${mm}`);
    // The prune simulator: the newest 3 already hold the last two days' latest backups.
    const projection = page.getByTestId("cbr-retention-projection");
    await expect(projection).toContainText("each resource holds 3 automatic backups");
    await expect(projection).toContainText("3 newest, 2 daily");
    await page.getByRole("button", { name: "Create policy" }).click();
    await page.waitForURL(/\/policies\/cbr\/[0-9a-f-]{36}$/);
    const id = page.url().split("/").at(-1) as string;
    await expect(page.getByRole("heading", { name })).toBeVisible();
    await expect(page.getByTestId("cbr-policy-vaults")).toContainText("Bound to no vault");

    const created = await storedPolicy(page, app, id);
    expect(created.pattern).toEqual(promised);
    expect(created.definition).toMatchObject({
      max_backups: 3,
      day_backups: 2,
      timezone: `UTC${sign}${hh}:${mm}`,
    });

    // Bind it to the vault from its page.
    const bind = page.getByLabel("Bind to a vault");
    await bind.selectOption({ label: `${VAULT} (${vault.resources.length} resources)` });
    await page.getByRole("button", { name: "Bind", exact: true }).click();
    await expect(page.locator(`[data-bound-vault="${VAULT}"]`)).toBeVisible();
    expect((await storedPolicy(page, app, id)).vaults.map((v) => v.name)).toEqual([VAULT]);
    await page.goto(app("/policies"));
    const card = page.locator(`[data-cbr-policy="${name}"]`);
    await expect(card).toContainText(`${VAULT} (${vault.resources.length} resources)`);
    await expect(card).toContainText("02:00, 14:30 Europe/Berlin");
    // On the fleet grid of both services, at 14:00 Berlin time, with the vault's servers.
    const fleet = page.getByTestId("fleet-schedule");
    await expect(
      fleet.getByText(new RegExp(`14:00: \\d+ servers \\([^)]*${name}`)).first(),
    ).toBeAttached();
    const bound = await withoutPolicy(page, app);
    expect(bound.count).toBe(before.count - members.length);
    for (const server of members) expect(bound.names).not.toContain(server);

    // The simulator fires at a previewed instant: nothing a minute before, every resource after.
    const now = await simNow(request);
    const target = previewed.map(Date.parse).find((t) => t > now + 120_000);
    expect(target, "a previewed run after the simulator's clock").toBeDefined();
    if (!target) return;
    await advanceSim(request, target - 60_000 - now);
    await page.waitForTimeout(1_000);
    expect(await policyBackups(page, app, vault.id, id)).toHaveLength(0);
    await advanceSim(request, 120_000);
    await expect
      .poll(async () => (await policyBackups(page, app, vault.id, id)).length, { timeout: 15_000 })
      .toBe(vault.resources.length);
    // /tasks shows the run: the vault's backup tasks, one per resource at least.
    await page.goto(app(`/tasks?vault=${vault.id}&type=backup`));
    const taskRows = page
      .locator('[data-testid="task-row"], [data-testid="task-card"]')
      .filter({ visible: true });
    await expect
      .poll(() => taskRows.count(), { timeout: 15_000 })
      .toBeGreaterThanOrEqual(vault.resources.length);

    // Unbind, after a confirmation that says what stops; then delete.
    await page.goto(app(`/policies/cbr/${id}`));
    await page.getByRole("button", { name: `Unbind vault ${VAULT}` }).click();
    const dialog = page.getByRole("alertdialog");
    await expect(dialog).toContainText(`no longer back up its ${vault.resources.length} resources`);
    await dialog.getByRole("button", { name: "Unbind", exact: true }).click();
    await expect(page.getByTestId("cbr-policy-vaults")).toContainText("Bound to no vault");
    expect((await storedPolicy(page, app, id)).vaults).toEqual([]);
    const unbound = await withoutPolicy(page, app);
    expect(unbound.count).toBe(before.count);
    for (const server of members) expect(unbound.names).toContain(server);
    await page.goto(app(`/policies/cbr/${id}`));

    await page.getByRole("button", { name: "Delete", exact: true }).click();
    await expect(page.getByRole("alertdialog")).toContainText("bound to no vault");
    await page.getByRole("alertdialog").getByRole("button", { name: "Delete policy" }).click();
    await page.waitForURL(/\/policies$/);
    const gone = await page.request.get(app(`/api/cbr-policies/${id}`));
    expect(gone.status()).toBe(404);
  });

  test("a refused name stays at its field with everything typed, and nothing is sent", async ({
    page,
    app,
  }) => {
    let posts = 0;
    page.on("request", (r) => {
      if (r.method() === "POST" && r.url().endsWith("/api/cbr-policies")) posts += 1;
    });
    await page.goto(app("/policies/cbr/new"));
    const builder = page.getByTestId("schedule-builder");
    // The schedule first: leaving a bad name shows its message, which moves the page under a click.
    await builder.getByRole("button", { name: "Nightly at 02:00" }).click();
    await expect(builder.getByLabel("Pattern (UTC, one rule per line)")).not.toHaveValue("");
    await page.getByLabel("Name", { exact: true }).fill("has spaces");
    await page.getByLabel("Backups kept per resource").fill("5");
    await page.getByRole("button", { name: "Create policy" }).click();
    const nameField = page.getByLabel("Name", { exact: true });
    await expect(nameField).toHaveAttribute("aria-invalid", "true");
    await expect(
      page.getByText("Enter 1 to 64 letters, digits, _, - or Chinese characters."),
    ).toBeVisible();
    await expect(page.getByLabel("Backups kept per resource")).toHaveValue("5");
    await expect(builder.getByLabel("Pattern (UTC, one rule per line)")).not.toHaveValue("");
    // Retention by days: the cloud takes no long-term counts with it, and the form says so.
    await page.getByLabel("By time (retention days)").check();
    await expect(page.getByTestId("long-term-off")).toBeVisible();
    await expect(page.getByLabel("Daily backups kept")).toBeDisabled();
    expect(posts).toBe(0);
    await expect(page).toHaveURL(/\/policies\/cbr\/new$/);
  });
});

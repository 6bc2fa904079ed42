import type { Page } from "@playwright/test";
import { demo, expect, originOf, SIM_URL, startSignedIn, test } from "./fixtures";
import { vaultNamed } from "./support/vaults";

// Vault journeys run in project cn-north-4 and only touch its vaults (the other specs work in
// eu-west-0), so they can share the worker's simulator with the specs that run before them.

const PROJECT = demo.projects[1];
const SIM_CONTROL = `${SIM_URL}/_sim`;
const CHECKPOINT_ROUTE = "POST /cbr/v3/:project_id/checkpoints";

async function checkpointRequests(page: Page): Promise<number> {
  const res = await page.request.get(`${SIM_CONTROL}/stats`);
  const stats = (await res.json()) as { changeRoutes?: Record<string, number> };
  return stats.changeRoutes?.[CHECKPOINT_ROUTE] ?? 0;
}

async function openVault(page: Page, app: (p: string) => string, name: string) {
  await page.goto(app("/vaults"));
  await page.getByRole("link", { name, exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
}

/** The vault's backups: a table on desktop, cards on the tablet, with the same test id. */
function backupRows(page: Page, name: string) {
  return page
    .getByTestId("vault-backup")
    .filter({ visible: true })
    .filter({ has: page.getByRole("link", { name, exact: true }) });
}

test.describe("[VAULTS] CBR vaults", () => {
  // Every journey opens its page itself.
  test.beforeEach(async ({ page, app }) => {
    await startSignedIn(page, app, { project: PROJECT });
  });

  test("lists vaults and filters them through the URL", async ({ page, app }) => {
    await page.goto(app("/vaults"));
    const rows = page.getByTestId("vault-row").filter({ visible: true });
    await expect(rows).toHaveCount(5);
    await expect(page.getByText("1–5 of 5")).toBeVisible();
    const prod = rows.filter({ hasText: "vault-prod-servers" });
    await expect(prod).toContainText("Server");
    await expect(prod).toContainText("Available");
    await expect(prod).toContainText("Policy applied");
    await expect(prod.getByRole("meter")).toBeVisible();
    await expect(rows.filter({ hasText: "vault-dev-servers" })).toContainText("Enabled");

    // Type, from the select: the URL carries it and a chip says it.
    await page.getByLabel("Type", { exact: true }).click();
    await page.getByRole("option", { name: "Disk" }).click();
    await expect(page).toHaveURL(/[?&]type=disk/);
    await expect(rows).toHaveCount(2);
    await expect(page.getByRole("list", { name: "Active filters" })).toContainText("Type: Disk");

    // Name, typed; both filters apply.
    await page.getByLabel("Name", { exact: true }).fill("frozen");
    await page.getByRole("button", { name: "Filter", exact: true }).click();
    await expect(page).toHaveURL(/name=frozen/);
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText("vault-archive-frozen");
    await expect(rows.first()).toContainText("Frozen");

    // A removed chip drops its filter only.
    await page.getByRole("button", { name: "Remove filter Type: Disk" }).click();
    await expect(page).not.toHaveURL(/type=/);
    await expect(rows).toHaveCount(1);

    // The view is the URL: a status filter and a page beyond the end.
    await page.goto(app("/vaults?status=available&type=server"));
    await expect(rows).toHaveCount(3);
    await page.goto(app("/vaults?size=10&page=2"));
    await expect(page.getByText("No vault matches these filters.")).toBeVisible();
    await page.getByRole("button", { name: "Previous page" }).click();
    await expect(rows).toHaveCount(5);
  });

  test("a vault without resources says there is nothing to back up", async ({ page, app }) => {
    await openVault(page, app, "vault-empty");
    await expect(page.getByText("No resource is associated with this vault yet")).toBeVisible();
    await page.getByRole("button", { name: "Back up vault" }).click();
    await expect(
      page
        .getByRole("dialog")
        .getByText("This vault has no resources: there is nothing to back up."),
    ).toBeVisible();
    await expect(page.getByRole("button", { name: "Start backup" })).toHaveCount(0);
  });

  test("backs up a whole vault: field rules first, one request per click, live to available, rename", async ({
    page,
    app,
  }) => {
    // Each project (desktop, tablet) runs on the same simulator: its own names.
    const whole = `e2e_whole_${test.info().project.name}`;
    const renamed = `e2e_renamed_${test.info().project.name}`;
    await openVault(page, app, "vault-data-disks");
    await expect(page.getByTestId("vault-resource")).toHaveCount(3);
    const before = await checkpointRequests(page);

    await page.getByRole("button", { name: "Back up vault" }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByLabel("All resources (3)")).toBeChecked();
    const name = dialog.getByLabel("Name", { exact: true });
    await expect(name).toHaveValue(/^manualbk_[0-9a-f]{4}$/);

    // Field rules are checked before anything is sent.
    await name.fill("whole vault!");
    await dialog.getByLabel("Description (optional)").fill("d".repeat(256));
    await dialog.getByRole("button", { name: "Start backup" }).click();
    await expect(dialog.getByText("The name may only hold letters, digits")).toBeVisible();
    await expect(
      dialog.getByText("The description is too long (at most 255 characters)."),
    ).toBeVisible();
    await expect(name).toHaveAttribute("aria-invalid", "true");
    expect(await checkpointRequests(page)).toBe(before);

    await name.fill(whole);
    await dialog.getByLabel("Description (optional)").fill("whole vault from the e2e suite");
    // Incremental (the default): full backups of the same disks from both projects' runs would fill
    // this vault, which the cloud then refuses.
    await expect(dialog.getByLabel("Incremental backup")).toBeChecked();
    // A double click sends one request.
    await dialog.getByRole("button", { name: "Start backup" }).dblclick();

    const result = dialog.getByTestId("checkpoint-result");
    await expect(result).toContainText("Backing up 3 resource(s)");
    await expect(result).toContainText("No resource was skipped.");
    await expect(result.getByTestId("checkpoint-skipped")).toHaveCount(0);
    expect(await checkpointRequests(page)).toBe(before + 1);
    await dialog.getByRole("button", { name: "Done" }).click();

    // The page keeps the result, and the three backups progress live to available.
    await expect(page.getByTestId("checkpoint-result")).toContainText("Backing up 3 resource(s)");
    const rows = backupRows(page, whole);
    await expect(rows).toHaveCount(3);
    await expect(rows.first()).toContainText("Incremental");
    for (let i = 0; i < 3; i++) {
      await expect(rows.nth(i)).toHaveAttribute("data-status", "available", { timeout: 30_000 });
    }
    await expect(page.getByTestId("live")).toHaveCount(0);

    // Rename one through the backups' own rename dialog, reached from the vault.
    await rows.first().getByRole("button", { name: "Rename" }).click();
    const rename = page.getByRole("dialog", { name: "Rename backup" });
    await rename.getByLabel("Name", { exact: true }).fill(renamed);
    await rename.getByRole("button", { name: "Rename" }).click();
    await expect(rename).toBeHidden();
    await expect(backupRows(page, renamed)).toHaveCount(1);
    await expect(backupRows(page, whole)).toHaveCount(2);

    // Delete another from the vault, through the backups' own confirmation: it leaves the list.
    await backupRows(page, whole)
      .first()
      .getByRole("button", { name: `Delete ${whole}` })
      .click();
    const confirm = page.getByRole("alertdialog");
    await expect(confirm).toContainText(`Delete backup ${whole}?`);
    await confirm.getByRole("button", { name: "Delete (1)" }).click();
    await expect(confirm).toBeHidden();
    await expect(backupRows(page, whole)).toHaveCount(1, { timeout: 30_000 });
    await expect(backupRows(page, renamed)).toHaveCount(1);

    // Its name opens the backups' detail page, with the same rename and restore flows.
    await backupRows(page, renamed).getByRole("link", { name: renamed }).click();
    await expect(page).toHaveURL(/\/backups\/[0-9a-f-]+\?service=cbr/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(renamed);
  });

  test("backs up a subset: a resource already being backed up comes back skipped with its reason", async ({
    page,
    app,
  }) => {
    const subset = `e2e_subset_${test.info().project.name}`;
    const otherName = `e2e_other_${test.info().project.name}`;
    const vault = await vaultNamed(page, app, "vault-dev-servers");
    const [busy, free] = vault.resources;
    if (!busy || !free) throw new Error("vault-dev-servers needs two servers");
    await openVault(page, app, "vault-dev-servers");

    await page.getByRole("button", { name: "Back up vault" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Chosen resources").check();
    await dialog.getByLabel("Name", { exact: true }).fill(subset);
    await dialog.getByLabel("Full backup").check();
    const before = await checkpointRequests(page);
    await dialog.getByRole("button", { name: "Start backup" }).click();
    await expect(dialog.getByText("Choose at least one resource to back up.")).toBeVisible();
    expect(await checkpointRequests(page)).toBe(before);

    await dialog.getByRole("checkbox", { name: busy.name }).check();
    await dialog.getByRole("checkbox", { name: free.name }).check();

    // Meanwhile someone else starts a backup of the first server.
    const other = await page.request.post(app("/api/checkpoints"), {
      headers: { origin: originOf(app) },
      data: { vaultId: vault.id, name: otherName, incremental: true, resources: [busy.id] },
    });
    expect(other.status()).toBe(200);

    await dialog.getByRole("button", { name: "Start backup" }).click();
    const skipped = dialog.getByTestId("checkpoint-skipped");
    await expect(skipped).toContainText("1 resource(s) skipped");
    await expect(skipped.getByTestId("skipped-resource")).toHaveCount(1);
    await expect(skipped).toContainText(busy.name);
    await expect(skipped).toContainText("The resource is being backed up.");
    await expect(skipped).toContainText("BackupService.0002");
    const covered = dialog.getByTestId("covered-resources");
    await expect(covered).toContainText(free.name);
    await expect(covered).not.toContainText(busy.name);
    await dialog.getByRole("button", { name: "Done" }).click();

    const rows = backupRows(page, subset);
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText(free.name);
    await expect(rows.first()).toContainText("Full");
    await expect(rows.first()).toHaveAttribute("data-status", "available", { timeout: 30_000 });
    await expect(backupRows(page, otherName).first()).toHaveAttribute("data-status", "available", {
      timeout: 30_000,
    });
    await expect(page.getByTestId("restore-point").filter({ hasText: subset })).toHaveCount(1);
  });

  test("the cloud's refusal of a frozen vault is shown and the form is kept", async ({
    page,
    app,
  }) => {
    await openVault(page, app, "vault-archive-frozen");
    await page.getByRole("button", { name: "Back up vault" }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByText(/The vault is Frozen/)).toBeVisible();
    await dialog.getByLabel("Name", { exact: true }).fill("e2e_frozen");
    await dialog.getByRole("button", { name: "Start backup" }).click();
    await expect(dialog.getByRole("alert")).toContainText("The backup was not started");
    await expect(dialog.getByLabel("Name", { exact: true })).toHaveValue("e2e_frozen");
  });
});

import { expect, type Page } from "@playwright/test";
import { demo, startSignedIn, test } from "./fixtures";

// The auditor is read-only: the cloud refuses every change of theirs with 403. The console shows
// them everything and offers no change, rather than buttons that can only fail.

/** Visible buttons and links whose name says they change something. */
const changeControls = (page: Page) =>
  page
    .getByRole("main")
    .getByRole("button", {
      name: /^(Enable|Disable|Run now|Delete|Rename|Back up|Save changes|Create policy)/,
    })
    .or(page.getByRole("main").getByRole("link", { name: /^(New (CBR |CSBS )?policy|Restore)/ }))
    .filter({ visible: true });

test.describe("[AUTH] read-only users", () => {
  test("see policies, vaults and backups with no change offered", async ({ page, app }) => {
    await startSignedIn(page, app, { as: demo.auditor, path: "/policies" });

    // Policies of both services: "View" rather than "Edit", and no new, enable, run or delete.
    const cbrView = page
      .locator("[data-cbr-policy]")
      .getByRole("link", { name: /^View / })
      .filter({ visible: true });
    const csbsView = page
      .locator("[data-policy]")
      .getByRole("link", { name: /^View / })
      .filter({ visible: true });
    await expect(cbrView.first()).toBeVisible();
    await expect(csbsView.first()).toBeVisible();
    await expect(page.getByRole("link", { name: /^Edit / })).toHaveCount(0);
    await expect(changeControls(page)).toHaveCount(0);

    // A CBR policy's page: its vaults without bind or unbind, its editor with nothing to save.
    await cbrView.first().click();
    await expect(page).toHaveURL(/\/policies\/cbr\/[0-9a-f-]+$/);
    await expect(page.getByTestId("read-only-notice")).toContainText("Read-only");
    await expect(page.getByTestId("cbr-policy-form")).toBeVisible();
    await expect(page.getByTestId("cbr-policy-vaults")).toBeVisible();
    await expect(page.getByRole("button", { name: /^(Bind|Unbind)/ })).toHaveCount(0);
    await expect(changeControls(page)).toHaveCount(0);

    // A CSBS policy's page says why nothing can be saved; the schedule builder is still there to read.
    await page.goBack();
    await csbsView.first().click();
    await expect(page).toHaveURL(/\/policies\/[0-9a-f-]+$/);
    await expect(page.getByTestId("read-only-notice")).toContainText("Read-only");
    await expect(page.getByTestId("policy-form")).toBeVisible();
    await expect(changeControls(page)).toHaveCount(0);

    // A vault: its backups without restore, rename or delete, and no vault backup.
    const vaults = await page.request.get(app("/api/vaults?name=vault-prod-servers"));
    const vault = ((await vaults.json()) as { vaults: { id: string; name: string }[] }).vaults.find(
      (v) => v.name === "vault-prod-servers",
    );
    await page.goto(app(`/vaults/${vault?.id}`));
    await expect(page.getByTestId("vault-backup").filter({ visible: true }).first()).toBeVisible();
    await expect(changeControls(page)).toHaveCount(0);

    // An available backup: its detail offers neither restore nor delete.
    const list = await page.request.get(app("/api/backups?status=available&size=1"));
    const [backup] = ((await list.json()) as { items: { id: string; name: string }[] }).items;
    await page.goto(app(`/backups/${backup?.id}`));
    await expect(page.getByRole("heading", { level: 1 })).toContainText(backup?.name ?? "");
    await expect(page.getByText("Available", { exact: true }).first()).toBeVisible();
    await expect(changeControls(page)).toHaveCount(0);
  });

  test("the same pages offer the admin their changes", async ({ page, app }) => {
    // The other half of the check above: the same selector finds the admin's controls.
    await startSignedIn(page, app, { path: "/policies" });
    await expect(changeControls(page).first()).toBeVisible();
    await page
      .getByRole("link", { name: /^Edit / })
      .filter({ visible: true })
      .first()
      .click();
    await expect(page.getByRole("button", { name: "Save changes" })).toBeVisible();
    await expect(page.getByTestId("read-only-notice")).toHaveCount(0);
  });
});

import { expect } from "@playwright/test";
import { SIM_URL, startSignedIn, test } from "./fixtures";

const SIM_CONTROL = `${SIM_URL}/_sim`;

test.describe("[SERVERS] servers and back up now", () => {
  // Every journey opens /servers itself.
  test.beforeEach(async ({ page, app }) => {
    await startSignedIn(page, app);
  });

  test("lists servers with disks, policy, last backup and why one cannot be backed up", async ({
    page,
    app,
  }) => {
    await page.goto(app("/servers"));
    const web = page.getByTestId("server-row").filter({ hasText: "web-01" });
    // The first load asks ECS, EVS and CSBS (four listings and one check): slow on a busy machine.
    await expect(web).toBeVisible({ timeout: 30_000 });
    await expect(web).toContainText("System disk");
    const pxe = page.getByTestId("server-row").filter({ hasText: "pxe-01" });
    await expect(pxe).toContainText("No:");
    await expect(pxe.getByRole("button", { name: "Back up pxe-01 now" })).toBeDisabled();
  });

  test("a backup made with Back up now appears at once and reaches available while the page is open", async ({
    page,
    app,
  }) => {
    await page.goto(app("/servers"));
    const row = page.getByTestId("server-row").filter({ hasText: "app-02" });
    await row.getByRole("button", { name: "Back up app-02 now" }).click();
    const dialog = page.getByRole("dialog");
    const name = dialog.getByLabel("Backup name");
    await expect(name).toHaveValue(/^manualbk_[0-9a-f]{4}$/);
    await name.fill("e2e_now");
    await dialog.getByRole("checkbox", { name: /Full backup/ }).check();
    await dialog.getByRole("button", { name: "Add tag" }).click();
    await dialog.getByLabel("Key").fill("team");
    await dialog.getByLabel("Value").fill("ops");
    await dialog.getByRole("button", { name: "Back up now (1)" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText("Backing up 1 server(s)")).toBeVisible();
    await expect(row.getByTestId("status-badge")).toHaveAttribute("data-status", /protect/);
    await expect(row.getByRole("link", { name: "e2e_now" })).toBeVisible();
    await expect(row.getByTestId("status-badge")).toHaveAttribute("data-status", "available", {
      timeout: 30_000,
    });
  });

  test("a refused back up keeps what was typed and says why", async ({ page, app, request }) => {
    await request.post(`${SIM_CONTROL}/faults`, {
      data: {
        id: "e2e-protect-refused",
        method: "POST",
        path: "/csbs/v1/*/providers/*/resources/*/action",
        status: 400,
        errorCode: "CSBS.6018",
        times: 1,
      },
    });
    try {
      await page.goto(app("/servers"));
      const row = page.getByTestId("server-row").filter({ hasText: "app-03" });
      await row.getByRole("button", { name: "Back up app-03 now" }).click();
      const dialog = page.getByRole("dialog");
      await dialog.getByLabel("Backup name").fill("kept_name");
      await dialog.getByLabel("Description (optional)").fill("kept description");
      await dialog.getByRole("button", { name: "Back up now (1)" }).click();
      await expect(dialog.getByRole("alert")).toContainText("app-03");
      await expect(dialog.getByLabel("Backup name")).toHaveValue("kept_name");
      await expect(dialog.getByLabel("Description (optional)")).toHaveValue("kept description");
    } finally {
      await request.delete(`${SIM_CONTROL}/faults/e2e-protect-refused`);
    }
  });

  test("refuses a bad name and too many tags before sending", async ({ page, app }) => {
    await page.goto(app("/servers"));
    await page
      .getByTestId("server-row")
      .filter({ hasText: "db-01" })
      .getByRole("button", { name: "Back up db-01 now" })
      .click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Backup name").fill("has spaces");
    await dialog.getByRole("button", { name: "Back up now (1)" }).click();
    await expect(dialog.getByText(/letters, digits, _ and - only/)).toBeVisible();
    for (let i = 0; i < 10; i++) await dialog.getByRole("button", { name: "Add tag" }).click();
    await expect(dialog.getByRole("button", { name: "Add tag" })).toBeDisabled();
  });
});

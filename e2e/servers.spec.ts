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
    // How each is protected: web-01 by a CSBS policy and by its vault's CBR policy, pxe-01 not.
    const protection = web.getByTestId("server-protection");
    await expect(protection).toContainText("CSBS policy daily-0200");
    await expect(protection).toContainText(
      "Vault vault-prod-servers · CBR policy daily-prod-0200utc",
    );
    await expect(protection.getByRole("link", { name: "vault-prod-servers" })).toHaveAttribute(
      "href",
      /\/vaults\/[0-9a-f-]+$/,
    );
    await expect(protection.getByRole("link", { name: "daily-prod-0200utc" })).toHaveAttribute(
      "href",
      /\/policies\/cbr\/[0-9a-f-]+$/,
    );
    await expect(pxe).toContainText("Not protected");
  });

  test("a backup made with Back up now appears at once and reaches available while the page is open", async ({
    page,
    app,
  }) => {
    // A server in no CBR vault: CSBS backs it up, tags and all.
    await page.goto(app("/servers"));
    const row = page.getByTestId("server-row").filter({ hasText: "mq-01" });
    await row.getByRole("button", { name: "Back up mq-01 now" }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByTestId("backup-now-via")).toHaveText("CSBS backup");
    const name = dialog.getByLabel("Backup name");
    await expect(name).toHaveValue(/^manualbk_[0-9a-f]{4}$/);
    await name.fill("e2e_now");
    await dialog.getByRole("checkbox", { name: /Full backup/ }).check();
    await dialog.getByRole("button", { name: "Add tag" }).click();
    await dialog.getByLabel("Key").fill("team");
    await dialog.getByLabel("Value").fill("ops");
    await dialog.getByRole("button", { name: "Back up now (1)" }).click();
    await expect(dialog.getByText("Backing up 1 server(s)")).toBeVisible();
    await expect(dialog.getByTestId("backup-now-result")).toContainText("mq-01: CSBS backup");
    await dialog.getByRole("button", { name: "Done" }).click();
    await expect(dialog).toBeHidden();
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
      // A CSBS server (in no vault): the fault is CSBS's.
      await page.goto(app("/servers"));
      const row = page.getByTestId("server-row").filter({ hasText: "db-01" });
      await row.getByRole("button", { name: "Back up db-01 now" }).click();
      const dialog = page.getByRole("dialog");
      await dialog.getByLabel("Backup name").fill("kept_name");
      await dialog.getByLabel("Description (optional)").fill("kept description");
      await dialog.getByRole("button", { name: "Back up now (1)" }).click();
      await expect(dialog.getByRole("alert")).toContainText("db-01 (CSBS)");
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

  test("back up now on a server of a CBR vault makes a CBR backup in that vault, and says so", async ({
    page,
    app,
    isMobile,
  }) => {
    // Desktop and tablet share a simulator: a server each (CBR refuses a second backup of a
    // server while its first runs). Both sit in the production vault, whose oldest backups are
    // what other journeys take, never the newest.
    const server = isMobile ? "web-02" : "web-03";
    const name = `e2e_cbr_${test.info().project.name}`;
    await page.goto(app("/servers"));
    const row = page.getByTestId("server-row").filter({ hasText: server });
    await expect(row.getByTestId("server-protection")).toContainText(
      "Vault vault-prod-servers · CBR policy daily-prod-0200utc",
      { timeout: 30_000 },
    );
    await row.getByRole("button", { name: `Back up ${server} now` }).click();
    const dialog = page.getByRole("dialog");
    const plan = dialog.getByTestId("backup-now-server");
    await expect(plan).toHaveAttribute("data-service", "cbr");
    await expect(plan.getByTestId("backup-now-via")).toHaveText(
      "CBR backup in vault vault-prod-servers",
    );
    // CBR backs up the whole server and takes no tags: neither is offered.
    await expect(plan).toContainText("a vault backup cannot leave disks out");
    await expect(plan.getByRole("checkbox")).toHaveCount(0);
    await expect(dialog.getByRole("button", { name: "Add tag" })).toHaveCount(0);
    await expect(dialog).toContainText("CBR backups take no tags");
    await dialog.getByLabel("Backup name").fill(name);
    await dialog.getByRole("button", { name: "Back up now (1)" }).click();

    const result = dialog.getByTestId("backup-now-result");
    await expect(result).toHaveAttribute("data-service", "cbr");
    await expect(result).toContainText(`${server}: CBR backup in vault vault-prod-servers`);

    // The console's CBR list has it: one backup of that server, in that vault, by that name.
    const list = await page.request.get(app(`/api/backups?service=cbr&name=${name}&size=10`));
    expect(list.status()).toBe(200);
    const items = (
      (await list.json()) as {
        items: { id: string; name: string; serverName?: string; vaultName?: string }[];
      }
    ).items.filter((r) => r.name === name);
    expect(items.map((r) => [r.serverName, r.vaultName])).toEqual([[server, "vault-prod-servers"]]);

    // The result opens that backup's page.
    await result.getByRole("link", { name: "Open the backup" }).click();
    await expect(page).toHaveURL(new RegExp(`/backups/${items[0]?.id}\\?service=cbr$`));
    await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
  });
});

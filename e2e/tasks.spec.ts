import { expect, startSignedIn, test } from "./fixtures";

type Task = { id: string; type: string; status: string; vault?: { id: string; name: string } };

// Read-only journeys over the seeded operation logs of eu-west-0: the filters live in the
// address, and each task links to its vault.
test.describe("[TASKS] CBR tasks of the last 30 days", () => {
  test.beforeEach(async ({ page, app }) => {
    await startSignedIn(page, app);
  });

  test("lists the project's tasks, narrows by status in the address, links to the vault", async ({
    page,
    app,
  }) => {
    const api = await page.request.get(app("/api/tasks?size=100"));
    expect(api.status()).toBe(200);
    const all = ((await api.json()) as { tasks: Task[] }).tasks;
    expect(all.length).toBeGreaterThan(0);
    const failed = all.filter((t) => t.status === "failed");

    await page.goto(app("/tasks"));
    await expect(page.getByRole("heading", { level: 1, name: "Tasks" })).toBeVisible();
    const rows = page.locator('[data-testid="task-row"], [data-testid="task-card"]').filter({
      visible: true,
    });
    await expect(rows.first()).toBeVisible();

    await page.getByLabel("Status", { exact: true }).selectOption({ label: "Failed" });
    await expect(page).toHaveURL(/[?&]status=failed/);
    if (failed.length > 0) {
      await expect(rows.first()).toHaveAttribute("data-status", "failed");
      for (const status of await rows.evaluateAll((els) =>
        els.map((e) => e.getAttribute("data-status")),
      )) {
        expect(status).toBe("failed");
      }
    }
    // Reloaded, the address keeps the filter.
    await page.reload();
    await expect(page.getByLabel("Status", { exact: true })).toHaveValue("failed");

    await page.goto(app("/tasks"));
    const withVault = all.find((t) => t.vault);
    if (!withVault?.vault) throw new Error("seeded tasks name their vault");
    const link = rows.first().getByRole("link", { name: withVault.vault.name }).first();
    const anyVaultLink = rows
      .getByRole("link")
      .filter({ hasText: /^vault-/ })
      .first();
    await ((await link.count()) ? link : anyVaultLink).click();
    await expect(page).toHaveURL(/\/vaults\/[0-9a-f-]{36}$/);
  });
});

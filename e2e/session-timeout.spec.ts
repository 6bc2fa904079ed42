import { demo, expect, test } from "./fixtures";

// The worker's second console (e2e/fixtures.ts), started with SESSION_IDLE_TIMEOUT_S=8.
const IDLE_MS = 8_000;
test.use({ consoleKind: "idle" });

test.describe("[AUTH] idle timeout", () => {
  test.setTimeout(90_000);

  test("an idle user lands on the login page with a message, then returns to the page", async ({
    page,
    loginPage,
    shell,
    app,
  }) => {
    await loginPage.goto();
    await loginPage.signIn(demo.admin);
    await shell.expectProject("eu-west-0");
    await page.goto(app("/servers?sort=name"));
    await shell.expectProject("eu-west-0");
    const lastActivity = Date.now();

    // Background polling for longer than half the idle window does not keep the session alive.
    for (let i = 0; i < 2; i++) {
      await page.waitForTimeout(IDLE_MS / 3);
      const poll = await page.request.get(app("/api/auth/projects"), {
        headers: { "X-Background": "1" },
      });
      expect(poll.status()).toBe(200);
    }
    await page.waitForTimeout(Math.max(0, lastActivity + IDLE_MS + 1_000 - Date.now()));

    await page.reload();
    await expect(page).toHaveURL(/\/login\?/);
    const url = new URL(page.url());
    expect(url.searchParams.get("next")).toBe("/servers?sort=name");
    expect(url.searchParams.get("reason")).toBe("expired");
    await expect(
      page.getByText("Your session has ended. Sign in again to continue where you were."),
    ).toBeVisible();

    await loginPage.signIn(demo.admin);
    await shell.expectProject("eu-west-0");
    await expect(page).toHaveURL(/\/servers\?sort=name$/);
  });

  test("an API call after the idle timeout sends the page to the login page", async ({
    page,
    loginPage,
    shell,
    app,
  }) => {
    await loginPage.goto();
    await loginPage.signIn(demo.admin);
    await shell.expectProject("eu-west-0");
    await page.goto(app("/vaults"));
    await shell.expectProject("eu-west-0");
    await page.waitForTimeout(IDLE_MS + 1_000);

    // Opening the project switcher asks the API for the projects: 401 SESSION_EXPIRED.
    await shell.projectSwitcher.click();
    await expect(page).toHaveURL(/\/login\?next=%2Fvaults&reason=expired$/);
    await expect(
      page.getByText("Your session has ended. Sign in again to continue where you were."),
    ).toBeVisible();
  });
});

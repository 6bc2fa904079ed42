import { expect, startSignedIn, test } from "./fixtures";

test.describe("[ACTIVITY] the audit trail", () => {
  test("a change made in the UI and the sign-in show up at /activity, filterable and exportable", async ({
    page,
    app,
  }) => {
    await startSignedIn(page, app);
    await page.goto(app("/policies"));
    // The first seeded policy that can be disabled; it is enabled again at the end.
    // A table row on desktop, a card on a tablet: whichever the layout shows.
    const name = await page
      .locator("[data-policy]:visible")
      .filter({ has: page.getByRole("button", { name: "Disable" }) })
      .first()
      .getAttribute("data-policy");
    expect(name).toBeTruthy();
    const row = page.locator(`[data-policy="${name}"]:visible`);
    await row.getByRole("button", { name: "Disable" }).click();
    await expect(row).toContainText("Disabled");

    await page.goto(app("/activity"));
    const rows = page.getByTestId("activity-row");
    await expect(rows.first()).toContainText("Disable policy");
    await expect(rows.first()).toContainText("Succeeded");
    await expect(rows.first()).toContainText("admin");
    await expect(rows.filter({ hasText: "Sign in" }).first()).toBeVisible();

    // Filters live in the URL; the CSV carries the same rows.
    await page.getByLabel("Action").selectOption({ label: "Sign in" });
    await expect(page).toHaveURL(/action=session.sign-in/);
    await expect(rows.filter({ hasText: "Disable policy" })).toHaveCount(0);
    await expect(rows.first()).toContainText("Sign in");
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Export CSV" }).click();
    const csv = await (await download)
      .path()
      .then((p) => import("node:fs").then((fs) => fs.readFileSync(p, "utf8")));
    expect(csv).toContain("session.sign-in");
    expect(csv).not.toContain("policy.disable");
    expect(csv).not.toMatch(/Demo@2026/);

    await page.goto(app("/policies"));
    await page
      .locator(`[data-policy="${name}"]:visible`)
      .getByRole("button", { name: "Enable" })
      .click();
    await expect(
      page.locator(`[data-policy="${name}"]:visible`).getByText("Enabled", { exact: true }),
    ).toBeVisible();
  });
});

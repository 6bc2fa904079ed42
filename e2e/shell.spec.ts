import { demo, expect, signInAsAdmin, startSignedIn, test } from "./fixtures";

// The section pages of the shell.
const sections = [
  { link: "Overview", path: "" },
  { link: "Backups", path: "backups" },
  { link: "Servers", path: "servers" },
  { link: "Policies", path: "policies" },
  { link: "Vaults", path: "vaults" },
  { link: "Activity", path: "activity" },
] as const;

const samePath = (a: string | URL, b: string) =>
  new URL(a).pathname.replace(/\/$/, "") === new URL(b).pathname.replace(/\/$/, "");

test.describe("[SHELL] navigation, theme, language", () => {
  // The sign-in form is the [LOGIN] journeys' subject (and the drawer journey's start) below.
  test.beforeEach(async ({ page, app }) => {
    await startSignedIn(page, app, { path: "/activity" });
  });

  test("the navigation reaches every section, each a built page marked current", async ({
    page,
    shell,
    app,
    isMobile,
  }) => {
    test.skip(isMobile, "at tablet width the navigation is a drawer: the drawer journey covers it");
    for (const { link, path } of sections) {
      await shell.nav.getByRole("link", { name: link, exact: true }).click();
      await expect(page).toHaveURL((url) => samePath(url, app(`/${path}`)));
      await expect(page.getByRole("heading", { level: 1, name: link })).toBeVisible();
      await expect(shell.nav.getByRole("link", { name: link, exact: true })).toHaveAttribute(
        "aria-current",
        "page",
      );
      await expect(page.getByRole("main")).not.toContainText("not built yet");
    }
  });

  test("a skip link jumps over the navigation to the content", async ({ page, app }) => {
    await page.goto(app("/backups"));
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to content" });
    await expect(skip).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("main")).toBeFocused();
  });

  test("the sidebar collapses to icons and stays collapsed across a reload", async ({
    page,
    shell,
    isMobile,
  }) => {
    test.skip(isMobile, "at tablet width the navigation is a drawer, which does not collapse");
    await page.getByRole("button", { name: "Collapse navigation" }).click();
    // Icons only, but every link keeps its name for screen readers and keyboards.
    await expect(shell.nav.getByRole("link", { name: "Backups", exact: true })).toBeVisible();
    await page.reload();
    const expand = page.getByRole("button", { name: "Expand navigation" });
    await expect(expand).toHaveAttribute("aria-expanded", "false");
    await shell.nav.getByRole("link", { name: "Vaults", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Vaults" })).toBeVisible();
    await expand.click();
    await page.reload();
    await expect(page.getByRole("button", { name: "Collapse navigation" })).toBeVisible();
  });

  test("the theme choice is remembered across a reload", async ({ page }) => {
    const html = page.locator("html");
    await page.getByRole("button", { name: /^Theme:/ }).click();
    await page.getByRole("menuitemradio", { name: "Dark" }).click();
    await expect(html).toHaveClass(/\bdark\b/);
    await page.reload();
    await expect(html).toHaveClass(/\bdark\b/);
    await expect(page.getByRole("button", { name: "Theme: Dark" })).toBeVisible();

    await page.getByRole("button", { name: "Theme: Dark" }).click();
    await page.getByRole("menuitemradio", { name: "Light" }).click();
    await page.reload();
    await expect(html).not.toHaveClass(/\bdark\b/);
    await expect(page.getByRole("button", { name: "Theme: Light" })).toBeVisible();
  });

  test("the language choice is remembered across a reload", async ({ page }) => {
    // The header's language button names itself in the current language, at every width (the
    // navigation is a closed drawer on a tablet).
    await page.getByRole("button", { name: /^Language:/ }).click();
    await page.getByRole("menuitemradio", { name: "简体中文" }).click();
    await expect(page.getByRole("button", { name: /^语言：/ })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");

    await page.reload();
    await expect(page.getByRole("button", { name: /^语言：/ })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");

    await page.getByRole("button", { name: /^语言：/ }).click();
    await page.getByRole("menuitemradio", { name: "English" }).click();
    await expect(page.getByRole("button", { name: /^Language:/ })).toBeVisible();
    await page.reload();
    await expect(page.locator("html")).toHaveAttribute("lang", "en-GB");
  });
});

test.describe("[SHELL] tablet width", () => {
  test.use({ viewport: { width: 768, height: 1024 }, hasTouch: true });

  test("the navigation is a drawer that opens, navigates and closes", async ({
    page,
    loginPage,
    shell,
  }) => {
    await signInAsAdmin(loginPage, shell);
    // The sidebar is hidden at this width; the drawer's button takes its place.
    await expect(shell.nav).toBeHidden();
    const open = page.getByRole("button", { name: "Open navigation" });
    const openBox = await open.boundingBox();
    expect(openBox?.height, "touch target height").toBeGreaterThanOrEqual(44);

    await open.click();
    const drawer = page.getByRole("dialog");
    await expect(drawer).toBeVisible();
    await drawer.getByRole("link", { name: "Policies" }).click();
    await expect(drawer).toBeHidden();
    await expect(page).toHaveURL(/\/policies$/);
    await expect(page.getByRole("heading", { level: 1, name: "Policies" })).toBeVisible();

    await open.click();
    await expect(drawer).toBeVisible();
    await expect(drawer.getByRole("link", { name: "Policies" })).toHaveAttribute(
      "aria-current",
      "page",
    );
    await page.keyboard.press("Escape");
    await expect(drawer).toBeHidden();
    await expect(open).toBeFocused();
  });
});

test.describe("[LOGIN] the sign-in form", () => {
  test("a double click sends one sign-in request", async ({ page, loginPage, shell }) => {
    let requests = 0;
    page.on("request", (request) => {
      if (request.method() === "POST" && request.url().endsWith("/api/auth/login")) requests++;
    });
    await loginPage.goto();
    await loginPage.password.fill(demo.admin.password);
    await loginPage.submit.dblclick();
    await shell.expectProject("eu-west-0");
    expect(requests).toBe(1);
  });

  test("after sign-in it goes only to a page of this site", async ({
    page,
    loginPage,
    shell,
    app,
  }) => {
    for (const next of ["//evil.example/backups", "https://evil.example/", "/\\evil.example"]) {
      await page.context().clearCookies();
      await loginPage.goto(`?next=${encodeURIComponent(next)}`);
      await loginPage.signIn(demo.admin);
      await shell.expectProject("eu-west-0");
      expect(new URL(page.url()).origin).toBe(new URL(app("/")).origin);
      expect(samePath(page.url(), app("/"))).toBe(true);
    }
  });

  test("speaks Chinese when asked, field errors included", async ({ page, loginPage }) => {
    await loginPage.goto();
    await page.getByRole("button", { name: /^Language:/ }).click();
    await page.getByRole("menuitemradio", { name: "简体中文" }).click();
    await expect(page.getByRole("heading", { name: "登录" })).toBeVisible();
    const project = page.getByLabel("项目", { exact: true });
    await project.fill("");
    await page.getByRole("button", { name: "登录", exact: true }).click();
    await expect(page.getByText("请输入密码。")).toBeVisible();
    await expect(page.getByText("请输入项目名称或 ID。")).toBeVisible();
    await expect(project).toHaveAttribute("aria-invalid", "true");
    // Put English back for the other tests of this browser context's successors.
    await page.getByRole("button", { name: /^语言：/ }).click();
    await page.getByRole("menuitemradio", { name: "English" }).click();
    await expect(loginPage.heading).toBeVisible();
  });
});

import {
  demo,
  expect,
  originOf,
  SIM_URL,
  sessionCookieValue,
  sessionStatus,
  signInAsAdmin,
  test,
} from "./fixtures";

// The worker's simulator (e2e/fixtures.ts); its control API answers on loopback only.
const SIM_CONTROL = `${SIM_URL}/_sim`;

test.describe("[AUTH] sign-in and sessions", () => {
  test("the demo admin signs in and sees the shell with the project name", async ({
    page,
    loginPage,
    shell,
    context,
    app,
  }) => {
    await loginPage.goto();
    // Simulator mode prefills the demo account, never the password.
    await expect(loginPage.account).toHaveValue(demo.account);
    await expect(loginPage.password).toHaveValue("");
    await loginPage.signIn(demo.admin);
    await shell.expectProject("eu-west-0");
    await expect(shell.userMenu("admin")).toBeVisible();
    await expect(page).not.toHaveURL(/\/login/);

    const cookie = (await context.cookies()).find((c) => c.name === "cbc_session");
    expect(cookie, "the session cookie").toBeDefined();
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe("Lax");
    expect(cookie?.value).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const probe = await sessionStatus(page.request, app);
    expect(probe.status).toBe(200);
    expect(probe.body).toMatchObject({
      user: { name: "admin" },
      account: { name: "demo" },
      project: { name: "eu-west-0" },
      readOnly: false,
      simulator: true,
      services: { csbs: true, cbr: true },
    });
    expect(Object.keys(probe.body).sort()).toEqual(
      [
        "account",
        "expiresAt",
        "idleExpiresAt",
        "project",
        "readOnly",
        "roles",
        "services",
        "simulator",
        "user",
      ].sort(),
    );
  });

  test("every sign-in issues a new session id and the old one stops working", async ({
    page,
    loginPage,
    shell,
    context,
    request,
    app,
  }) => {
    const planted = "A".repeat(43);
    // Same name and path as the console's own cookie (the base path, or "/").
    const path = new URL(app("/")).pathname.replace(/\/$/, "") || "/";
    await context.addCookies([
      { name: "cbc_session", value: planted, domain: new URL(app("/")).hostname, path },
    ]);
    await signInAsAdmin(loginPage, shell);
    const first = sessionCookieValue(await context.cookies());
    expect(first).toBeTruthy();
    expect(first).not.toBe(planted);

    const again = await page.request.post(app("/api/auth/login"), {
      headers: { Origin: originOf(app) },
      data: { domain: demo.account, ...demo.admin, project: "eu-west-0" },
    });
    expect(again.status()).toBe(200);
    const second = sessionCookieValue(await context.cookies());
    expect(second).toBeTruthy();
    expect(second).not.toBe(first);

    const withOld = await request.get(app("/api/auth/session"), {
      headers: { Cookie: `cbc_session=${first}` },
    });
    expect(withOld.status()).toBe(401);
  });

  test("switching project re-scopes the session", async ({ page, loginPage, shell, app }) => {
    await signInAsAdmin(loginPage, shell);
    await shell.switchProject("cn-north-4");
    const probe = await sessionStatus(page.request, app);
    expect(probe.body.project.name).toBe("cn-north-4");
    await page.reload();
    await shell.expectProject("cn-north-4");
  });

  test("after sign-out, Back shows no data", async ({ page, loginPage, shell, app }) => {
    await signInAsAdmin(loginPage, shell);
    await page.goto(app("/backups"));
    await shell.expectProject("eu-west-0");
    await shell.signOut("admin");
    await page.goBack();
    await expect(loginPage.heading).toBeVisible();
    await expect(shell.currentProject).toHaveCount(0);
    await expect(shell.userMenu("admin")).toHaveCount(0);
    expect((await sessionStatus(page.request, app)).status).toBe(401);
  });

  test("a wrong password says so and keeps everything but the password", async ({
    page,
    loginPage,
  }) => {
    await loginPage.goto();
    await loginPage.signIn({ user: "admin", password: "not-the-password", project: "cn-north-4" });
    await expect(page.getByText("The account, user name or password is wrong.")).toBeVisible();
    await expect(loginPage.account).toHaveValue("demo");
    await expect(loginPage.user).toHaveValue("admin");
    await expect(loginPage.project).toHaveValue("cn-north-4");
    await expect(loginPage.password).toHaveValue("");
    await expect(page).toHaveURL(/\/login/);
  });

  test("an unknown project is named at the project field", async ({ page, loginPage }) => {
    await loginPage.goto();
    await loginPage.signIn({ ...demo.admin, project: "no-such-project" });
    await expect(
      page.getByText("There is no project with this name or ID in the account."),
    ).toBeVisible();
    await expect(loginPage.project).toHaveValue("no-such-project");
    await expect(loginPage.project).toHaveAttribute("aria-invalid", "true");
  });

  test("the read-only auditor signs in and is shown as read-only", async ({
    page,
    loginPage,
    shell,
    app,
  }) => {
    await loginPage.goto();
    await loginPage.signIn(demo.auditor);
    await shell.expectProject("eu-west-0");
    await expect(shell.userMenu("auditor")).toBeVisible();
    await expect(page.getByText("Read-only", { exact: true }).first()).toBeVisible();
    expect((await sessionStatus(page.request, app)).body.readOnly).toBe(true);
  });

  test("the API answers 401 JSON without a session", async ({ request, app }) => {
    const res = await request.get(app("/api/auth/session"));
    expect(res.status()).toBe(401);
    expect(res.headers()["content-type"]).toContain("application/json");
    expect(res.headers()["cache-control"]).toBe("no-store");
    expect(await res.json()).toEqual({
      error: { code: "NO_SESSION", message: expect.any(String) },
    });
  });

  test("a page without a session redirects to the login page, then back to it", async ({
    page,
    loginPage,
    shell,
    app,
  }) => {
    await page.goto(app("/policies?view=all"));
    await expect(page).toHaveURL(/\/login\?next=%2Fpolicies%3Fview%3Dall$/);
    await loginPage.signIn(demo.admin);
    await shell.expectProject("eu-west-0");
    await expect(page).toHaveURL(/\/policies\?view=all$/);
  });

  test("a change from a foreign origin is refused with 403", async ({
    page,
    loginPage,
    shell,
    app,
  }) => {
    await signInAsAdmin(loginPage, shell);
    const logout = await page.request.post(app("/api/auth/logout"), {
      headers: { Origin: "https://evil.example" },
    });
    expect(logout.status()).toBe(403);
    expect((await logout.json()).error.code).toBe("CSRF");
    const login = await page.request.post(app("/api/auth/login"), {
      headers: { Origin: "https://evil.example" },
      data: { domain: demo.account, ...demo.admin, project: "eu-west-0" },
    });
    expect(login.status()).toBe(403);
    // The session survived the forged sign-out.
    expect((await sessionStatus(page.request, app)).status).toBe(200);
  });

  test("pages carry a nonce CSP that Next's scripts use, and the page still works", async ({
    page,
    app,
  }) => {
    const cspErrors: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error" && /Content.Security.Policy/i.test(m.text()))
        cspErrors.push(m.text());
    });
    const response = await page.goto(app("/login"));
    const headers = response?.headers() ?? {};
    const csp = headers["content-security-policy"] ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(csp).toContain("frame-ancestors 'self'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    const html = (await response?.text()) ?? "";
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    // Hydrated: client-side validation runs, which needs the page's scripts.
    await page.getByLabel("Password", { exact: true }).fill("");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByText("Enter the password.")).toBeVisible();
    expect(cspErrors).toEqual([]);
  });

  test("an upstream 401 ends the session: login with a message, then back to the page", async ({
    page,
    loginPage,
    shell,
    app,
  }) => {
    await signInAsAdmin(loginPage, shell);
    await page.goto(app("/activity"));
    await shell.expectProject("eu-west-0");
    // IAM stops accepting the token (revoked, password changed) on the next call.
    const fault = await page.request.post(`${SIM_CONTROL}/faults`, {
      data: { id: "revoked", method: "GET", path: "/iam/v3/auth/projects", status: 401, times: 1 },
    });
    expect(fault.ok()).toBe(true);
    await shell.projectSwitcher.click();
    await expect(page).toHaveURL(/\/login\?next=%2Factivity&reason=expired$/);
    await expect(
      page.getByText("Your session has ended. Sign in again to continue where you were."),
    ).toBeVisible();
    expect((await sessionStatus(page.request, app)).status).toBe(401);
    await loginPage.signIn(demo.admin);
    await shell.expectProject("eu-west-0");
    await expect(page).toHaveURL(/\/activity$/);
  });

  test("an unreachable IAM is said plainly on the form", async ({ page, loginPage }) => {
    await loginPage.goto();
    const fault = await page.request.post(`${SIM_CONTROL}/faults`, {
      data: { id: "iam-down", method: "POST", path: "/iam/v3/auth/tokens", status: 503, times: 1 },
    });
    expect(fault.ok()).toBe(true);
    await loginPage.signIn(demo.admin);
    await expect(page.getByText(/identity service \(IAM\)/i)).toBeVisible();
    await expect(loginPage.user).toHaveValue("admin");
    await expect(loginPage.password).toHaveValue("");
  });
});

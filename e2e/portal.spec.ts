import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "@playwright/test";
import { demo, expect, signInAsAdmin, startSignedIn, test } from "./fixtures";

// The console inside the company's portal (issue 8): deep links, the base path, the back-to-portal
// link, the probes, the wall display, and framing. The e2e console allows framing from loopback
// pages (FRAME_ANCESTORS in e2e/support/servers.ts); this spec opens its own "portal" pages there.

/** A portal page that frames `src`, served on an ephemeral port of every loopback address. */
async function startPortal(): Promise<{ port: number; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const src = new URL(req.url ?? "/", "http://portal.invalid").searchParams.get("src") ?? "";
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.end(
      `<!doctype html><html lang="en"><head><title>Portal</title></head><body>` +
        `<h1>Portal</h1><iframe title="Backup console" src="${src.replace(/"/g, "&quot;")}" ` +
        `style="width:1000px;height:700px"></iframe></body></html>`,
    );
  });
  // "::" takes IPv4 too, so that localhost, 127.0.0.1 and *.localhost all reach it.
  await new Promise<void>((resolve) => server.listen(0, "::", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function openPortal(page: Page, portalOrigin: string, consoleUrl: string) {
  await page.goto(`${portalOrigin}/?src=${encodeURIComponent(consoleUrl)}`);
  return page.frameLocator('iframe[title="Backup console"]');
}

test.describe("[PORTAL] deep links and the base path", () => {
  test("a deep link with filters survives the sign-in and a reload", async ({
    page,
    app,
    loginPage,
    shell,
  }) => {
    const deep = "/backups?status=error";
    await page.goto(app(deep));
    await expect(page).toHaveURL(/\/login\?next=%2Fbackups%3Fstatus%3Derror/);
    await loginPage.ready();
    await loginPage.signIn(demo.admin);
    await shell.expectProject(demo.projects[0]);
    await expect(page).toHaveURL(app(deep));
    await page.reload();
    await expect(page).toHaveURL(app(deep));
    await expect(page.getByRole("heading", { level: 1, name: "Backups" })).toBeVisible();
  });

  test("every request of the console stays below its base path", async ({
    page,
    app,
    loginPage,
    shell,
    context,
  }) => {
    const basePath = new URL(app("/")).pathname.replace(/\/$/, "");
    const origin = new URL(app("/")).origin;
    const outside: string[] = [];
    page.on("request", (request) => {
      const url = new URL(request.url());
      const below = url.pathname === basePath || url.pathname.startsWith(`${basePath}/`);
      if (url.origin === origin && !below) {
        outside.push(url.pathname);
      }
    });
    await signInAsAdmin(loginPage, shell);
    for (const path of ["/backups", "/policies", "/wall"]) {
      await page.goto(app(path));
      await page.waitForLoadState("networkidle").catch(() => {});
    }
    expect(outside, "requests outside the base path").toEqual([]);
    const cookie = (await context.cookies()).find((c) => c.name.endsWith("cbc_session"));
    expect(cookie?.path).toBe(basePath || "/");
  });

  test("the header links back to the portal, replacing the portal's frame", async ({
    page,
    app,
  }) => {
    await startSignedIn(page, app, { path: "/activity" });
    const back = page.getByRole("link", { name: "Back to Ops portal" });
    await expect(back).toHaveAttribute("href", "https://portal.example.corp/ops");
    await expect(back).toHaveAttribute("target", "_top");
  });

  test("GET /api/health and /api/ready answer without a session", async ({ request, app }) => {
    const health = await request.get(app("/api/health"));
    expect(health.status()).toBe(200);
    expect(await health.json()).toMatchObject({ status: "ok" });
    const ready = await request.get(app("/api/ready"));
    expect(ready.status()).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: "ready",
      checks: { sessionStore: { ok: true }, iam: { ok: true } },
    });
  });
});

test.describe("[PORTAL] wall display", () => {
  test("/wall shows large tiles without navigation and refreshes by itself", async ({
    page,
    app,
  }) => {
    await startSignedIn(page, app);
    const polls: string[] = [];
    page.on("request", (request) => {
      if (new URL(request.url()).pathname.endsWith("/api/overview")) {
        polls.push(request.headers()["x-background"] ?? "");
      }
    });
    await page.goto(app("/wall?refresh=10"));
    await expect(page.getByRole("heading", { level: 1, name: /Backup status/ })).toBeVisible();
    await expect(page.getByTestId("wall-tile-available")).toBeVisible();
    await expect(page.getByRole("navigation")).toHaveCount(0);
    await expect(page.getByRole("button", { name: /Switch project/ })).toHaveCount(0);
    // The refresh comes by itself, as a background request that keeps no session alive.
    await expect.poll(() => polls.length, { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
    expect(polls.slice(1).every((header) => header === "1")).toBe(true);
    await page.getByRole("button", { name: "Pause" }).click();
    await expect(page.getByRole("button", { name: "Resume" })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
    await page.getByRole("link", { name: "Exit wall display" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  });
});

test.describe("[PORTAL] embedding in an iframe", () => {
  let portal: Awaited<ReturnType<typeof startPortal>>;
  test.beforeAll(async () => {
    portal = await startPortal();
  });
  test.afterAll(async () => {
    await portal.close();
  });

  test("a portal on the same site frames the console and sign-in works inside", async ({
    page,
    app,
  }) => {
    // Another port of the console's host: another origin, the same site (ports do not count).
    const host = new URL(app("/")).hostname;
    const frame = await openPortal(page, `http://${host}:${portal.port}`, app("/backups"));
    await expect(frame.getByRole("heading", { name: "Sign in" })).toBeVisible();
    await expect(frame.getByTestId("frame-notice")).toHaveCount(0);
    await expect(frame.getByRole("button", { name: "Sign in", exact: true })).toBeEnabled();
    await frame.getByLabel("Password", { exact: true }).fill(demo.admin.password);
    await frame.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(frame.getByTestId("current-project")).toHaveText(demo.projects[0]);
    await expect(frame.getByRole("heading", { level: 1, name: "Backups" })).toBeVisible();
  });

  test("a portal on another site gets a clear message instead of a sign-in loop", async ({
    page,
    app,
  }) => {
    // 127.0.0.1 and localhost are different sites: SameSite=Lax keeps the cookie out.
    const consoleUrl = app("/backups").replace("://127.0.0.1", "://localhost");
    const frame = await openPortal(page, `http://127.0.0.1:${portal.port}`, consoleUrl);
    const notice = frame.getByTestId("frame-notice");
    await expect(notice).toContainText("Sign-in cannot work inside this frame");
    const open = notice.getByRole("link", { name: "Open the console in a new tab" });
    await expect(open).toHaveAttribute("target", "_blank");
    await expect(open).toHaveAttribute("href", /\/backups$/);
  });

  test("a portal that is not configured cannot frame the console", async ({ page, app }) => {
    const refusals: string[] = [];
    page.on("console", (message) => {
      if (message.text().includes("frame-ancestors")) refusals.push(message.text());
    });
    await page.goto(
      `http://portal.localhost:${portal.port}/?src=${encodeURIComponent(app("/login"))}`,
    );
    await expect.poll(() => refusals.length, { timeout: 10_000 }).toBeGreaterThan(0);
    await expect(
      page.frameLocator('iframe[title="Backup console"]').getByRole("heading", { name: "Sign in" }),
    ).toHaveCount(0);
  });
});

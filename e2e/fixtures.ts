import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import {
  type APIRequestContext,
  test as base,
  expect,
  type Locator,
  type Page,
} from "@playwright/test";
import { type Server, startConsole, startSim } from "./support/servers";

export { CLOUD_TIMEOUT_MS } from "./support/servers";

/**
 * This worker's ports: each Playwright worker runs its journeys against a simulator and a console
 * of its own (started below), so that workers never see each other's changes. Playwright numbers
 * its running workers 0, 1, … (TEST_PARALLEL_INDEX); the bases are settable so that several runs
 * can share a machine (playwright.config.ts checks that the ranges do not meet).
 */
const workerIndex = Number(process.env.TEST_PARALLEL_INDEX ?? 0);
export const ports = {
  /** The simulator's base port; its services take the six ports after it. */
  sim: Number(process.env.E2E_SIM_PORT ?? 4110) + 10 * workerIndex,
  console: Number(process.env.E2E_CONSOLE_PORT ?? 3100) + 2 * workerIndex,
  /** A second console with a short idle timeout, for the session-expiry journey. */
  idleConsole: Number(process.env.E2E_CONSOLE_PORT ?? 3100) + 2 * workerIndex + 1,
};
/** This worker's simulator, for its control API (`/_sim/faults`, `/_sim/clock`, …). */
export const SIM_URL = `http://127.0.0.1:${ports.sim}`;

/** The demo identities of the simulator (design.md). */
export const demo = {
  account: "demo",
  admin: { user: "admin", password: "Demo@2026" },
  auditor: { user: "auditor", password: "Audit@2026" },
  projects: ["eu-west-0", "cn-north-4", "eu-de"] as const,
};

/** The sign-in page: fields by their labels, as a user finds them. */
export class LoginPage {
  readonly account: Locator;
  readonly user: Locator;
  readonly password: Locator;
  readonly project: Locator;
  readonly submit: Locator;
  readonly heading: Locator;

  constructor(
    readonly page: Page,
    private readonly app: (path: string) => string,
  ) {
    this.account = page.getByLabel("Account", { exact: true });
    this.user = page.getByLabel("IAM user", { exact: true });
    this.password = page.getByLabel("Password", { exact: true });
    this.project = page.getByLabel("Project", { exact: true });
    this.submit = page.getByRole("button", { name: "Sign in", exact: true });
    this.heading = page.getByRole("heading", { name: "Sign in" });
  }

  async goto(query = "") {
    await this.page.goto(this.app(`/login${query}`));
    await expect(this.heading).toBeVisible();
    await this.ready();
  }

  /** The form takes input once it is hydrated: its submit button stays disabled until then. */
  async ready() {
    await expect(this.submit).toBeEnabled();
  }

  async signIn(input: { account?: string; user: string; password: string; project?: string }) {
    await this.ready();
    await this.account.fill(input.account ?? demo.account);
    await this.user.fill(input.user);
    await this.password.fill(input.password);
    await this.project.fill(input.project ?? demo.projects[0]);
    await this.submit.click();
  }

  /** The form-level error (wrong password, IAM down, …). */
  alert(): Locator {
    return this.page.getByRole("alert").filter({ hasNotText: "Demo sign-in" });
  }
}

/** The signed-in shell: project switcher and user menu in the header. */
export class Shell {
  readonly currentProject: Locator;
  readonly projectSwitcher: Locator;
  readonly nav: Locator;

  constructor(readonly page: Page) {
    this.projectSwitcher = page.getByRole("button", { name: /^Switch project, current:/ });
    this.currentProject = page.getByTestId("current-project");
    this.nav = page.getByRole("navigation", { name: "Main" }).first();
  }

  userMenu(name: string): Locator {
    return this.page.getByRole("button", { name: `User menu for ${name}` });
  }

  async expectProject(name: string) {
    await expect(this.currentProject).toHaveText(name);
  }

  async switchProject(name: string) {
    await this.projectSwitcher.click();
    await this.page.getByRole("menuitemradio", { name }).click();
    await this.expectProject(name);
  }

  async signOut(userName: string) {
    await this.userMenu(userName).click();
    await this.page.getByRole("menuitem", { name: "Sign out" }).click();
    await this.page.waitForURL(/\/login(\?|$)/);
  }
}

type WorkerFixtures = {
  /** The worker's simulator and console, started before its first journey. */
  servers: { sim: Server; console: Server; dataDir: string };
  /** The worker's console with an 8 s idle timeout, started the first time a journey asks for it. */
  idleConsole: () => Promise<Server>;
};

type Fixtures = {
  /**
   * Which of the worker's consoles the journey uses. An option (`test.use({ consoleKind: "idle" })`)
   * rather than a `test.extend` in the spec: extending the fixtures gives a spec a worker of its
   * own, and that worker's servers would take the same ports while the other worker's stop.
   */
  consoleKind: "main" | "idle";
  /** An absolute URL of the console under test, base path included ("/backups" → …/backups). */
  app: (path: string) => string;
  loginPage: LoginPage;
  shell: Shell;
};

export const test = base.extend<Fixtures, WorkerFixtures>({
  servers: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixtures a fixture needs from this pattern
    async ({}, use) => {
      const dataDir = path.resolve(`.data/e2e-${ports.console}`);
      rmSync(dataDir, { recursive: true, force: true });
      mkdirSync(dataDir, { recursive: true });
      const sim = await startSim(ports.sim, path.join(dataDir, "sim"));
      const web = await startConsole(ports.console, ports.sim, {
        SESSION_DB_PATH: path.join(dataDir, "sessions.sqlite"),
      }).catch(async (error) => {
        await sim.stop();
        throw error;
      });
      await use({ sim, console: web, dataDir });
      await web.stop();
      await sim.stop();
    },
    { scope: "worker", auto: true, timeout: 300_000 },
  ],
  idleConsole: [
    async ({ servers }, use) => {
      let started: Promise<Server> | undefined;
      await use(() => {
        started ??= startConsole(ports.idleConsole, ports.sim, {
          SESSION_DB_PATH: path.join(servers.dataDir, "sessions-idle.sqlite"),
          SESSION_IDLE_TIMEOUT_S: "8",
        });
        return started;
      });
      if (started) await (await started).stop();
    },
    { scope: "worker", timeout: 300_000 },
  ],
  consoleKind: ["main", { option: true }],
  baseURL: async ({ servers, idleConsole, consoleKind }, use) => {
    await use(consoleKind === "idle" ? (await idleConsole()).url : servers.console.url);
  },
  app: async ({ baseURL }, use) => {
    // Not `new URL(path, baseURL)`: that would drop a base path without a trailing slash.
    await use((path) => `${(baseURL ?? "").replace(/\/+$/, "")}${path}`);
  },
  loginPage: async ({ page, app }, use) => {
    await use(new LoginPage(page, app));
  },
  shell: async ({ page }, use) => {
    await use(new Shell(page));
  },
});

/** Signs in as the demo admin through the form and waits for the shell. */
export async function signInAsAdmin(
  loginPage: LoginPage,
  shell: Shell,
  project: (typeof demo.projects)[number] = demo.projects[0],
) {
  await loginPage.goto();
  await loginPage.signIn({ ...demo.admin, project });
  await shell.expectProject(project);
}

/**
 * Starts a journey signed in as the demo admin (or `as`) without the sign-in form: one sign-in through the
 * API into the page's browser context (a session of its own, as the form would make), then the
 * page at `path`, hydrated. For journeys whose subject is not the sign-in: the form is covered by
 * auth.spec, the [LOGIN] journeys of shell.spec and the portal's deep link, in both projects.
 */
export async function startSignedIn(
  page: Page,
  app: (path: string) => string,
  {
    project = demo.projects[0],
    path,
    as = demo.admin,
  }: { project?: string; path?: string; as?: { user: string; password: string } } = {},
) {
  const res = await page.request.post(app("/api/auth/login"), {
    headers: { Origin: originOf(app) },
    data: { domain: demo.account, ...as, project },
  });
  expect(res.status(), await res.text()).toBe(200);
  if (path === undefined) return;
  await page.goto(app(path));
  await shellHydrated(page);
}

/**
 * Resolves once React has hydrated the shell's header (React keeps its props on every DOM node it
 * has hydrated): a click before that would be lost on a server-rendered button.
 */
export async function shellHydrated(page: Page) {
  await page.waitForFunction(() => {
    const button = document.querySelector("header button");
    return !!button && Object.keys(button).some((key) => key.startsWith("__reactProps$"));
  });
}

/** `GET /api/auth/session` with whatever cookies the request context holds. */
export async function sessionStatus(request: APIRequestContext, app: (path: string) => string) {
  const res = await request.get(app("/api/auth/session"));
  return { status: res.status(), body: await res.json() };
}

/** The console's origin, for the Origin header of API changes made outside the page. */
export function originOf(app: (path: string) => string): string {
  return new URL(app("/")).origin;
}

export function sessionCookieValue(cookies: { name: string; value: string }[]) {
  return cookies.find((c) => c.name === "cbc_session")?.value;
}

export { expect };

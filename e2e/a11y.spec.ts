import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, signInAsAdmin, test } from "./fixtures";

// WCAG 2.1 AA with axe: no serious or critical violation on any page, in both themes and both
// languages. The pages are discovered, not listed: the sections of the navigation, then one page of
// each deeper kind linked from them (a backup, a vault, a policy, a restore …), so that pages which
// land later are checked without touching this file.

const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const BLOCKING = new Set(["serious", "critical"]);

type Combo = { theme: "light" | "dark"; locale: "en" | "zh" };
// The desktop project checks both themes and both languages. A page's colours do not depend on its
// language, nor its words on the theme, and axe takes seconds a page on a small machine: the tablet
// (cards instead of tables, the drawer) is checked once, in the dim room's theme.
const COMBOS: Record<string, Combo[]> = {
  desktop: [
    { theme: "light", locale: "en" },
    { theme: "dark", locale: "zh" },
  ],
  tablet: [{ theme: "dark", locale: "en" }],
};
const ALL = [...(COMBOS.desktop ?? []), ...(COMBOS.tablet ?? [])];
const combosOf = (project: string) => COMBOS[project] ?? ALL;

/** `/backups/5f0c…` → `/backups/:id`: one page per kind is enough. */
function routeShape(path: string): string {
  return path
    .split("/")
    .map((segment) => (/[0-9A-Z_]/.test(segment) || segment.length > 24 ? ":id" : segment))
    .join("/");
}

/** Same-origin paths below the base path, without query or hash. */
async function linkedPaths(page: Page, scope: string, basePath: string): Promise<string[]> {
  const hrefs = await page
    .locator(`${scope} a[href]`)
    .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
  const origin = new URL(page.url()).origin;
  const paths = new Set<string>();
  for (const href of hrefs) {
    const url = new URL(href);
    if (url.origin !== origin || !url.pathname.startsWith(basePath)) continue;
    paths.add(url.pathname.slice(basePath.length) || "/");
  }
  return [...paths];
}

/** Loaded and hydrated, skeletons gone; pages that poll never go fully quiet, so both are bounded. */
async function settle(page: Page) {
  await page.waitForLoadState("networkidle", { timeout: 3_000 }).catch(() => {});
  await expect(page.locator('[aria-busy="true"]'))
    .toHaveCount(0, { timeout: 3_000 })
    .catch(() => {});
}

let discovered: Promise<string[]> | undefined;

/** The navigation's sections, /wall, and one page of each deeper kind, two levels down. */
async function discoverPages(page: Page, app: (path: string) => string): Promise<string[]> {
  const basePath = new URL(app("/")).pathname.replace(/\/$/, "");
  await page.goto(app("/"));
  let sections = await linkedPaths(page, "nav", basePath);
  if (sections.length === 0) {
    // A narrow screen keeps the navigation in a drawer.
    await page.getByRole("button", { name: "Open navigation" }).click();
    sections = await linkedPaths(page, "nav", basePath);
    await page.keyboard.press("Escape");
  }
  const roots = new Set(sections.map((p) => p.split("/")[1]).filter(Boolean));
  roots.add("restore");
  const pages = [...sections, "/wall"];
  const seen = new Set(pages.map(routeShape));
  let frontier = sections;
  for (let depth = 0; depth < 2; depth++) {
    const next: string[] = [];
    for (const from of frontier) {
      await page.goto(app(from));
      await settle(page);
      for (const path of await linkedPaths(page, "main", basePath)) {
        const shape = routeShape(path);
        if (seen.has(shape) || !roots.has(path.split("/")[1] ?? "")) continue;
        seen.add(shape);
        pages.push(path);
        next.push(path);
      }
    }
    frontier = next;
  }
  return pages;
}

async function applyCombo(page: Page, app: (path: string) => string, combo: Combo) {
  await page.context().addCookies([{ name: "locale", value: combo.locale, url: app("/") }]);
  await page.addInitScript((theme) => window.localStorage.setItem("theme", theme), combo.theme);
  await page.emulateMedia({ colorScheme: combo.theme });
}

test.describe("[A11Y] axe on every page", () => {
  // About 12 pages, each loaded, settled and analysed: minutes on a shared 2-core machine.
  test.describe.configure({ timeout: 480_000 });

  test("the sign-in page, both themes and languages", async ({ page, app }, info) => {
    const combos = combosOf(info.project.name);
    const problems: string[] = [];
    for (const combo of combos) {
      await applyCombo(page, app, combo);
      await page.goto(app("/login"));
      await settle(page);
      problems.push(...(await blocking(page, `/login ${combo.theme} ${combo.locale}`)));
    }
    expect(problems, problems.join("\n")).toEqual([]);
  });

  for (const combo of ALL) {
    test(`every signed-in page, ${combo.theme} theme, ${combo.locale}`, async ({
      page,
      app,
      loginPage,
      shell,
    }, info) => {
      test.skip(!combosOf(info.project.name).includes(combo), "checked in the other project");
      await signInAsAdmin(loginPage, shell);
      discovered ??= discoverPages(page, app);
      const pages = await discovered;
      // The navigation's six sections at least, and some deeper pages.
      expect(pages.length).toBeGreaterThanOrEqual(7);
      info.annotations.push({ type: "pages", description: pages.join(" ") });

      await applyCombo(page, app, combo);
      const problems: string[] = [];
      for (const path of pages) {
        const started = Date.now();
        await page.goto(app(path));
        await settle(page);
        await expect(page.locator("html")).toHaveAttribute(
          "lang",
          combo.locale === "zh" ? /^zh/ : /^en/,
        );
        await expect(page.locator("html")).toHaveClass(new RegExp(`\\b${combo.theme}\\b`));
        problems.push(...(await blocking(page, `${path} ${combo.theme} ${combo.locale}`)));
        info.annotations.push({
          type: "timing",
          description: `${path} ${Date.now() - started} ms`,
        });
      }
      expect(problems, problems.join("\n")).toEqual([]);
    });
  }
});

async function blocking(page: Page, where: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return result.violations
    .filter((v) => BLOCKING.has(v.impact ?? ""))
    .map(
      (v) =>
        `${where}: [${v.impact}] ${v.id} (${v.help}) at ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(" "))
          .join(" | ")}${v.nodes.length > 3 ? ` and ${v.nodes.length - 3} more` : ""}`,
    );
}

import type { Page } from "@playwright/test";
import { expect, startSignedIn, test } from "./fixtures";
import { blocking } from "./support/axe";
import { touchLayoutProblems } from "./support/layout";

// WCAG 2.1 AA with axe: no serious or critical violation on any page, in both themes and both
// languages; on the tablet, no page scrolls sideways and every control is a 44 px target. The pages are discovered, not listed: the sections of the navigation, then one page of
// each deeper kind linked from them (a backup, a vault, a policy, a restore …), so that pages which
// land later are checked without touching this file.

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

/** The navigation's sections (from the drawer on a narrow screen). */
async function sectionPaths(page: Page, basePath: string): Promise<string[]> {
  const sections = await linkedPaths(page, "nav", basePath);
  if (sections.length > 0) return sections;
  await page.getByRole("button", { name: "Open navigation" }).click();
  const inDrawer = await linkedPaths(page, "nav", basePath);
  await page.keyboard.press("Escape");
  return inDrawer;
}

async function applyCombo(page: Page, app: (path: string) => string, combo: Combo) {
  await page.context().addCookies([{ name: "locale", value: combo.locale, url: app("/") }]);
  await page.addInitScript((theme) => window.localStorage.setItem("theme", theme), combo.theme);
  await page.emulateMedia({ colorScheme: combo.theme });
}

/** Opens a page in the combination and returns its blocking violations. */
async function scan(page: Page, app: (path: string) => string, path: string, combo: Combo) {
  await page.goto(app(path));
  await settle(page);
  await expect(page.locator("html")).toHaveAttribute("lang", combo.locale === "zh" ? /^zh/ : /^en/);
  await expect(page.locator("html")).toHaveClass(new RegExp(`\\b${combo.theme}\\b`));
  const label = `${path} ${combo.theme} ${combo.locale}`;
  const problems = await blocking(page, label);
  // Below 1024 px the console is a touch console: the same sweep checks its layout too.
  if ((page.viewportSize()?.width ?? 0) < 1024) {
    problems.push(...(await touchLayoutProblems(page, label)));
  }
  return problems;
}

/**
 * Tabs of one context that scan at once: while one waits for its page to settle, another runs axe
 * (each page has its own renderer process).
 */
const TABS = 2;

/** Scans `pages` in `combo`, the tabs taking the next page as they get free. */
async function scanAll(
  tabs: Page[],
  app: (path: string) => string,
  pages: string[],
  combo: Combo,
  onScanned?: (path: string, tab: Page) => Promise<void>,
): Promise<string[]> {
  const problems: string[] = [];
  let next = 0;
  const work = async (tab: Page) => {
    for (let path = pages[next++]; path !== undefined; path = pages[next++]) {
      const started = Date.now();
      problems.push(...(await scan(tab, app, path, combo)));
      await onScanned?.(path, tab);
      test.info().annotations.push({
        type: "timing",
        description: `${path} ${combo.theme} ${combo.locale} ${Date.now() - started} ms`,
      });
    }
  };
  await Promise.all(tabs.map(work));
  return problems;
}

test.describe("[A11Y] axe on every page", () => {
  // About 12 pages, each loaded, settled and analysed in each combination: minutes on a shared
  // 2-core machine.
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

  test("every signed-in page, in each theme and language of the project", async ({
    page,
    app,
  }, info) => {
    const [first, ...others] = combosOf(info.project.name);
    if (!first) throw new Error(`no combination for ${info.project.name}`);
    const basePath = new URL(app("/")).pathname.replace(/\/$/, "");
    await applyCombo(page, app, first);
    await startSignedIn(page, app, { path: "/" });
    const sections = await sectionPaths(page, basePath);
    // The navigation's six sections at least.
    expect(sections.length).toBeGreaterThanOrEqual(6);

    const tabs = [page];
    while (tabs.length < TABS) tabs.push(await page.context().newPage());

    // The first combination discovers as it scans, a level at a time: each section and /wall, then
    // one page of each deeper kind linked from the sections, then from those. The others scan the
    // same pages.
    const roots = new Set(sections.map((p) => p.split("/")[1]).filter(Boolean));
    roots.add("restore");
    const pages = [...sections, "/wall"];
    const seen = new Set(pages.map(routeShape));
    const problems: string[] = [];
    for (const tab of tabs) await applyCombo(tab, app, first);
    let level = [...pages];
    let expand = new Set(sections);
    for (let depth = 0; level.length > 0; depth++) {
      const found: string[] = [];
      const discover = async (path: string, tab: Page) => {
        if (!expand.has(path)) return;
        for (const next of await linkedPaths(tab, "main", basePath)) {
          const shape = routeShape(next);
          if (seen.has(shape) || !roots.has(next.split("/")[1] ?? "")) continue;
          seen.add(shape);
          found.push(next);
        }
      };
      problems.push(...(await scanAll(tabs, app, level, first, discover)));
      pages.push(...found);
      level = found;
      // Two levels below the sections, as deep as the console's pages go.
      expand = new Set(depth + 1 < 2 ? found : []);
    }
    expect(pages.length, "some deeper pages too").toBeGreaterThanOrEqual(7);
    info.annotations.push({ type: "pages", description: pages.join(" ") });

    for (const combo of others) {
      for (const tab of tabs) await applyCombo(tab, app, combo);
      problems.push(...(await scanAll(tabs, app, pages, combo)));
    }
    expect(problems, problems.join("\n")).toEqual([]);
  });
});

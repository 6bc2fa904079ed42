// `node scripts/screenshots.mjs <console URL> [out dir]`: screenshots of every page of a running
// console (simulator mode, demo admin) at 1440 × 900, 768 × 1024 and 1024 × 768, light and dark,
// English and Chinese, for a visual review. Pages are the navigation's sections, one page of each
// deeper kind linked from them, /wall and /login. Not a test: it never fails on what it sees.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";

const base = (process.argv[2] ?? "http://localhost:3000").replace(/\/+$/, "");
const out = process.argv[3] ?? ".data/screenshots";
const viewports = [
  { name: "1440x900", width: 1440, height: 900, touch: false },
  { name: "768x1024", width: 768, height: 1024, touch: true },
  { name: "1024x768", width: 1024, height: 768, touch: true },
];
const themes = ["light", "dark"];
const locales = ["en", "zh"];
// SHOTS=768x1024-dark-zh,1440x900-light-en limits the run to these combinations, PAGES=/,/policies
// to these pages (no discovery); PROJECT=eu-de signs in to another project.
const only = process.env.SHOTS ? new Set(process.env.SHOTS.split(",")) : null;
const project = process.env.PROJECT ?? "eu-west-0";
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu"],
});
const basePath = new URL(base).pathname.replace(/\/$/, "");
const origin = new URL(base).origin;

async function signedInContext(options) {
  const context = await browser.newContext(options);
  const res = await context.request.post(`${base}/api/auth/login`, {
    headers: { origin },
    data: { domain: "demo", user: "admin", password: "Demo@2026", project },
  });
  if (!res.ok()) throw new Error(`sign-in: HTTP ${res.status()}`);
  return context;
}

const shape = (p) =>
  p
    .split("/")
    .map((s) => (/[0-9A-Z_]/.test(s) || s.length > 24 ? ":id" : s))
    .join("/");

async function paths(page, scope) {
  const hrefs = await page
    .locator(`${scope} a[href]`)
    .evaluateAll((links) => links.map((a) => a.href));
  return [
    ...new Set(
      hrefs
        .map((h) => new URL(h))
        .filter((u) => u.origin === origin && u.pathname.startsWith(basePath))
        .map((u) => u.pathname.slice(basePath.length) || "/"),
    ),
  ];
}

// Discovery, once, on a desktop.
const listed = process.env.PAGES ? process.env.PAGES.split(",") : null;
const discovery = await signedInContext({ viewport: { width: 1440, height: 900 } });
const dpage = await discovery.newPage();
await dpage.goto(`${base}/`);
const sections = await paths(dpage, "nav");
const roots = new Set([...sections.map((p) => p.split("/")[1]).filter(Boolean), "restore"]);
const pages = listed ?? [...sections, "/wall"];
const seen = new Set(pages.map(shape));
let frontier = listed ? [] : sections;
for (let depth = 0; depth < 2 && frontier.length > 0; depth++) {
  const next = [];
  for (const from of frontier) {
    await dpage.goto(`${base}${from}`);
    await dpage.waitForLoadState("networkidle", { timeout: 8000 }).catch(() => {});
    for (const p of await paths(dpage, "main")) {
      if (seen.has(shape(p)) || !roots.has(p.split("/")[1] ?? "")) continue;
      seen.add(shape(p));
      pages.push(p);
      next.push(p);
    }
  }
  frontier = next;
}
await discovery.close();
console.log(`pages: ${pages.join(" ")}`);

for (const vp of viewports) {
  for (const theme of themes) {
    for (const locale of locales) {
      if (only && !only.has(`${vp.name}-${theme}-${locale}`)) continue;
      const context = await signedInContext({
        viewport: { width: vp.width, height: vp.height },
        hasTouch: vp.touch,
        isMobile: vp.touch,
        colorScheme: theme,
        reducedMotion: "reduce",
      });
      await context.addCookies([{ name: "locale", value: locale, url: `${base}/` }]);
      await context.addInitScript((t) => window.localStorage.setItem("theme", t), theme);
      const page = await context.newPage();
      for (const p of [...pages, "/login"]) {
        if (p === "/login") await context.clearCookies({ name: /cbc_session/ });
        await page.goto(`${base}${p}`);
        await page.waitForLoadState("networkidle", { timeout: 8000 }).catch(() => {});
        const name = `${shape(p).replace(/\//g, "_").replace(/:/g, "") || "_"}-${vp.name}-${theme}-${locale}.png`;
        await page.screenshot({ path: path.join(out, name), fullPage: true });
      }
      await context.close();
    }
  }
}
await browser.close();
console.log(`written to ${out}`);

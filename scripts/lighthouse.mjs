// `node scripts/lighthouse.mjs`: a benchmark, not a test. Lighthouse with the system Chromium, in
// tablet emulation (768 × 1024, touch, DPR 2), on the overview, the backups list and the policy
// editor, signed in with a session cookie from a real sign-in against the simulator. Starts its own
// simulator and production console on free ports (building first if the build is stale), and writes
// the scores to .data/lighthouse/scores.{json,md} for the README. Targets (issue 8): performance
// ≥ 90, accessibility 100, best practices ≥ 95.
//
// Environment: CHROMIUM_PATH (default /usr/bin/chromium), LH_RUNS (runs per page, median kept;
// default 3), LH_PAGES (comma-separated paths to measure, default all three), LH_KEEP=1 (keep each
// run's full report in .data/lighthouse/<page>-<run>.json, for the profile behind a score),
// LH_WARMUP (unmeasured loads of each page first, default 1: the first request a freshly started
// server answers loads its route's code and is no user's experience),
// LH_BASE_URL + LH_COOKIE to measure a console that is already running instead.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { bin, ensureBuild, root } from "./project.mjs";

const ALL_PAGES = [
  { name: "Overview", path: "/" },
  { name: "Backups list", path: "/backups" },
  { name: "Policy editor", path: "/policies/new" },
];
const onlyPaths = process.env.LH_PAGES?.split(",").map((p) => p.trim());
const PAGES = onlyPaths ? ALL_PAGES.filter((p) => onlyPaths.includes(p.path)) : ALL_PAGES;
const keepReports = process.env.LH_KEEP === "1";
const warmups = Math.max(0, Number(process.env.LH_WARMUP ?? 1));
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"];
/** Why a performance score is what it is: ms, except CLS. */
const METRICS = [
  "first-contentful-paint",
  "largest-contentful-paint",
  "total-blocking-time",
  "cumulative-layout-shift",
  "speed-index",
];
const TARGETS = { performance: 90, accessibility: 100, "best-practices": 95 };
const runs = Math.max(1, Number(process.env.LH_RUNS ?? 3));
const chromePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const basePath = process.env.NEXT_PUBLIC_BASE_PATH ?? "";

/** A tablet on the operations room's network: an iPad's screen, desktop-class link and CPU. */
const settings = {
  formFactor: "mobile",
  screenEmulation: {
    mobile: true,
    width: 768,
    height: 1024,
    deviceScaleFactor: 2,
    disabled: false,
  },
  emulatedUserAgent:
    "Mozilla/5.0 (Linux; Android 14; Tablet) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36",
  throttlingMethod: "simulate",
  // Lighthouse's desktop profile for network and CPU: a wired or Wi-Fi office, not a 4G phone.
  throttling: {
    rttMs: 40,
    throughputKbps: 10 * 1024,
    cpuSlowdownMultiplier: 1,
    requestLatencyMs: 0,
    downloadThroughputKbps: 0,
    uploadThroughputKbps: 0,
  },
  onlyCategories: CATEGORIES,
};

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url, { redirect: "manual" });
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

const children = [];
function start(cmd, args, env) {
  const child = spawn(cmd, args, { cwd: root, env: { ...process.env, ...env }, stdio: "ignore" });
  children.push(child);
  return child;
}
function stopAll() {
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
}
for (const sig of ["SIGINT", "SIGTERM"]) {
  process.on(sig, () => {
    stopAll();
    process.exit(130);
  });
}

/** Signs in through the console's own API, as the form does, and returns the Cookie header. */
async function signIn(baseUrl) {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: new URL(baseUrl).origin },
    body: JSON.stringify({
      domain: "demo",
      user: "admin",
      password: "Demo@2026",
      project: "eu-west-0",
    }),
  });
  if (!res.ok) throw new Error(`sign-in failed: HTTP ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => /cbc_session=/.test(c));
  if (!cookie) throw new Error("sign-in answered without a session cookie");
  return cookie.split(";")[0];
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
};

let tmp;
let chrome;
try {
  let baseUrl = process.env.LH_BASE_URL?.replace(/\/+$/, "");
  let cookie = process.env.LH_COOKIE;
  if (!baseUrl) {
    ensureBuild();
    tmp = mkdtempSync(path.join(os.tmpdir(), "cbc-lighthouse-"));
    const simPort = await freePort();
    const consolePort = await freePort();
    start(bin("tsx"), ["lib/sim/main.ts"], {
      SIM_PORT: String(simPort),
      SIM_DATA_DIR: path.join(tmp, "sim"),
      SIM_RESET: "1",
    });
    await waitFor(`http://127.0.0.1:${simPort}/_sim/health`, 60_000);
    start(bin("next"), ["start", "-p", String(consolePort)], {
      SIM_PORT: String(simPort),
      SESSION_DB_PATH: path.join(tmp, "sessions.sqlite"),
      NEXT_TELEMETRY_DISABLED: "1",
    });
    baseUrl = `http://localhost:${consolePort}${basePath}`;
    await waitFor(`${baseUrl}/login`, 120_000);
  }
  cookie ??= await signIn(baseUrl);

  chrome = await chromeLauncher.launch({
    chromePath,
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run"],
  });
  const out = path.join(root, ".data", "lighthouse");
  mkdirSync(out, { recursive: true });
  for (const page of PAGES) {
    for (let i = 0; i < warmups; i++) {
      const res = await fetch(`${baseUrl}${page.path}`, { headers: { Cookie: cookie } });
      await res.arrayBuffer();
    }
  }
  const results = [];
  for (const page of PAGES) {
    const scores = Object.fromEntries(CATEGORIES.map((c) => [c, []]));
    const metrics = Object.fromEntries(METRICS.map((m) => [m, []]));
    const failing = new Map();
    for (let i = 0; i < runs; i++) {
      const result = await lighthouse(
        `${baseUrl}${page.path}`,
        { port: chrome.port, output: "json", logLevel: "error", extraHeaders: { Cookie: cookie } },
        { extends: "lighthouse:default", settings },
      );
      const lhr = result?.lhr;
      if (!lhr) throw new Error(`no Lighthouse result for ${page.path}`);
      if (keepReports) {
        const slug = page.path.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "") || "overview";
        writeFileSync(path.join(out, `${slug}-${i + 1}.json`), JSON.stringify(lhr));
      }
      if (new URL(lhr.finalDisplayedUrl).pathname.endsWith("/login")) {
        throw new Error(`${page.path} ended on the sign-in page: the cookie was not accepted`);
      }
      for (const c of CATEGORIES) scores[c].push(Math.round((lhr.categories[c]?.score ?? 0) * 100));
      for (const m of METRICS) metrics[m].push(lhr.audits[m]?.numericValue ?? Number.NaN);
      // What keeps a category under 100, for the report (audits scored below 0.9).
      for (const c of ["accessibility", "best-practices"]) {
        for (const ref of lhr.categories[c]?.auditRefs ?? []) {
          const audit = lhr.audits[ref.id];
          if (ref.weight > 0 && audit?.score !== null && audit.score < 0.9) {
            failing.set(ref.id, audit.title);
          }
        }
      }
    }
    const row = {
      page: page.name,
      path: page.path,
      ...Object.fromEntries(CATEGORIES.map((c) => [c, median(scores[c])])),
      metrics: Object.fromEntries(
        METRICS.map((m) => [m, Math.round(median(metrics[m]) * 1000) / 1000]),
      ),
      runs: scores,
      failing: Object.fromEntries(failing),
    };
    results.push(row);
    console.log(
      `${page.name}: ${CATEGORIES.map((c) => `${c} ${row[c]}`).join(", ")} (${METRICS.map(
        (m) => `${m} ${row.metrics[m]}`,
      ).join(", ")})${failing.size ? ` — below 0.9: ${[...failing.keys()].join(", ")}` : ""}`,
    );
  }

  const meets = (row) => Object.entries(TARGETS).every(([c, min]) => row[c] >= min);
  const table = [
    `Lighthouse ${(await import("lighthouse/package.json", { with: { type: "json" } })).default.version}, tablet emulation (768 × 1024, DPR 2), simulated desktop-class network and CPU, median of ${runs} run(s), ${new Date().toISOString().slice(0, 10)}`,
    "",
    "| page | performance | accessibility | best practices | SEO | targets met |",
    "|---|---:|---:|---:|---:|---|",
    ...results.map(
      (r) =>
        `| ${r.page} (\`${r.path}\`) | ${r.performance} | ${r.accessibility} | ${r["best-practices"]} | ${r.seo} | ${meets(r) ? "yes" : "no"} |`,
    ),
  ].join("\n");
  writeFileSync(path.join(out, "scores.json"), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(path.join(out, "scores.md"), `${table}\n`);
  console.log(`\n${table}\n\nWritten to .data/lighthouse/scores.{json,md}`);
} finally {
  await chrome?.kill();
  stopAll();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
}

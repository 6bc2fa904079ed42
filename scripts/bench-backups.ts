/**
 * Benchmark (not a test): navigation to `/backups` until its first rows show, against the
 * simulator's large project (eu-west-0: ~500 servers, ~10,000 CSBS backups), with the number and
 * size of the requests the page made. Needs a production build (`npx next build`).
 * Run: `npx tsx scripts/bench-backups.ts` (set CHROMIUM_PATH if Chromium is not /usr/bin/chromium).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import { startTestSim } from "../lib/sim/testing/start";

const ROUNDS = 7;
const root = path.resolve(import.meta.dirname, "..");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(),
      );
    });
  });
}

async function waitFor(url: string, timeoutMs: number) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

const dataDir = mkdtempSync(path.join(os.tmpdir(), "cbc-bench-backups-"));
const sim = await startTestSim({ dataDir, reset: true, env: { SIM_SCALE: "large" } });
const simPort = new URL(sim.url).port;
const consolePort = await freePort();
let next: ChildProcess | undefined;
try {
  next = spawn(path.join(root, "node_modules/.bin/next"), ["start", "-p", String(consolePort)], {
    cwd: root,
    stdio: "ignore",
    env: {
      ...process.env,
      SIM_PORT: simPort,
      SESSION_DB_PATH: path.join(dataDir, "sessions.sqlite"),
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  const base = `http://localhost:${consolePort}${process.env.NEXT_PUBLIC_BASE_PATH ?? ""}`;
  await waitFor(`${base}/login`, 60_000);

  const executablePath = [process.env.CHROMIUM_PATH, "/usr/bin/chromium"].find(
    (p): p is string => !!p && existsSync(p),
  );
  const browser = await chromium.launch({
    ...(executablePath ? { executablePath, args: ["--no-sandbox", "--disable-gpu"] } : {}),
  });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(`${base}/login`);
  await page.getByLabel("Account", { exact: true }).fill("demo");
  await page.getByLabel("IAM user", { exact: true }).fill("admin");
  await page.getByLabel("Password", { exact: true }).fill("Demo@2026");
  await page.getByLabel("Project", { exact: true }).fill("eu-west-0");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL((url) => !url.pathname.endsWith("/login"));

  const times: number[] = [];
  let requests: { url: string; bytes: number }[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    // From another page, as a user arrives: a full navigation (a new document), cold query cache.
    await page.goto(`${base}/servers`, { waitUntil: "commit" });
    const seen: { url: string; bytes: number }[] = [];
    const onResponse = async (res: import("@playwright/test").Response) => {
      const url = new URL(res.url());
      // The document (which now carries the first page) and the console's API calls.
      if (!url.pathname.includes("/api/") && !url.pathname.endsWith("/backups")) return;
      const body = await res.body().catch(() => Buffer.alloc(0));
      seen.push({ url: `${url.pathname}${url.search}`, bytes: body.length });
    };
    page.on("response", onResponse);
    const t0 = performance.now();
    await page.goto(`${base}/backups`, { waitUntil: "commit" });
    await page.getByTestId("backup-row").first().waitFor({ state: "visible", timeout: 30_000 });
    times.push(performance.now() - t0);
    await page.waitForTimeout(300);
    page.off("response", onResponse);
    requests = seen.filter((r) => r.url.includes("/backups"));
  }
  await browser.close();

  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  console.log(`CSBS backups in the large project, /backups (default view: newest 20)`);
  console.log("| measure | value |\n|---|---:|");
  console.log(`| navigation → first rows, median of ${ROUNDS} | ${median.toFixed(0)} ms |`);
  console.log(`| fastest / slowest | ${sorted[0]?.toFixed(0)} / ${sorted.at(-1)?.toFixed(0)} ms |`);
  console.log(`| requests for the list (document + /api/backups) per view | ${requests.length} |`);
  for (const r of requests) console.log(`| ${r.url} | ${(r.bytes / 1024).toFixed(1)} kB |`);
} finally {
  next?.kill("SIGTERM");
  await sim.close();
  rmSync(dataDir, { recursive: true, force: true });
}

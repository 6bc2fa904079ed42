// `npm test`: the whole suite in one command — types, lint, unit tests, a production build, and the
// Playwright end-to-end tests against that build and the simulator. Every step runs (the e2e step
// needs the build); the last line is `N passed, N failed` over all test cases, with each failed
// non-test step (types, lint, build) counted as one failure.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { bin, ensureBuild, ensureDependencies, root, run } from "./project.mjs";

const out = path.join(root, ".data", "test");
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const results = [];
let passed = 0;
let failed = 0;

function step(name, fn) {
  const started = Date.now();
  console.log(`\n=== ${name}`);
  let ok = true;
  try {
    fn();
  } catch (err) {
    ok = false;
    console.error(`--- ${name} failed: ${err.message}`);
  }
  results.push({ name, ok, seconds: Math.round((Date.now() - started) / 1000) });
  return ok;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

step("dependencies", ensureDependencies);
if (
  !step("types", () => {
    run(bin("next"), ["typegen"], { env });
    run(bin("tsc"), ["--noEmit"], { env });
  })
)
  failed++;
if (!step("lint", () => run(bin("biome"), ["check", "."]))) failed++;

const vitestJson = path.join(out, "vitest.json");
const unitOk = step("unit tests", () =>
  run(
    bin("vitest"),
    ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`],
    { env },
  ),
);
const unit = readJson(vitestJson);
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
}
// A runner that failed without a failing test (a crash, a server that did not start) is a failure.
if (!unitOk && !unit?.numFailedTests) failed++;

const built = step("production build", () => ensureBuild({ force: !!process.env.CI }));
if (!built) failed++;

if (built) {
  const e2eJson = path.join(out, "playwright.json");
  const e2eOk = step("end-to-end tests", () =>
    run(bin("playwright"), ["test"], {
      env: { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: e2eJson },
    }),
  );
  const e2e = readJson(e2eJson);
  if (e2e?.stats) {
    passed += e2e.stats.expected + e2e.stats.flaky;
    failed += e2e.stats.unexpected;
  }
  if (!e2eOk && !e2e?.stats?.unexpected) failed++;
}

console.log("\n=== summary");
for (const r of results) console.log(`${r.ok ? "ok  " : "FAIL"} ${r.name} (${r.seconds} s)`);
const line = `${passed} passed, ${failed} failed`;
writeFileSync(path.join(out, "summary.txt"), `${line}\n`);
console.log(line);
process.exit(failed > 0 || results.some((r) => !r.ok) ? 1 : 0);

// `npm test`: the whole suite in one command — types, lint, unit tests, a production build, and the
// Playwright end-to-end tests against that build and the simulator. Every step runs (the e2e step
// needs the build); the last line is `N passed, N failed` over all test cases, with each failed
// non-test step (types, lint, build) counted as one failure.
import { spawn } from "node:child_process";
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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

/**
 * Starts a step beside the next ones. Its output goes to a file, printed by `finish` (a pipe would
 * fill up while the synchronous steps hold the event loop, and would interleave with their output);
 * `finish` records the step as `step` does.
 */
function background(name, commands) {
  const started = Date.now();
  const log = path.join(out, `${name}.log`);
  const fd = openSync(log, "w");
  const done = (async () => {
    for (const [cmd, args, opts] of commands) {
      const code = await new Promise((resolve) => {
        const child = spawn(cmd, args, { cwd: root, ...opts, stdio: ["ignore", fd, fd] });
        child.on("error", () => resolve(1));
        child.on("close", (status) => resolve(status ?? 1));
      });
      if (code !== 0) return `${cmd} ${args.join(" ")} exited with ${code}`;
    }
    return null;
  })();
  return {
    async finish() {
      const error = await done;
      closeSync(fd);
      console.log(`\n=== ${name} (ran beside the unit tests)`);
      process.stdout.write(readFileSync(log, "utf8"));
      if (error) console.error(`--- ${name} failed: ${error}`);
      results.push({ name, ok: !error, seconds: Math.round((Date.now() - started) / 1000) });
      return !error;
    },
  };
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
// Types and lint take one core for half a minute while the unit tests mostly wait on the servers
// they start: both run beside the unit tests.
const types = background("types", [
  [bin("next"), ["typegen"], { env }],
  [bin("tsc"), ["--noEmit"], { env }],
]);
const lint = background("lint", [[bin("biome"), ["check", "."], {}]]);

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
if (!(await types.finish())) failed++;
if (!(await lint.finish())) failed++;

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

/**
 * Benchmark (not a test): the simulator at scale. Starts it with SIM_SCALE=large (eu-west-0: ~500
 * servers, ~10,000 CSBS backups) in a temporary folder, signs in through its IAM, and times the
 * requests the backups list makes: a page at several depths, with filters, and the count.
 * Run: `npx tsx scripts/bench-sim.ts`.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startTestSim } from "../lib/sim/testing/start";

const dataDir = mkdtempSync(path.join(os.tmpdir(), "cbc-bench-sim-"));
const started = performance.now();
const sim = await startTestSim({ dataDir, reset: true, env: { SIM_SCALE: "large" } });
console.log(
  `simulator at scale seeded and listening in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
const { token, projectId } = await sim.adminToken("eu-west-0");
const base = `${sim.url}/csbs/v1/${projectId}`;

async function time(name: string, url: string, iterations = 40) {
  const times: number[] = [];
  let size = 0;
  for (let i = 0; i < iterations + 5; i++) {
    const t0 = performance.now();
    const res = await fetch(url, { headers: { "X-Auth-Token": token } });
    const body = await res.text();
    if (!res.ok) throw new Error(`${name}: HTTP ${res.status} ${body.slice(0, 200)}`);
    if (i >= 5) times.push(performance.now() - t0); // the first five warm the JIT
    size = body.length;
  }
  times.sort((a, b) => a - b);
  const q = (p: number) => (times[Math.floor(times.length * p)] ?? 0).toFixed(1);
  console.log(`| ${name} | ${q(0.5)} ms | ${q(0.95)} ms | ${(size / 1024).toFixed(0)} kB |`);
}

const total = await (
  await fetch(`${base}/checkpoint_items/count`, { headers: { "X-Auth-Token": token } })
).json();
console.log(`CSBS backups in eu-west-0: ${JSON.stringify(total)}\n`);
console.log("| request | median | p95 | body |\n|---|---:|---:|---:|");
await time("list, first page of 50", `${base}/checkpoint_items?limit=50`);
await time("list, page of 50 at offset 9,000", `${base}/checkpoint_items?limit=50&offset=9000`);
await time(
  "list, status=error, sorted by name",
  `${base}/checkpoint_items?limit=50&status=error&sort=name:asc`,
);
await time("list, fuzzy resource name", `${base}/checkpoint_items?limit=50&resource_name=web`);
await time("count", `${base}/checkpoint_items/count`);
await time("servers/detail, 50", `${sim.url}/ecs/v2.1/${projectId}/servers/detail?limit=50`);
await sim.close();
rmSync(dataDir, { recursive: true, force: true });

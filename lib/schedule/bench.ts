/**
 * Benchmark (not a test): the next 100 runs of a 24-times-a-day weekly schedule must stay far
 * below a frame (< 5 ms). Run: `npx tsx lib/schedule/bench.ts` (exit code 1 if over budget).
 */
import { nextRuns, parseCsbsPattern } from "./index";
import { nextRunsInZone } from "./zoned-runs";

const BUDGET_MS = 5;
const parsed = parseCsbsPattern(
  "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA,SU;BYHOUR=0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23;BYMINUTE=0",
);
if (!parsed.ok) throw new Error(parsed.problem.message);
const rules = parsed.rules;

function measure(name: string, fn: (i: number) => unknown, iterations = 500): number {
  for (let i = 0; i < 50; i++) fn(i); // warm-up (JIT, Intl formatter cache)
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    fn(i);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? 0;
  const p99 = times[Math.floor(times.length * 0.99)] ?? 0;
  console.log(`${name}: median ${median.toFixed(3)} ms, p99 ${p99.toFixed(3)} ms`);
  // The median is the verdict: on a shared machine p99 mostly measures the neighbours.
  return median;
}

const base = Date.UTC(2026, 2, 1);
const slowestMedian = Math.max(
  measure("nextRuns(100), UTC instants", (i) =>
    nextRuns(rules, new Date(base + i * 3_600_000), 100),
  ),
  measure("nextRunsInZone(100), Europe/Berlin wall clocks", (i) =>
    nextRunsInZone(rules, new Date(base + i * 3_600_000), 100, "Europe/Berlin"),
  ),
);
console.log(
  slowestMedian < BUDGET_MS
    ? `OK: median under ${BUDGET_MS} ms`
    : `OVER BUDGET: median ${slowestMedian.toFixed(3)} ms ≥ ${BUDGET_MS} ms`,
);
if (slowestMedian >= BUDGET_MS) process.exitCode = 1;

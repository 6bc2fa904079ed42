// `npm run bench`: the benchmarks whose results the README records. Each is a measurement, never a
// pass/fail test on timing (the schedule benchmark alone exits non-zero when it is far off budget).
import { firstLoadTable } from "./first-load-js.mjs";
import { bin, run } from "./project.mjs";

console.log("\n## Schedule engine: next 100 runs of a 24-times-a-day weekly schedule");
run(bin("tsx"), ["lib/schedule/bench.ts"]);

console.log("\n## Simulator at scale");
run(bin("tsx"), ["scripts/bench-sim.ts"]);

console.log("\n## First-load JavaScript per route");
console.log(firstLoadTable());

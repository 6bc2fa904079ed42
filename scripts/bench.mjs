// `npm run bench`: the benchmarks whose results the README records. Each is a measurement, never a
// pass/fail test on timing (the schedule benchmark alone exits non-zero when it is far off budget).
// `npm run bench -- NAME …` runs only the named sections.
import { firstLoadTable } from "./first-load-js.mjs";
import { bin, ensureBuild, run } from "./project.mjs";

const sections = {
  schedule: [
    "Schedule engine: next 100 runs of a 24-times-a-day weekly schedule",
    () => run(bin("tsx"), ["lib/schedule/bench.ts"]),
  ],
  sim: ["Simulator at scale", () => run(bin("tsx"), ["scripts/bench-sim.ts"])],
  backups: [
    "/backups at scale: navigation to the first rows",
    () => {
      ensureBuild();
      run(bin("tsx"), ["scripts/bench-backups.ts"]);
    },
  ],
  overhead: [
    "Route-handler overhead, fifty polling users, IAM tokens per session",
    () => run("node", ["scripts/bench-overhead.mjs"]),
  ],
  lighthouse: ["Lighthouse, tablet emulation", () => run("node", ["scripts/lighthouse.mjs"])],
  "first-load": ["First-load JavaScript per route", () => console.log(firstLoadTable())],
};

const wanted = process.argv.slice(2);
for (const [name, [title, fn]] of Object.entries(sections)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  console.log(`\n## ${title}`);
  fn();
}

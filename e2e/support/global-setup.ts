import { execFileSync } from "node:child_process";

// Before the workers start their consoles: a production build that matches the sources, made once
// here (by scripts/project.mjs, as `npm test` and `npm start` make it) rather than by each worker's
// console at the same time.
export default function globalSetup() {
  execFileSync(
    process.execPath,
    [
      "--input-type=module",
      "-e",
      'import { ensureBuild } from "./scripts/project.mjs"; ensureBuild();',
    ],
    { stdio: "inherit" },
  );
}

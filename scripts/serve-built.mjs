// Serves the production build on the given port, building it first if it is missing or stale
// (for `npm run test:e2e` run on its own; `npm test` has built already).
import { spawn } from "node:child_process";
import { bin, ensureBuild, root } from "./project.mjs";

const port = process.argv[2] ?? "3000";
ensureBuild();
const next = spawn(bin("next"), ["start", "-p", port], { cwd: root, stdio: "inherit" });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => next.kill(sig));
next.on("exit", (code) => process.exit(code ?? 0));

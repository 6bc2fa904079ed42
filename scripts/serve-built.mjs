// Serves the production build on the given port, building it first if it is missing or stale
// (for `npm run test:e2e` run on its own; `npm test` has built already).
import { spawn } from "node:child_process";
import { readFileSync, unwatchFile, watchFile } from "node:fs";
import path from "node:path";
import { bin, ensureBuild, root } from "./project.mjs";

const port = process.argv[2] ?? "3000";
ensureBuild();
const buildIdFile = path.join(root, ".next", "BUILD_ID");
const readBuildId = () => {
  try {
    return readFileSync(buildIdFile, "utf8").trim();
  } catch {
    return "";
  }
};
const served = readBuildId();
const next = spawn(bin("next"), ["start", "-p", port], { cwd: root, stdio: "inherit" });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => next.kill(sig));

// A `next build` while this server runs replaces the chunks it loads on demand: its pages then
// fail in ways that look like bugs of the app. Stop, saying why, rather than serve a mixed build.
let rebuilt = false;
watchFile(buildIdFile, { interval: 1000 }, () => {
  const now = readBuildId();
  if (now === served || rebuilt) return;
  rebuilt = true;
  console.error(
    `[serve-built] .next was rebuilt under the server on port ${port} (build ${served} → ${now || "none"}): stopping it; start it again.`,
  );
  next.kill("SIGTERM");
});
next.on("exit", (code) => {
  unwatchFile(buildIdFile);
  process.exit(rebuilt ? 1 : (code ?? 0));
});

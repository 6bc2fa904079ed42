// `node scripts/e2e-base-path.mjs`: the end-to-end run under a base path (issue 8), as a portal
// serving the console under a prefix would. Builds the console with NEXT_PUBLIC_BASE_PATH (default
// /console; the base path is inlined at build time, so this is a build of its own) and runs the
// specs that touch URLs, cookies and redirects: the portal spec (every request under the prefix,
// deep links, framing, probes, /wall), sign-in and sessions, the shell, and the a11y crawl (which
// follows every page's links). Extra arguments go to Playwright (e.g. --project=tablet).
import { bin, ensureBuild, run } from "./project.mjs";

process.env.NEXT_PUBLIC_BASE_PATH ||= "/console";
process.env.NEXT_TELEMETRY_DISABLED = "1";
const SPECS = ["e2e/portal.spec.ts", "e2e/auth.spec.ts", "e2e/shell.spec.ts", "e2e/a11y.spec.ts"];

const started = Date.now();
ensureBuild();
const built = Date.now();
try {
  run(bin("playwright"), ["test", "--project=desktop", ...SPECS, ...process.argv.slice(2)]);
} finally {
  console.log(
    `base path ${process.env.NEXT_PUBLIC_BASE_PATH}: build ${Math.round((built - started) / 1000)} s, ` +
      `tests ${Math.round((Date.now() - built) / 1000)} s`,
  );
}

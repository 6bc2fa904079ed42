// `node scripts/e2e-base-path.mjs`: the end-to-end run under a base path (issue 8), as a portal
// serving the console under a prefix would. Builds the console with NEXT_PUBLIC_BASE_PATH (default
// /console; the base path is inlined at build time, so this is a build of its own) and runs the
// specs that touch URLs, cookies and redirects: the portal spec (every request under the prefix,
// deep links, framing, probes, /wall) and sign-in and sessions (cookie path, redirects, next=).
// Extra arguments go to Playwright (more specs, or --project=tablet).
import { bin, ensureBuild, run } from "./project.mjs";

process.env.NEXT_PUBLIC_BASE_PATH ||= "/console";
process.env.NEXT_TELEMETRY_DISABLED = "1";
const SPECS = ["e2e/portal.spec.ts", "e2e/auth.spec.ts"];

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

// First-load JavaScript of every console route, as the build reports it
// (.next/diagnostics/route-bundle-stats.json), beside that of an empty Next.js page built with the
// same installed versions, so that the console's own weight is visible. Prints a Markdown table.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { bin, ensureBuild, root, run } from "./project.mjs";

function routeStats(projectDir) {
  const stats = JSON.parse(
    readFileSync(path.join(projectDir, ".next", "diagnostics", "route-bundle-stats.json"), "utf8"),
  );
  return stats.map((r) => ({
    route: r.route,
    raw: r.firstLoadUncompressedJsBytes,
    gzip: r.firstLoadChunkPaths.reduce(
      (sum, p) => sum + gzipSync(readFileSync(path.join(projectDir, p))).length,
      0,
    ),
  }));
}

/**
 * Builds a one-page Next.js app with this project's node_modules. It lives below the project
 * (in .data/) because Turbopack resolves packages only inside its root, not through a symlink.
 */
function emptyAppStats() {
  const dir = path.join(root, ".data", "empty-next");
  rmSync(dir, { recursive: true, force: true });
  try {
    mkdirSync(path.join(dir, "app"), { recursive: true });
    writeFileSync(path.join(dir, "package.json"), '{"private":true,"type":"module"}');
    writeFileSync(
      path.join(dir, "app", "layout.tsx"),
      'export default function L({children}:{children:React.ReactNode}){return <html lang="en"><body>{children}</body></html>}',
    );
    writeFileSync(
      path.join(dir, "app", "page.tsx"),
      "export default function P(){return <p>empty</p>}",
    );
    run(bin("next"), ["build"], {
      cwd: dir,
      stdio: "ignore",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    return routeStats(dir).find((r) => r.route === "/");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const kB = (n) => `${(n / 1024).toFixed(1)} kB`;

export function firstLoadTable() {
  ensureBuild();
  const empty = emptyAppStats();
  const rows = routeStats(root).filter((r) => !r.route.startsWith("/_"));
  const lines = [
    "| route | first-load JS (raw) | gzip | over the empty page (gzip) |",
    "|---|---:|---:|---:|",
    `| empty Next.js page (same versions) | ${kB(empty.raw)} | ${kB(empty.gzip)} | — |`,
    ...rows.map(
      (r) => `| \`${r.route}\` | ${kB(r.raw)} | ${kB(r.gzip)} | +${kB(r.gzip - empty.gzip)} |`,
    ),
  ];
  return lines.join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(firstLoadTable());

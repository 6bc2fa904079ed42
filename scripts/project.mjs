// Shared by `npm start`, `npm test` and the Playwright web servers: make sure the dependencies and the
// production build are there and current, so that the two commands work on a fresh clone.
import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const bin = (name) => path.join(root, "node_modules", ".bin", name);

/** Runs a command in the project root, inheriting the terminal; throws on a non-zero exit. */
export function run(cmd, args, opts = {}) {
  const res = spawnSync(cmd, args, { cwd: root, stdio: "inherit", ...opts });
  if (res.status !== 0) {
    const err = new Error(`${cmd} ${args.join(" ")} exited with ${res.status ?? res.signal}`);
    err.exitCode = res.status ?? 1;
    throw err;
  }
}

function mtime(file) {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

/** Newest modification time below `dir`, skipping folders that never feed the build. */
function newest(dir, skip) {
  let max = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (skip(full, entry)) continue;
    max = Math.max(max, entry.isDirectory() ? newest(full, skip) : mtime(full));
  }
  return max;
}

/** Installs the dependencies when node_modules is missing or older than the lock file. */
export function ensureDependencies() {
  const marker = path.join(root, "node_modules", ".package-lock.json");
  const lock = path.join(root, "package-lock.json");
  if (existsSync(marker) && mtime(marker) >= mtime(lock)) return;
  // `npm install`, not `npm ci`: npm 11 leaves other platforms' optional packages (Biome, Tailwind's
  // oxide) out of the lock file and `npm ci` then refuses it; install still follows the lock.
  console.log("Installing dependencies (npm install)…");
  run("npm", ["install", "--no-audit", "--no-fund"]);
}

const buildInputs = ["app", "components", "lib", "public", "proxy.ts"];
const buildFiles = ["next.config.js", "package-lock.json", "tsconfig.json", "postcss.config.mjs"];

/** True when .next holds a production build newer than every file that feeds it. */
export function buildIsCurrent() {
  const builtAt = mtime(path.join(root, ".next", "BUILD_ID"));
  if (!builtAt) return false;
  const skip = (full, entry) =>
    entry.name === "node_modules" ||
    full.startsWith(path.join(root, "lib", "sim")) ||
    /\.test\.tsx?$/.test(entry.name);
  let sources = Math.max(...buildFiles.map((f) => mtime(path.join(root, f))));
  for (const input of buildInputs) {
    const full = path.join(root, input);
    if (!existsSync(full)) continue;
    sources = Math.max(sources, statSync(full).isDirectory() ? newest(full, skip) : mtime(full));
  }
  // The base path is inlined at build time, so a build for another base path is stale too.
  const basePathFile = path.join(root, ".next", "cbc-base-path");
  const builtFor = existsSync(basePathFile) ? readFileSync(basePathFile, "utf8") : "";
  return builtAt >= sources && builtFor === (process.env.NEXT_PUBLIC_BASE_PATH ?? "");
}

/** Builds the console for production when the build is missing or stale. */
export function ensureBuild({ force = false } = {}) {
  if (!force && buildIsCurrent()) return false;
  return withBuildLock(() => {
    // Another process may have built while this one waited for the lock.
    if (!force && buildIsCurrent()) return false;
    console.log("Building the console for production (next build)…");
    run(bin("next"), ["build"], { env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    writeFileSync(
      path.join(root, ".next", "cbc-base-path"),
      process.env.NEXT_PUBLIC_BASE_PATH ?? "",
    );
    return true;
  });
}

/**
 * Runs `fn` holding a lock directory, so that the Playwright web servers, started together, build
 * once instead of colliding in `next build` (which refuses to run twice at once). A lock older than
 * 20 minutes is taken as left behind by a killed process.
 */
function withBuildLock(fn) {
  const lock = path.join(root, ".data", "build.lock");
  mkdirSync(path.dirname(lock), { recursive: true });
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (err) {
      if (err.code !== "EEXIST") throw err;
      if (Date.now() - mtime(lock) > 20 * 60_000) rmSync(lock, { recursive: true, force: true });
      else Atomics.wait(pause, 0, 0, 1000);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

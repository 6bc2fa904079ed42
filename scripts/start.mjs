// `npm start`: install and build what is missing, start the simulated cloud when no cloud is
// configured, serve the console, and say where it is and how to sign in.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { bin, ensureBuild, ensureDependencies, root } from "./project.mjs";

// One .env file configures both processes (Next reads it too, but the simulator would not).
if (existsSync(path.join(root, ".env"))) process.loadEnvFile(path.join(root, ".env"));

const port = Number(process.env.PORT ?? 3000);
const simulated = !process.env.CLOUD_IAM_ENDPOINT;
// The simulator takes SIM_PORT and the six ports after it (one per service, lib/sim/endpoints.ts).
const simPort = Number(process.env.SIM_PORT || 4010);
if (simulated && port >= simPort && port <= simPort + 6) {
  console.error(
    `PORT ${port} lies in the simulator's ports ${simPort}–${simPort + 6} (SIM_PORT and the six after it): choose another PORT or SIM_PORT.`,
  );
  process.exit(1);
}
const children = [];

let stopping = false;

/** Resolves when the child has exited, killing it outright after `graceMs`. */
function stopChild(child, graceMs) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const hard = setTimeout(() => child.kill("SIGKILL"), graceMs);
    child.once("exit", () => {
      clearTimeout(hard);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/**
 * Stops in dependency order: the console first (Next finishes the requests in flight, which may
 * still be waiting on the cloud), then the simulator, then this process.
 */
async function stopAll(code) {
  if (stopping) return;
  stopping = true;
  const [sim, ...rest] = simulated ? children : [undefined, ...children];
  await Promise.all(rest.map((child) => stopChild(child, 30_000)));
  if (sim) await stopChild(sim, 10_000);
  process.exit(code);
}
process.on("SIGINT", () => stopAll(0));
process.on("SIGTERM", () => stopAll(0));

function launch(name, cmd, args, env) {
  const child = spawn(cmd, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.push(child);
  child.on("exit", (code, signal) => {
    if (stopping) return;
    console.error(`${name} stopped (${signal ?? `exit ${code}`}); stopping the rest.`);
    stopAll(code || 1);
  });
  return child;
}

/** Resolves with the simulator's base URL once it prints that it accepts requests. */
function startSimulator() {
  const sim = launch("The simulated cloud", bin("tsx"), ["lib/sim/main.ts"], {});
  return new Promise((resolve) => {
    let buffered = "";
    sim.stdout.on("data", (chunk) => {
      process.stdout.write(chunk);
      buffered += chunk;
      const match = buffered.match(/https?:\/\/[^\s]+/);
      if (match) resolve(match[0]);
    });
  });
}

async function waitForConsole(url) {
  for (let i = 0; i < 600; i++) {
    try {
      const res = await fetch(url, { redirect: "manual" });
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`The console did not answer at ${url}`);
}

try {
  ensureDependencies();
  ensureBuild();
} catch (err) {
  console.error(err.message);
  process.exit(err.exitCode ?? 1);
}

if (simulated) await startSimulator();
const next = launch("The console", bin("next"), ["start", "-p", String(port)], {
  NEXT_TELEMETRY_DISABLED: "1",
});
next.stdout.on("data", (chunk) => process.stdout.write(chunk));
const basePath = process.env.NEXT_PUBLIC_BASE_PATH ?? "";
const url = `http://localhost:${port}${basePath}`;
await waitForConsole(`${url}/login`);
console.log(`\nCloud Backup Console: ${url}`);
console.log(
  simulated
    ? "Simulated cloud. Sign in with account demo, user admin, password Demo@2026 (read-only: auditor / Audit@2026)."
    : `Cloud: ${process.env.CLOUD_IAM_ENDPOINT}`,
);

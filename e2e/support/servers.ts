import { type ChildProcess, spawn } from "node:child_process";
import { connect } from "node:net";
import path from "node:path";
import { stopChild } from "../../lib/testing/redis";

/*
 * The servers an end-to-end worker runs against: the simulator (`tsx lib/sim/main.ts`) and the
 * production build (`next start` through scripts/serve-built.mjs), as child processes on loopback
 * ports, each answered over HTTP exactly as a cloud and a console would be.
 */

export type Server = {
  url: string;
  child: ChildProcess;
  /** Resolves with the exit code once the process has exited. */
  exited: Promise<number | null>;
  stop(): Promise<void>;
};

const basePath = process.env.NEXT_PUBLIC_BASE_PATH ?? "";

/** The timeout the consoles give the cloud; e2e/faults.spec.ts sizes its latency fault by it. */
export const CLOUD_TIMEOUT_MS = Number(process.env.E2E_CLOUD_TIMEOUT_MS ?? 5_000);

type Start = {
  name: string;
  command: string;
  args: string[];
  env: Record<string, string>;
  /** The URL that answers 200 once the server is ready. */
  ready: string;
  url: string;
  /** Every port the server listens on (the simulator has one per service). */
  ports: number[];
  timeoutMs: number;
};

/** Whether something accepts connections on the loopback port. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/**
 * Waits until nothing listens on the port: a server of an earlier worker may still be draining
 * there, and a readiness probe would take its answer for the new server's.
 */
async function portFree(port: number, name: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (await listening(port)) {
    if (Date.now() > deadline) throw new Error(`${name}: port ${port} is still taken`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function startServer(start: Start): Promise<Server> {
  for (const port of start.ports) await portFree(port, start.name);
  const child = spawn(start.command, start.args, {
    cwd: path.resolve("."),
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...start.env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  // The last words of a server that fails to start are the only clue to why.
  let errors = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    errors = (errors + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  const deadline = Date.now() + start.timeoutMs;
  for (;;) {
    try {
      const res = await fetch(start.ready, { signal: AbortSignal.timeout(5_000) });
      // Only this child's answer counts: one that exited (a port taken after all) is not ready.
      if (res.ok && child.exitCode === null) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`${start.name} did not start (${start.ready}):\n${errors}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url: start.url, child, exited, stop: () => stopChild(child, 10_000) };
}

/** A fresh simulator on `port` (its services on the six ports after it), with e2e durations. */
export function startSim(port: number, dataDir: string): Promise<Server> {
  const url = `http://127.0.0.1:${port}`;
  return startServer({
    name: `the simulator on ${port}`,
    command: path.resolve("node_modules/.bin/tsx"),
    args: ["lib/sim/main.ts"],
    env: {
      SIM_PORT: String(port),
      SIM_DATA_DIR: dataDir,
      SIM_RESET: "1",
      SIM_PROTECT_MS: "4000",
      SIM_RESTORE_MS: "4000",
      SIM_DELETE_MS: "2000",
      SIM_TICK_MS: "250",
    },
    ready: `${url}/_sim/health`,
    url,
    ports: Array.from({ length: 7 }, (_, i) => port + i),
    timeoutMs: 60_000,
  });
}

/**
 * The production build on `port` against the simulator on `simPort`. `env` adds or overrides the
 * console's settings (a session store, a short idle timeout).
 */
export function startConsole(
  port: number,
  simPort: number,
  env: Record<string, string>,
): Promise<Server> {
  const url = `http://localhost:${port}${basePath}`;
  return startServer({
    name: `the console on ${port}`,
    command: process.execPath,
    args: ["scripts/serve-built.mjs", String(port)],
    env: {
      SIM_PORT: String(simPort),
      // A short client timeout keeps the "latency beyond the timeout" fault journeys short.
      CLOUD_TIMEOUT_MS: String(CLOUD_TIMEOUT_MS),
      // e2e/portal.spec.ts frames the console from pages on loopback ports it opens itself.
      FRAME_ANCESTORS: "'self' http://localhost:* http://127.0.0.1:*",
      PORTAL_URL: "https://portal.example.corp/ops",
      PORTAL_NAME: "Ops portal",
      ...env,
    },
    ready: `${url}/login`,
    url,
    ports: [port],
    timeoutMs: 240_000,
  });
}

import { type ChildProcess, spawn } from "node:child_process";
import { accessSync, constants, mkdtempSync, rmSync } from "node:fs";
import { createConnection, createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * Test harness: a throwaway `redis-server` (Debian's package) on loopback, with its own temporary
 * folder, no persistence and a free port. Tests that need it call `redisServerPath()` first: under
 * CI a missing binary must fail the run, on a developer machine it skips (see `needBinary`).
 */
export type TestRedis = { url: string; port: number; pid: number; stop(): Promise<void> };

const CANDIDATES = ["/usr/bin/redis-server", "/usr/local/bin/redis-server"];

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The redis-server binary (REDIS_SERVER_PATH, then the usual places), or null. */
export function redisServerPath(): string | null {
  const configured = process.env.REDIS_SERVER_PATH;
  const found = [configured, ...CANDIDATES].find((p): p is string => !!p && executable(p));
  return found ?? null;
}

/**
 * Whether a test that needs `binary` should run. Under CI a missing binary is an error (the suite
 * must not pass by skipping); elsewhere the test is skipped with a message saying what to install.
 */
export function needBinary(name: string, found: string | null, install: string): boolean {
  if (found) return true;
  if (process.env.CI) {
    throw new Error(`${name} is required under CI but was not found (install: ${install})`);
  }
  console.warn(`Skipping the ${name} tests: ${name} is not installed (install: ${install}).`);
  return false;
}

/** A port nobody listens on right now (the kernel's choice for port 0, released again). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** Sends SIGTERM to a child and waits for it to exit (SIGKILL after `graceMs`). */
export function stopChild(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/** Starts redis-server on a free loopback port and waits until it accepts connections. */
export async function startTestRedis(
  options: { timeoutMs?: number; port?: number } = {},
): Promise<TestRedis> {
  const binary = redisServerPath();
  if (!binary) throw new Error("redis-server is not installed (apt-get install redis-server)");
  const dir = mkdtempSync(path.join(tmpdir(), "redis-test-"));
  const port = options.port ?? (await freePort());
  const child = spawn(
    binary,
    [
      "--port",
      String(port),
      "--bind",
      "127.0.0.1",
      "--dir",
      dir,
      "--save",
      "",
      "--appendonly",
      "no",
      "--daemonize",
      "no",
      "--loglevel",
      "warning",
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });

  const stop = async () => {
    await stopChild(child);
    rmSync(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  while (!(await canConnect(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`redis-server did not start on port ${port}:\n${output.slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { url: `redis://127.0.0.1:${port}`, port, pid: child.pid ?? 0, stop };
}

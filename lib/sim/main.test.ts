import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

describe("npm run sim (lib/sim/main.ts)", () => {
  it("prints exactly one line with the base URL, serves, and flushes the state on SIGTERM", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "sim-main-"));
    const child = spawn(
      process.execPath,
      [path.join(root, "node_modules/tsx/dist/cli.mjs"), "lib/sim/main.ts"],
      {
        cwd: root,
        env: { ...process.env, SIM_PORT: "0", SIM_DATA_DIR: dataDir, SIM_SAVE_DELAY_MS: "60000" },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL printed: ${out}`)), 15_000);
        child.stdout.on("data", () => {
          const m = out.match(/^Simulated cloud listening on (http:\/\/127\.0\.0\.1:\d+)\n/);
          if (m?.[1]) {
            clearTimeout(timer);
            resolve(m[1]);
          }
        });
        child.once("exit", (code) => reject(new Error(`exited ${code}: ${out}`)));
      });
      const health = await fetch(`${url}/_sim/health`);
      expect(health.status).toBe(200);
      const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
      expect(out.trim().split("\n")).toHaveLength(1);
      // The save delay is a minute: only the shutdown flush can have written the file.
      expect(existsSync(path.join(dataDir, "state.json"))).toBe(true);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

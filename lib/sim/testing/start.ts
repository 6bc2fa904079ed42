import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadConfig } from "../config";
import type { Durations, SimContext } from "../context";
import { createSim, type Sim } from "../server";

export type TestToken = { token: string; projectId: string };

export type TestSim = {
  url: string;
  ctx: SimContext;
  sim: Sim;
  dataDir: string;
  close(): Promise<void>;
  /** A token of the full-rights demo user, scoped to a project (default eu-west-0). */
  adminToken(projectName?: string): Promise<TestToken>;
  /** A token of the read-only demo user, scoped to a project (default eu-west-0). */
  auditorToken(projectName?: string): Promise<TestToken>;
  /** Change requests that reached the simulator, per `METHOD /route/pattern` (its `/_sim/stats`). */
  changeRoutes(): Record<string, number>;
};

export type StartTestSimOptions = {
  durations?: Partial<Durations>;
  /** Reuse a data dir (to test persistence); by default a fresh temporary one, removed on close. */
  dataDir?: string;
  reset?: boolean;
  /** Extra SIM_* variables, e.g. { SIM_FAULTS: "[...]" }. */
  env?: Record<string, string>;
};

/** Starts a simulator on an ephemeral loopback port with its own data dir, for tests over HTTP. */
export async function startTestSim(options: StartTestSimOptions = {}): Promise<TestSim> {
  const ownDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), "sim-test-"));
  const base = loadConfig(
    { SIM_PORT: "0", SIM_DATA_DIR: dataDir, SIM_SAVE_DELAY_MS: "20", ...options.env },
    [],
  );
  const config = {
    ...base,
    host: "127.0.0.1",
    reset: options.reset ?? false,
    durations: { ...base.durations, ...options.durations },
  };
  const quiet = { info: () => {}, error: (m: string, e?: unknown) => console.error(m, e ?? "") };
  const sim = createSim(config, quiet);
  const url = await sim.listen();

  const token = async (
    user: string,
    password: string,
    projectName = "eu-west-0",
  ): Promise<TestToken> => {
    const res = await fetch(`${url}/iam/v3/auth/tokens`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        auth: {
          identity: {
            methods: ["password"],
            password: { user: { name: user, password, domain: { name: "demo" } } },
          },
          scope: { project: { name: projectName } },
        },
      }),
    });
    const subject = res.headers.get("x-subject-token");
    const body = (await res.json()) as { token?: { project?: { id?: string } } };
    const projectId = body.token?.project?.id;
    if (res.status !== 201 || !subject || !projectId) {
      throw new Error(`test sim: could not get a token for ${user} (${res.status})`);
    }
    return { token: subject, projectId };
  };

  return {
    url,
    ctx: sim.ctx,
    sim,
    dataDir,
    async close() {
      await sim.close();
      if (ownDir) rmSync(dataDir, { recursive: true, force: true });
    },
    adminToken: (projectName) => token("admin", "Demo@2026", projectName),
    auditorToken: (projectName) => token("auditor", "Audit@2026", projectName),
    changeRoutes: () => sim.stats.snapshot().changeRoutes,
  };
}

import { type StartTestSimOptions, startTestSim, type TestSim } from "../testing/start";
import { PROVIDER_ID } from "./format";

export { PROVIDER_ID };

// biome-ignore lint/suspicious/noExplicitAny: tests read answers field by field, as JSON
type Json = any;

export type Call = { status: number; body: Json; text: string };

export type CsbsClient = {
  sim: TestSim;
  projectId: string;
  token: string;
  base: string;
  call(method: string, path: string, body?: unknown, token?: string): Promise<Call>;
  /** Moves the simulated clock through the control API (which runs the lifecycle at once). */
  advance(ms: number): Promise<void>;
  close(): Promise<void>;
};

/** A simulator over real HTTP with an admin token for eu-west-0, and a tiny CSBS caller. */
export async function startCsbs(options: StartTestSimOptions = {}): Promise<CsbsClient> {
  const sim = await startTestSim(options);
  let { token, projectId } = await sim.adminToken();
  const base = `${sim.url}/csbs/v1/${projectId}`;
  const call = async (method: string, path: string, body?: unknown, as?: string) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        "x-auth-token": as ?? token,
        ...(body !== undefined ? { "content-type": "application/json" } : {}),
      },
      ...(body !== undefined
        ? { body: typeof body === "string" ? body : JSON.stringify(body) }
        : {}),
    });
    const text = await res.text();
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = null;
    }
    return { status: res.status, body: parsed as Json, text };
  };
  return {
    sim,
    projectId,
    get token() {
      return token;
    },
    base,
    call,
    async advance(ms: number) {
      const res = await fetch(`${sim.url}/_sim/clock`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ advanceMs: ms }),
      });
      if (res.status !== 200) throw new Error(`/_sim/clock answered ${res.status}`);
      // Tokens live 24 h of simulated time, as IAM's do: take a fresh one after a jump.
      ({ token, projectId } = await sim.adminToken());
    },
    close: () => sim.close(),
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `check` passes (lifecycles run on the real ticker). */
export async function eventually<T>(
  fn: () => Promise<T>,
  check: (value: T) => boolean,
  timeoutMs = 5000,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  let value = await fn();
  while (!check(value)) {
    if (Date.now() > end)
      throw new Error(`condition not met in ${timeoutMs} ms: ${JSON.stringify(value)}`);
    await sleep(25);
    value = await fn();
  }
  return value;
}

/** The seeded servers each test needs, found by what they are rather than by name. */
export function servers(t: CsbsClient) {
  const project = t.sim.ctx.state.projects[t.projectId];
  if (!project) throw new Error("no project");
  const volumesOf = (id: string) =>
    project.volumes.filter((v) => v.attachments.some((a) => a.serverId === id));
  const inPolicy = new Set(project.csbs.policies.flatMap((p) => p.resources.map((r) => r.id)));
  const normal = project.servers.filter(
    (s) =>
      !s.bareMetal &&
      s.status === "ACTIVE" &&
      s.volumeIds.length > 0 &&
      !volumesOf(s.id).some((v) => v.multiattach),
  );
  const find = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`seed has no ${what}`);
    return value;
  };
  return {
    project,
    volumesOf,
    /** Protectable, in no policy, with at least one data disk. */
    free: normal.filter((s) => !inPolicy.has(s.id) && s.volumeIds.length > 1),
    member: find(
      normal.find((s) => inPolicy.has(s.id)),
      "policy member",
    ),
    diskless: find(
      project.servers.find((s) => s.volumeIds.length === 0 && !s.bareMetal),
      "diskless server",
    ),
    shared: find(
      project.servers.find((s) => volumesOf(s.id).some((v) => v.multiattach)),
      "server with a shared disk",
    ),
    bareMetal: find(
      project.servers.find((s) => s.bareMetal),
      "bare-metal server",
    ),
    broken: find(
      project.servers.find((s) => s.status === "ERROR" && s.volumeIds.length > 0),
      "server in ERROR",
    ),
  };
}

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { NextRequest } from "next/server";
import { POST as login } from "@/app/api/auth/login/route";
import { parseCloudConfig, setCloudConfigForTests } from "@/lib/cloud/config";
import { resetServerEnvForTests } from "@/lib/server/env";
import { type StartTestSimOptions, startTestSim, type TestSim } from "@/lib/sim/testing/start";

const ORIGIN = "http://localhost:3100";

export const noParams = { params: Promise.resolve({}) };
export const idParams = (id: string) => ({ params: Promise.resolve({ id }) });

export type RouteHarness = {
  sim: TestSim;
  /** A same-origin request carrying the signed-in admin's session cookie. */
  request(method: string, path: string, body?: unknown): NextRequest;
  close(): Promise<void>;
};

/**
 * For route-handler tests: a simulator, a console configured against it (its own session file),
 * and the demo admin signed in to `project` through the real login route.
 */
export async function startRouteHarness(options: {
  project: "eu-west-0" | "cn-north-4" | "eu-de";
  sim?: StartTestSimOptions;
}): Promise<RouteHarness> {
  const sim = await startTestSim(options.sim);
  const dir = mkdtempSync(join(tmpdir(), "cbc-route-harness-"));
  process.env.SESSION_DB_PATH = join(dir, "sessions.sqlite");
  process.env.SESSION_SECRET = "route-harness-test-secret-000000000000";
  resetServerEnvForTests();
  setCloudConfigForTests(parseCloudConfig({ SIM_PORT: new URL(sim.url).port }));

  let cookie = "";
  const request = (method: string, path: string, body?: unknown) => {
    const headers: Record<string, string> = { host: "localhost:3100", cookie };
    if (method !== "GET") headers.origin = ORIGIN;
    if (body !== undefined) headers["content-type"] = "application/json";
    return new NextRequest(`${ORIGIN}${path}`, {
      method,
      headers,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  };
  const credentials = { domain: "demo", user: "admin", password: "Demo@2026" };
  const res = await login(
    request("POST", "/api/auth/login", { ...credentials, project: options.project }),
    noParams,
  );
  cookie = (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";

  return {
    sim,
    request,
    async close() {
      setCloudConfigForTests();
      await sim.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

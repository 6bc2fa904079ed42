// The probes answer without a session. Health never calls the cloud; ready reaches IAM (the
// simulator here) and reads the session store, and turns to 503 when IAM is gone.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCloudConfig, setCloudConfigForTests } from "@/lib/cloud/config";
import { resetServerEnvForTests } from "@/lib/server/env";
import { startTestSim, type TestSim } from "@/lib/sim/testing/start";
import { GET as health } from "../health/route";
import { GET as ready } from "./route";

const noParams = { params: Promise.resolve({}) };
let sim: TestSim;
let dir: string;

beforeAll(async () => {
  sim = await startTestSim();
  dir = mkdtempSync(join(tmpdir(), "cbc-probes-"));
  process.env.SESSION_DB_PATH = join(dir, "sessions.sqlite");
  resetServerEnvForTests();
  setCloudConfigForTests(parseCloudConfig({ SIM_PORT: new URL(sim.url).port }));
});
afterAll(async () => {
  setCloudConfigForTests();
  await sim.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (path: string) =>
  new NextRequest(`http://localhost:3100${path}`, { headers: { host: "localhost:3100" } });

async function simRequests(): Promise<number> {
  return ((await (await fetch(`${sim.url}/_sim/stats`)).json()) as { total: number }).total;
}

describe("GET /api/health", () => {
  it("answers 200 without a session and without calling the cloud", async () => {
    const before = await simRequests();
    const res = await health(get("/api/health"), noParams);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toMatchObject({ status: "ok" });
    expect(await simRequests()).toBe(before);
  });
});

describe("GET /api/ready", () => {
  it("is ready when the store answers and IAM is reachable", async () => {
    const res = await ready(get("/api/ready"), noParams);
    const body = (await res.json()) as { status: string; checks: Record<string, { ok: boolean }> };
    expect(res.status).toBe(200);
    expect(body.status).toBe("ready");
    expect(body.checks.sessionStore?.ok).toBe(true);
    expect(body.checks.iam?.ok).toBe(true);
  });

  it("answers 503 naming IAM when IAM cannot be reached, without its address", async () => {
    setCloudConfigForTests(
      parseCloudConfig({ CLOUD_IAM_ENDPOINT: "http://127.0.0.1:1/v3", CLOUD_TIMEOUT_MS: "500" }),
    );
    try {
      const res = await ready(get("/api/ready"), noParams);
      const text = await res.text();
      expect(res.status).toBe(503);
      expect(JSON.parse(text)).toMatchObject({
        status: "not_ready",
        checks: { iam: { ok: false }, sessionStore: { ok: true } },
      });
      expect(text).not.toContain("127.0.0.1");
    } finally {
      setCloudConfigForTests(parseCloudConfig({ SIM_PORT: new URL(sim.url).port }));
    }
  });

  it("asks IAM once for a burst of probes: the unauthenticated route is no amplifier", async () => {
    // A configuration of its own: the probe's memory is per IAM address.
    const port = new URL(sim.url).port;
    setCloudConfigForTests(
      parseCloudConfig({ CLOUD_IAM_ENDPOINT: `http://127.0.0.1:${port}/iam/v3/`, SIM_PORT: port }),
    );
    try {
      const before = await simRequests();
      const answers = await Promise.all(
        Array.from({ length: 30 }, () => ready(get("/api/ready"), noParams)),
      );
      expect(answers.map((r) => r.status)).toEqual(answers.map(() => 200));
      // Without the memory this is 30.
      expect((await simRequests()) - before).toBe(1);
    } finally {
      setCloudConfigForTests(parseCloudConfig({ SIM_PORT: port }));
    }
  });
});

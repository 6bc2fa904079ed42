import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cachedProbe, checkReadiness, httpReachable } from "./readiness";

let server: Server;
let url = "";

beforeAll(async () => {
  // Answers 401 to everything, as a gateway in front of IAM may: reachable all the same.
  server = createServer((_req, res) => {
    res.statusCode = 401;
    res.end("{}");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v3`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A port that was free a moment ago: nothing listens there. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const port = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe("checkReadiness", () => {
  it("is ready when every probe succeeds, and reports each by name", async () => {
    const result = await checkReadiness({ a: async () => {}, b: httpReachable(url, 1000) });
    expect(result.ready).toBe(true);
    expect(Object.keys(result.checks)).toEqual(["a", "b"]);
    expect(result.checks.b?.ok).toBe(true);
  });

  it("is not ready when one probe fails, and says which without its error text", async () => {
    const result = await checkReadiness({
      store: async () => {
        throw new Error("SQLITE_CANTOPEN /secret/path");
      },
      iam: httpReachable(url, 1000),
    });
    expect(result.ready).toBe(false);
    expect(result.checks.store?.ok).toBe(false);
    expect(result.checks.iam?.ok).toBe(true);
    expect(JSON.stringify(result)).not.toContain("secret");
  });

  it("treats a refused connection and a timeout as unreachable", async () => {
    const refused = await checkReadiness({
      iam: httpReachable(`http://127.0.0.1:${await closedPort()}/v3`, 1000),
    });
    expect(refused.checks.iam?.ok).toBe(false);

    const silent = createServer(() => {
      // Never answers.
    });
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const port = (silent.address() as AddressInfo).port;
    const started = Date.now();
    const hung = await checkReadiness({ iam: httpReachable(`http://127.0.0.1:${port}/`, 300) });
    expect(hung.checks.iam?.ok).toBe(false);
    expect(Date.now() - started).toBeLessThan(2000);
    silent.closeAllConnections();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
  });
});

describe("cachedProbe", () => {
  it("asks IAM once per interval however many probes come, sharing the call in flight", async () => {
    let hits = 0;
    const counting = createServer((_req, res) => {
      hits += 1;
      setTimeout(() => res.end("{}"), 50);
    });
    await new Promise<void>((resolve) => counting.listen(0, "127.0.0.1", resolve));
    const target = `http://127.0.0.1:${(counting.address() as AddressInfo).port}/v3`;
    let now = 1_000;
    const probe = cachedProbe(httpReachable(target, 1000), 5_000, () => now);

    const burst = await Promise.all(
      Array.from({ length: 20 }, () => checkReadiness({ iam: probe })),
    );
    expect(burst.every((r) => r.ready)).toBe(true);
    now += 4_999;
    await probe();
    expect(hits).toBe(1);
    now += 1;
    await probe();
    expect(hits).toBe(2);
    await new Promise<void>((resolve) => counting.close(() => resolve()));
  });

  it("remembers a failure for the interval too, then asks again", async () => {
    let calls = 0;
    let now = 0;
    const probe = cachedProbe(
      async () => {
        calls += 1;
        if (calls === 1) throw new Error("down");
      },
      5_000,
      () => now,
    );
    expect((await checkReadiness({ iam: probe })).ready).toBe(false);
    expect((await checkReadiness({ iam: probe })).ready).toBe(false);
    now = 5_000;
    expect((await checkReadiness({ iam: probe })).ready).toBe(true);
    expect(calls).toBe(2);
  });
});

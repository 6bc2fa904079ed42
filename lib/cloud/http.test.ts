import { getEventListeners } from "node:events";
import { gzipSync } from "node:zlib";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import {
  canonicalRequest,
  hashBody,
  parseAuthorization,
  signature,
  stringToSign,
} from "@/lib/auth/signer";
import { parseCloudConfig, setCloudConfigForTests } from "./config";
import { CloudError } from "./errors";
import { cloudRequest, type HttpMethod, RESPONSE_MAX_BYTES, setRetryPolicyForTests } from "./http";
import { type FakeServer, json, startFakeServer } from "./testing/fake-server";

const TOKEN = "MIIEXAMPLE-token-value-0123456789";
const PID = "0c89d4e457c3401a89c65420fd45f3a2";
const schema = z.object({ ok: z.boolean() });

let server: FakeServer;

beforeAll(async () => {
  server = await startFakeServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.requests.length = 0;
  setCloudConfigForTests({ ...parseCloudConfig({}), timeoutMs: 400 });
  setRetryPolicyForTests({ baseDelayMs: 5, maxDelayMs: 20 });
});
afterEach(() => {
  setCloudConfigForTests();
  setRetryPolicyForTests();
});

function call(method: HttpMethod, options: { signal?: AbortSignal; path?: string } = {}) {
  return cloudRequest({
    service: "csbs",
    method,
    url: new URL(`${server.url}/v1/${PID}${options.path ?? "/checkpoint_items"}`),
    auth: { kind: "token", token: TOKEN, projectId: PID },
    ...(method === "GET" || method === "DELETE" ? {} : { body: { a: 1 } }),
    schema,
    ...(options.signal ? { signal: options.signal } : {}),
  });
}

async function failure(promise: Promise<unknown>): Promise<CloudError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CloudError) return error;
    throw error;
  }
  throw new Error("expected a CloudError");
}

describe("retries", () => {
  it("a GET is retried on 503 twice, then succeeds", async () => {
    server.handle((_req, res, i) =>
      i < 2
        ? json(res, 503, { error_code: "CSBS.9999", error_msg: "busy" })
        : json(res, 200, { ok: true }),
    );
    const res = await call("GET");
    expect(res.data).toEqual({ ok: true });
    expect(server.requests).toHaveLength(3);
  });

  it("a GET gives up after two retries with the last error", async () => {
    server.handle((_req, res) => json(res, 502, "<html>bad gateway</html>"));
    const error = await failure(call("GET"));
    expect(server.requests).toHaveLength(3);
    expect(error.status).toBe(502);
    expect(error.code).toBe("HTTP_502");
  });

  it.each(["POST", "PUT", "DELETE"] as const)("a %s is never retried", async (method) => {
    server.handle((_req, res) => json(res, 503, { error_code: "CSBS.9999", error_msg: "busy" }));
    const error = await failure(call(method));
    expect(server.requests).toHaveLength(1);
    expect(error.status).toBe(503);
    expect(error.code).toBe("CSBS.9999");
  });

  it.each([400, 401, 403, 404, 409, 500])("a GET answered %i is not retried", async (status) => {
    server.handle((_req, res) => json(res, status, { error_code: "CSBS.3001", error_msg: "x" }));
    const error = await failure(call("GET"));
    expect(server.requests).toHaveLength(1);
    expect(error.status).toBe(status);
  });

  it("a network error on GET is retried, then reported as NETWORK", async () => {
    // Drop the connection without an answer.
    server.handle((_req, res) => res.socket?.destroy());
    const error = await failure(call("GET"));
    expect(error.code).toBe("NETWORK");
    expect(error.status).toBe(0);
    expect(server.requests).toHaveLength(3);
  });
});

describe("timeouts and cancellation", () => {
  it("a slow answer becomes TIMEOUT (504) and is not retried", async () => {
    server.handle((_req, res) => {
      setTimeout(() => json(res, 200, { ok: true }), 1_500);
    });
    const started = Date.now();
    const error = await failure(call("GET"));
    expect(error.code).toBe("TIMEOUT");
    expect(error.status).toBe(504);
    expect(Date.now() - started).toBeLessThan(1_400);
    expect(server.requests).toHaveLength(1);
  });

  it("the caller's signal aborts the request", async () => {
    // A client timeout far beyond the abort, so that a slow machine cannot make TIMEOUT win.
    setCloudConfigForTests({ ...parseCloudConfig({}), timeoutMs: 5_000 });
    server.handle((_req, res) => {
      setTimeout(() => json(res, 200, { ok: true }), 1_500);
    });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await failure(call("GET", { signal: controller.signal }));
    expect(error.code).toBe("ABORTED");
    expect(server.requests).toHaveLength(1);
  });

  it("leaves no listener on the caller's signal, whatever the outcome", async () => {
    // One signal shared by many calls (a page's request fanning out): listeners must not pile up.
    const controller = new AbortController();
    let i = 0;
    server.handle((_req, res) => {
      i++;
      if (i % 3 === 0) res.socket?.destroy();
      else json(res, i % 3 === 1 ? 200 : 404, { ok: true });
    });
    const calls = Array.from({ length: 30 }, () =>
      call("GET", { signal: controller.signal }).catch(() => undefined),
    );
    // One listener however many calls wait on the signal (no MaxListenersExceededWarning).
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(1);
    await Promise.all(calls);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });

  it("one abort cancels every call waiting on the same signal", async () => {
    setCloudConfigForTests({ ...parseCloudConfig({}), timeoutMs: 5_000 });
    server.handle((_req, res) => {
      setTimeout(() => json(res, 200, { ok: true }), 1_500);
    });
    const controller = new AbortController();
    const calls = Array.from({ length: 12 }, () =>
      failure(call("GET", { signal: controller.signal })),
    );
    setTimeout(() => controller.abort(), 50);
    const errors = await Promise.all(calls);
    expect(errors.map((e) => e.code)).toEqual(Array(12).fill("ABORTED"));
  });

  it("a cancelled GET is not retried", async () => {
    const controller = new AbortController();
    server.handle((_req, res) => {
      json(res, 503, { error_code: "CSBS.9999", error_msg: "busy" });
      setTimeout(() => controller.abort(), 1);
    });
    setRetryPolicyForTests({ baseDelayMs: 200, maxDelayMs: 200 });
    const error = await failure(call("GET", { signal: controller.signal }));
    expect(error.code).toBe("ABORTED");
    expect(server.requests).toHaveLength(1);
  });
});

describe("responses", () => {
  it("sends the token, JSON and nothing cached; parses the answer", async () => {
    server.handle((_req, res) => json(res, 200, { ok: true, extra: "dropped" }));
    const res = await call("POST");
    expect(res.data).toEqual({ ok: true });
    const req = server.requests[0];
    expect(req?.headers["x-auth-token"]).toBe(TOKEN);
    expect(req?.headers["content-type"]).toBe("application/json;charset=utf8");
    expect(req?.body).toBe('{"a":1}');
  });

  it("reads compressed answers", async () => {
    server.handle((_req, res) => {
      res
        .writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" })
        .end(gzipSync(JSON.stringify({ ok: true })));
    });
    expect((await call("GET")).data).toEqual({ ok: true });
  });

  it("stops reading an answer past the cap, plain or a compression bomb, and sends no retry", async () => {
    // 32 MB take longer than the suite's 400 ms timeout to send.
    setCloudConfigForTests({ ...parseCloudConfig({}), timeoutMs: 20_000 });
    const big = Buffer.alloc(RESPONSE_MAX_BYTES + 1024, 0x20);
    // A few dozen KB on the wire that inflate past the cap.
    const bomb = gzipSync(big);
    expect(bomb.length).toBeLessThan(RESPONSE_MAX_BYTES / 100);
    for (const [headers, body] of [
      [{ "content-type": "application/json" }, big],
      [{ "content-type": "application/json", "content-encoding": "gzip" }, bomb],
    ] as const) {
      server.requests.length = 0;
      server.handle((_req, res) => {
        res.writeHead(200, headers).end(body);
      });
      const error = await failure(call("GET"));
      expect(error).toMatchObject({ code: "BAD_RESPONSE", status: 502 });
      expect(server.requests.length).toBe(1);
    }
  });

  it("keeps the connection for the next call", async () => {
    const ports = new Set<number | undefined>();
    server.handle((_req, res) => {
      ports.add(res.socket?.remotePort);
      json(res, 200, { ok: true });
    });
    for (let n = 0; n < 5; n++) await call("GET");
    expect(ports.size).toBe(1);
  });

  it("malformed JSON is BAD_RESPONSE", async () => {
    server.handle((_req, res) => json(res, 200, '{"ok": tru'));
    const error = await failure(call("GET"));
    expect(error.code).toBe("BAD_RESPONSE");
    expect(server.requests).toHaveLength(1);
  });

  it("a body of the wrong shape is BAD_RESPONSE without echoing values", async () => {
    server.handle((_req, res) => json(res, 200, { ok: "secret-value-xyz" }));
    const error = await failure(call("GET"));
    expect(error.code).toBe("BAD_RESPONSE");
    expect(error.message).toContain("ok");
    expect(error.message).not.toContain("secret-value-xyz");
  });

  it("redirects are not followed", async () => {
    server.handle((_req, res) => {
      res.writeHead(302, { location: "http://evil.example/steal" }).end();
    });
    const error = await failure(call("GET"));
    expect(error.code).toBe("BAD_RESPONSE");
    expect(error.status).toBe(302);
    expect(server.requests).toHaveLength(1);
  });

  it("error bodies give code and message; the token never shows", async () => {
    server.handle((_req, res) =>
      json(res, 400, {
        error_code: "CSBS.6018",
        error_msg: `partial restore is not supported for token ${TOKEN}`,
      }),
    );
    const error = await failure(call("POST"));
    expect(error).toMatchObject({ status: 400, code: "CSBS.6018", service: "csbs" });
    expect(error.message).toContain("partial restore");
    expect(error.message).not.toContain(TOKEN);
    expect(JSON.stringify(error)).not.toContain(TOKEN);
  });

  it("Keystone and Nova bodies", async () => {
    server.handle((_req, res) =>
      json(res, 401, {
        error: { code: 401, message: "Authentication required", title: "Unauthorized" },
      }),
    );
    expect(await failure(call("GET"))).toMatchObject({
      status: 401,
      code: "HTTP_401",
      message: "Authentication required",
    });
    server.handle((_req, res) =>
      json(res, 404, { itemNotFound: { code: 404, message: "Instance could not be found." } }),
    );
    expect(await failure(call("GET"))).toMatchObject({
      status: 404,
      message: "Instance could not be found.",
    });
  });
});

describe("AK/SK", () => {
  it("signs instead of sending the token when AK/SK are configured", async () => {
    const aksk = { ak: "DEMOACCESSKEY0000000", sk: "DEMOSECRETKEY000000000000000000000000000" };
    setCloudConfigForTests({ ...parseCloudConfig({}), timeoutMs: 400, aksk });
    server.handle((_req, res) => json(res, 200, { ok: true }));
    await call("POST", { path: "/policies?limit=2" });
    const req = server.requests[0];
    expect(req?.headers["x-auth-token"]).toBeUndefined();
    expect(req?.headers["x-project-id"]).toBe(PID);
    const date = req?.headers["x-sdk-date"];
    expect(date).toMatch(/^\d{8}T\d{6}Z$/);
    const auth = parseAuthorization(String(req?.headers.authorization));
    expect(auth?.access).toBe(aksk.ak);
    expect(auth?.signedHeaders).toEqual(["x-project-id", "x-sdk-date"]);
    // Recompute the signature over what the server received.
    const canonical = canonicalRequest({
      method: "POST",
      path: `/v1/${PID}/policies`,
      query: "?limit=2",
      headerValue: (name) => {
        const v = req?.headers[name];
        return Array.isArray(v) ? v.join(",") : v;
      },
      signedHeaders: auth?.signedHeaders ?? [],
      payloadHash: hashBody(req?.body ?? ""),
    });
    expect(auth?.signature).toBe(signature(aksk.sk, stringToSign(String(date), canonical)));
  });

  it("IAM calls keep X-Auth-Token even with AK/SK", async () => {
    setCloudConfigForTests({ ...parseCloudConfig({}), aksk: { ak: "A", sk: "S" } });
    server.handle((_req, res) => json(res, 200, { ok: true }));
    await cloudRequest({
      service: "iam",
      method: "GET",
      url: new URL(`${server.url}/v3/auth/projects`),
      auth: { kind: "iam", token: TOKEN },
      schema,
    });
    expect(server.requests[0]?.headers["x-auth-token"]).toBe(TOKEN);
    expect(server.requests[0]?.headers.authorization).toBeUndefined();
  });
});

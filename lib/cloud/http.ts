import "server-only";
import http from "node:http";
import https from "node:https";
import type { Readable } from "node:stream";
import zlib from "node:zlib";
import type { z } from "zod";
import { signRequest } from "@/lib/auth/signer";
import { compiled } from "@/lib/schemas/compiled";
import { cloudConfig } from "./config";
import { parseErrorBody } from "./error-body";
import { CloudError, type CloudService } from "./errors";

export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE";

export type CloudAuth =
  /** Service calls: the session's project-scoped token (or AK/SK when configured). */
  | { kind: "token"; token: string; projectId: string }
  /** IAM calls: the token goes in X-Auth-Token only, AK/SK never applies. */
  | { kind: "iam"; token?: string; subjectToken?: string }
  | { kind: "none" };

export type CloudRequestInit<T> = {
  service: CloudService;
  method: HttpMethod;
  url: URL;
  auth: CloudAuth;
  body?: unknown;
  /** The operation's tolerant response schema; omit for responses whose body is ignored. */
  schema?: z.ZodType<T>;
  signal?: AbortSignal;
};

export type CloudResponse<T> = { data: T; status: number; headers: Headers };

export type RetryPolicy = { retries: number; baseDelayMs: number; maxDelayMs: number };

const RETRYABLE_STATUS = new Set([502, 503, 504]);
/**
 * The largest answer read, counted after decompression: a list page of the biggest the console
 * asks for is a few MB; a broken or hostile endpoint must not fill the console's memory.
 */
export const RESPONSE_MAX_BYTES = 32 * 1024 * 1024;
let retryPolicy: RetryPolicy = { retries: 2, baseDelayMs: 250, maxDelayMs: 2_000 };

/** Tests only: shorter backoff so that retry tests run fast. */
export function setRetryPolicyForTests(policy?: Partial<RetryPolicy>): void {
  retryPolicy = { retries: 2, baseDelayMs: 250, maxDelayMs: 2_000, ...policy };
}

/*
 * One request's signal is shared by all of its upstream calls (a servers page asks for every
 * server's disks at once), so each signal gets one listener that fans out to the calls waiting on
 * it, rather than one listener per call: no MaxListenersExceededWarning, and nothing left behind.
 */
type Waiting = { calls: Set<() => void>; listener: () => void };
const waiting = new WeakMap<AbortSignal, Waiting>();

/** Calls `fn` once when `signal` aborts; the returned function stops waiting. */
function whenAborted(signal: AbortSignal | undefined, fn: () => void): () => void {
  if (!signal) return () => {};
  let entry = waiting.get(signal);
  if (!entry) {
    const calls = new Set<() => void>();
    const listener = () => {
      waiting.delete(signal);
      for (const call of calls) call();
    };
    entry = { calls, listener };
    waiting.set(signal, entry);
    signal.addEventListener("abort", listener, { once: true });
  }
  const { calls, listener } = entry;
  calls.add(fn);
  return () => {
    calls.delete(fn);
    if (calls.size === 0 && waiting.get(signal)?.calls === calls) {
      waiting.delete(signal);
      signal.removeEventListener("abort", listener);
    }
  };
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const stopWaiting = whenAborted(signal, () => {
      clearTimeout(timer);
      resolve();
    });
    const timer = setTimeout(() => {
      stopWaiting();
      resolve();
    }, ms);
  });

/** "Equal jitter" (AWS Builders' Library): half the capped exponential step, plus a random half. */
function backoff(attempt: number): number {
  const cap = Math.min(retryPolicy.maxDelayMs, retryPolicy.baseDelayMs * 2 ** attempt);
  return Math.round(cap / 2 + (Math.random() * cap) / 2);
}

function redact(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const s of secrets) if (s && s.length >= 8) out = out.split(s).join("[redacted]");
  return out;
}

function buildHeaders(init: CloudRequestInit<unknown>, bodyText: string): Record<string, string> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (init.body !== undefined) headers["Content-Type"] = "application/json;charset=utf8";
  const { auth } = init;
  if (auth.kind === "iam") {
    if (auth.token) headers["X-Auth-Token"] = auth.token;
    if (auth.subjectToken) headers["X-Subject-Token"] = auth.subjectToken;
  } else if (auth.kind === "token") {
    const aksk = cloudConfig().aksk;
    if (aksk) {
      // Project-level services need X-Project-Id with AK/SK (cloud-apis.md §7.1). Only the
      // headers given here are signed; Accept is added afterwards and stays unsigned.
      const signed: Record<string, string> = { "X-Project-Id": auth.projectId };
      if (headers["Content-Type"]) signed["Content-Type"] = headers["Content-Type"];
      const added = signRequest(
        { method: init.method, url: init.url.toString(), headers: { ...signed }, body: bodyText },
        aksk,
      );
      Object.assign(headers, signed, added);
    } else {
      headers["X-Auth-Token"] = auth.token;
    }
  }
  return headers;
}

const aborted = (service: CloudService) =>
  new CloudError({ status: 0, code: "ABORTED", message: "The request was cancelled", service });

type Attempt =
  | { ok: true; response: RawResponse; text: string }
  | { ok: false; error: CloudError; retryable: boolean };

type RawResponse = { status: number; headers: Headers };

/*
 * Node's own HTTP client with keep-alive agents rather than fetch: the upstream calls are the
 * console's hot path (three per list request), and fetch's WHATWG streams cost two to three times
 * the CPU of node:http for the same answer. Idle sockets close after 4 s (or earlier when the
 * server's Keep-Alive header says so), as fetch's pool does.
 */
const AGENT_OPTIONS = { keepAlive: true, timeout: 4_000, maxSockets: 64 };
const httpAgent = new http.Agent(AGENT_OPTIONS);
const httpsAgent = new https.Agent(AGENT_OPTIONS);

class Cancelled extends Error {}
class TimedOut extends Error {}
class TooLarge extends Error {}

/**
 * One HTTP exchange, body read in full. Rejects with Cancelled (the caller's signal), TimedOut (the
 * configured timeout, which covers the body too) or the socket's own error. The timer and the
 * abort listener are removed when the exchange ends, whatever the outcome, so nothing outlives it.
 */
function exchange(
  init: CloudRequestInit<unknown>,
  headers: Record<string, string>,
  bodyText: string,
): Promise<{ response: RawResponse; text: string }> {
  return new Promise((resolve, reject) => {
    const { signal } = init;
    if (signal?.aborted) {
      reject(new Cancelled());
      return;
    }
    const secure = init.url.protocol === "https:";
    const outgoing: Record<string, string> = { ...headers };
    if (init.body !== undefined) outgoing["Content-Length"] = String(Buffer.byteLength(bodyText));
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      stopWaiting();
      fn();
    };
    const fail = (error: Error) => {
      finish(() => reject(error));
      req.destroy();
    };
    const req = (secure ? https : http).request(
      init.url,
      { method: init.method, headers: outgoing, agent: secure ? httpsAgent : httpAgent },
      (res) => {
        const encoding = String(res.headers["content-encoding"] ?? "").toLowerCase();
        const body: Readable =
          encoding === "gzip" || encoding === "x-gzip"
            ? res.pipe(zlib.createGunzip())
            : encoding === "deflate"
              ? res.pipe(zlib.createInflate())
              : encoding === "br"
                ? res.pipe(zlib.createBrotliDecompress())
                : res;
        const chunks: Buffer[] = [];
        let size = 0;
        body.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > RESPONSE_MAX_BYTES) {
            if (body !== res) body.destroy();
            fail(new TooLarge());
            return;
          }
          chunks.push(chunk);
        });
        body.on("error", (error) => fail(error));
        if (body !== res) res.on("error", (error) => fail(error));
        res.on("aborted", () => fail(new Error("the connection closed during the answer")));
        body.on("end", () =>
          finish(() =>
            resolve({
              response: { status: res.statusCode ?? 0, headers: headersOf(res.rawHeaders) },
              text: Buffer.concat(chunks).toString("utf8"),
            }),
          ),
        );
      },
    );
    const timer = setTimeout(() => fail(new TimedOut()), cloudConfig().timeoutMs);
    const stopWaiting = whenAborted(signal, () => fail(new Cancelled()));
    req.on("error", (error) => fail(error));
    req.end(init.body !== undefined ? bodyText : undefined);
  });
}

function headersOf(raw: readonly string[]): Headers {
  const headers = new Headers();
  for (let i = 0; i + 1 < raw.length; i += 2) {
    try {
      headers.append(raw[i] as string, raw[i + 1] as string);
    } catch {
      // A header value fetch would refuse (control characters): dropped, never needed.
    }
  }
  return headers;
}

async function attempt(
  init: CloudRequestInit<unknown>,
  headers: Record<string, string>,
  bodyText: string,
  secrets: readonly (string | undefined)[],
): Promise<Attempt> {
  try {
    const { response, text } = await exchange(init, headers, bodyText);
    if (response.status >= 200 && response.status < 300) return { ok: true, response, text };
    if (response.status >= 300 && response.status < 400) {
      return {
        ok: false,
        retryable: false,
        error: new CloudError({
          status: response.status,
          code: "BAD_RESPONSE",
          message: `${init.service.toUpperCase()} answered with a redirect, which is not followed`,
          service: init.service,
        }),
      };
    }
    const parsed = parseErrorBody(text);
    return {
      ok: false,
      retryable: RETRYABLE_STATUS.has(response.status),
      error: new CloudError({
        status: response.status,
        code: parsed.code ?? `HTTP_${response.status}`,
        message: redact(
          parsed.message ?? `${init.service.toUpperCase()} answered ${response.status}`,
          secrets,
        ),
        service: init.service,
      }),
    };
  } catch (cause) {
    if (cause instanceof Cancelled || init.signal?.aborted) {
      return { ok: false, retryable: false, error: aborted(init.service) };
    }
    if (cause instanceof TooLarge) {
      return {
        ok: false,
        retryable: false,
        error: new CloudError({
          status: 502,
          code: "BAD_RESPONSE",
          message: `${init.service.toUpperCase()} sent an answer larger than ${RESPONSE_MAX_BYTES} bytes`,
          service: init.service,
        }),
      };
    }
    if (cause instanceof TimedOut) {
      return {
        ok: false,
        retryable: false,
        error: new CloudError({
          status: 504,
          code: "TIMEOUT",
          message: `${init.service.toUpperCase()} did not answer in time`,
          service: init.service,
        }),
      };
    }
    return {
      ok: false,
      retryable: true,
      error: new CloudError({
        status: 0,
        code: "NETWORK",
        message: `${init.service.toUpperCase()} cannot be reached`,
        service: init.service,
        // The cause is a socket error (host, port, errno); it never holds headers.
        cause,
      }),
    };
  }
}

/**
 * The one way the clients talk to the cloud: timeout, auth headers, retry of idempotent reads,
 * error mapping and tolerant parsing. Only GETs are retried; a change is sent exactly once.
 */
export async function cloudRequest<T = undefined>(
  init: CloudRequestInit<T>,
): Promise<CloudResponse<T>> {
  const bodyText = init.body === undefined ? "" : JSON.stringify(init.body);
  const headers = buildHeaders(init as CloudRequestInit<unknown>, bodyText);
  const secrets =
    init.auth.kind === "token"
      ? [init.auth.token]
      : init.auth.kind === "iam"
        ? [init.auth.token, init.auth.subjectToken]
        : [];
  const maxAttempts = init.method === "GET" ? retryPolicy.retries + 1 : 1;
  let result = await attempt(init as CloudRequestInit<unknown>, headers, bodyText, secrets);
  for (let retry = 1; retry < maxAttempts && !result.ok && result.retryable; retry++) {
    await sleep(backoff(retry), init.signal);
    if (init.signal?.aborted) throw aborted(init.service);
    result = await attempt(init as CloudRequestInit<unknown>, headers, bodyText, secrets);
  }
  if (!result.ok) throw result.error;
  return {
    data: parseBody(init, result.text),
    status: result.response.status,
    headers: result.response.headers,
  };
}

function parseBody<T>(init: CloudRequestInit<T>, text: string): T {
  if (!init.schema) return undefined as T;
  let json: unknown;
  try {
    json = text.trim() === "" ? undefined : JSON.parse(text);
  } catch (cause) {
    throw new CloudError({
      status: 502,
      code: "BAD_RESPONSE",
      message: `${init.service.toUpperCase()} sent a response that is not JSON`,
      service: init.service,
      cause,
    });
  }
  const parsed = compiled(init.schema).safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CloudError({
      status: 502,
      code: "BAD_RESPONSE",
      // Paths and messages only: never the received values.
      message: `${init.service.toUpperCase()} sent an unexpected response (${issue?.path.join(".") || "body"}: ${issue?.message ?? "invalid"})`,
      service: init.service,
    });
  }
  return parsed.data;
}

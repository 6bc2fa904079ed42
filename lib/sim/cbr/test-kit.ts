// For the CBR tests over real HTTP: a caller of the CBR API as the demo admin, and a poller for
// the lifecycles (which run on the real ticker).
import type { TestSim } from "../testing/start";

// biome-ignore lint/suspicious/noExplicitAny: the tests read untyped JSON answers field by field
export type Json = Record<string, any>;

export type CbrAnswer = { status: number; text: string; json: Json };

/**
 * Calls `/cbr/v3/{project}{path}` on `sim` with a token (the admin's unless `options.token`); a
 * `raw` body is sent as is (malformed JSON cases).
 */
export async function callCbr(
  sim: TestSim,
  auth: { token: string; projectId: string },
  method: string,
  path: string,
  body?: unknown,
  options: { token?: string | undefined; raw?: string } = {},
): Promise<CbrAnswer> {
  const headers: Record<string, string> = { "x-auth-token": options.token ?? auth.token };
  if (body !== undefined || options.raw !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(`${sim.url}/cbr/v3/${auth.projectId}${path}`, {
    method,
    headers,
    body: options.raw ?? (body === undefined ? undefined : JSON.stringify(body)),
  });
  const text = await res.text();
  return { status: res.status, text, json: text ? JSON.parse(text) : {} };
}

/** Polls `probe` every 100 ms until it gives a value. */
export async function until<T>(probe: () => Promise<T | undefined>, timeoutMs = 8_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

import "server-only";

/** One dependency's state; never its address or error text (the probe is unauthenticated). */
export type CheckResult = { ok: boolean; ms: number };
export type Readiness = { ready: boolean; checks: Record<string, CheckResult> };
export type Probe = () => Promise<void>;

async function timed(probe: Probe): Promise<CheckResult> {
  const started = performance.now();
  try {
    await probe();
    return { ok: true, ms: Math.round(performance.now() - started) };
  } catch {
    return { ok: false, ms: Math.round(performance.now() - started) };
  }
}

/** Runs every probe at once: the slowest one, not their sum, bounds the answer. */
export async function checkReadiness(probes: Record<string, Probe>): Promise<Readiness> {
  const names = Object.keys(probes);
  const results = await Promise.all(names.map((name) => timed(probes[name] as Probe)));
  const checks = Object.fromEntries(names.map((name, i) => [name, results[i] as CheckResult]));
  return { ready: results.every((r) => r.ok), checks };
}

/**
 * IAM is reachable when it answers at all: any HTTP status will do (Keystone's version document,
 * or a 401 from a gateway in front of it), only a network failure or a timeout will not.
 */
export function httpReachable(url: string, timeoutMs: number): Probe {
  return async () => {
    const res = await fetch(url, {
      method: "GET",
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
      headers: { accept: "application/json" },
    });
    // Drain the body so that the connection is released.
    await res.arrayBuffer().catch(() => undefined);
  };
}

/**
 * A probe whose outcome (success or failure) is remembered for `ttlMs`, and shared by the callers
 * that come while it runs: the readiness route needs no session, so without this anyone could make
 * every request to it a request to IAM.
 */
export function cachedProbe(probe: Probe, ttlMs: number, clock: () => number = Date.now): Probe {
  let last: { at: number; outcome: Promise<void> } | undefined;
  return () => {
    const now = clock();
    if (!last || now - last.at >= ttlMs) {
      const outcome = probe();
      // Remembered as it is; the rejection is the callers' to see, not an unhandled one.
      outcome.catch(() => undefined);
      last = { at: now, outcome };
    }
    return last.outcome;
  };
}

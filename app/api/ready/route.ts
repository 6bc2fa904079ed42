// GET /api/ready: readiness. The session store answers and IAM is reachable (sign-in needs both);
// 503 otherwise, so that a load balancer sends no user to an instance that cannot sign them in,
// and 503 "draining" once the instance has been told to stop (lib/server/drain.ts).

import { sessions } from "@/lib/auth/session";
import { newSessionId } from "@/lib/auth/session-service";
import { cloudConfig } from "@/lib/cloud/config";
import { isDraining } from "@/lib/server/drain";
import { cachedProbe, checkReadiness, httpReachable, type Probe } from "@/lib/server/readiness";
import { withRoute } from "@/lib/server/with-route";

/** A readiness probe must answer well within a load balancer's own timeout. */
const PROBE_TIMEOUT_MS = 3_000;
/** IAM's answer is reused this long: balancers probe every few seconds, attackers far more often. */
const IAM_PROBE_TTL_MS = 5_000;

let iamProbe: { url: string; probe: Probe } | undefined;
function iamReachable(url: string, timeoutMs: number): Probe {
  if (iamProbe?.url !== url) {
    iamProbe = { url, probe: cachedProbe(httpReachable(url, timeoutMs), IAM_PROBE_TTL_MS) };
  }
  return iamProbe.probe;
}

export const GET = withRoute({ auth: "none" }, async () => {
  if (isDraining()) return Response.json({ status: "draining", checks: {} }, { status: 503 });
  const config = cloudConfig();
  const result = await checkReadiness({
    // A lookup of an id nobody holds: reads the store (SQLite or Redis) without changing it.
    sessionStore: async () => {
      await sessions().resume(newSessionId(), { activity: false });
    },
    iam: iamReachable(config.iamEndpoint, Math.min(PROBE_TIMEOUT_MS, config.timeoutMs)),
  });
  return Response.json(
    { status: result.ready ? "ready" : "not_ready", checks: result.checks },
    { status: result.ready ? 200 : 503 },
  );
});

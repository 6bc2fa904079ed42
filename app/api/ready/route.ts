// GET /api/ready: readiness. The session store answers and IAM is reachable (sign-in needs both);
// 503 otherwise, so that a load balancer sends no user to an instance that cannot sign them in,
// and 503 "draining" once the instance has been told to stop (lib/server/drain.ts).

import { sessions } from "@/lib/auth/session";
import { newSessionId } from "@/lib/auth/session-service";
import { cloudConfig } from "@/lib/cloud/config";
import { isDraining } from "@/lib/server/drain";
import { checkReadiness, httpReachable } from "@/lib/server/readiness";
import { withRoute } from "@/lib/server/with-route";

/** A readiness probe must answer well within a load balancer's own timeout. */
const PROBE_TIMEOUT_MS = 3_000;

export const GET = withRoute({ auth: "none" }, async () => {
  if (isDraining()) return Response.json({ status: "draining", checks: {} }, { status: 503 });
  const config = cloudConfig();
  const result = await checkReadiness({
    // A lookup of an id nobody holds: reads the store (SQLite or Redis) without changing it.
    sessionStore: async () => {
      await sessions().resume(newSessionId(), { activity: false });
    },
    iam: httpReachable(config.iamEndpoint, Math.min(PROBE_TIMEOUT_MS, config.timeoutMs)),
  });
  return Response.json(
    { status: result.ready ? "ready" : "not_ready", checks: result.checks },
    { status: result.ready ? 200 : 503 },
  );
});

// GET /api/health: liveness only. The process answers; no session, no store, no cloud call, so that
// an orchestrator never restarts the console because the cloud is down.
import { withRoute } from "@/lib/server/with-route";

const startedAt = Date.now();

export const GET = withRoute({ auth: "none" }, async () => ({
  status: "ok",
  uptimeS: Math.round((Date.now() - startedAt) / 1000),
}));

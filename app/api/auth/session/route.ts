// GET /api/auth/session: who is signed in, and until when. Probing does not count as activity.
import { withRoute } from "@/lib/server/with-route";

export const GET = withRoute({ activity: false }, async ({ session }) => session.info);

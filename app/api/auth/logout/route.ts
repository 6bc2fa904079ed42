// POST /api/auth/logout: ends the session (record and cookie) and revokes the IAM token.
import { clearedSessionCookie, readSessionId } from "@/lib/auth/cookies";
import { cookieScopeFor, sessions } from "@/lib/auth/session";
import { revokeToken } from "@/lib/cloud/iam";
import { withRoute } from "@/lib/server/with-route";

export const POST = withRoute({ auth: "none", write: false }, async ({ req }) => {
  const scope = cookieScopeFor(req);
  const service = sessions();
  const lookup = await service.resume(readSessionId(req, scope), { activity: false });
  if (lookup.status === "active") {
    await service.end({ key: lookup.key });
    // Best effort: the session is gone whatever IAM says, and the browser must not wait long.
    await revokeToken(lookup.record.token, AbortSignal.timeout(3000)).catch(() => {});
  }
  return new Response(null, {
    status: 204,
    headers: {
      "Set-Cookie": clearedSessionCookie(scope),
      // Also drops whatever the browser cached or stored for the console (OWASP logout advice).
      "Clear-Site-Data": '"cache", "storage"',
    },
  });
});

// POST /api/auth/logout: ends the session (record and cookie) and revokes the IAM token.
import { clearedSessionCookie, readSessionId } from "@/lib/auth/cookies";
import { cookieScopeFor, sessions } from "@/lib/auth/session";
import { revokeToken } from "@/lib/cloud/iam";
import { audit } from "@/lib/server/audit";
import { withRoute } from "@/lib/server/with-route";

export const POST = withRoute({ auth: "none", write: false }, async ({ req }) => {
  const scope = cookieScopeFor(req);
  const service = sessions();
  const lookup = await service.resume(readSessionId(req, scope), { activity: false });
  if (lookup.status === "active") {
    await service.end({ key: lookup.key });
    audit("sign-out", {
      account: lookup.record.domain.name,
      user: lookup.record.user.name,
      project: lookup.record.project.name,
    });
    // Best effort: the session is gone whatever IAM says, and the browser must not wait long.
    await revokeToken(lookup.record.token, AbortSignal.timeout(3000)).catch(() => {});
  }
  return new Response(null, {
    status: 204,
    headers: {
      "Set-Cookie": clearedSessionCookie(scope),
      // Also drops what the browser cached of the console's pages (OWASP logout advice). Not
      // "storage": it holds only preferences (theme), and the session cookie is cleared above.
      "Clear-Site-Data": '"cache"',
    },
  });
});

// POST /api/auth/login: IAM password sign-in with a project-scoped token kept in a new session.
import { NextResponse } from "next/server";
import { readSessionId, sessionCookie } from "@/lib/auth/cookies";
import { signInToIam } from "@/lib/auth/iam-login";
import { domainAllowed, readOnlyFor } from "@/lib/auth/roles";
import { cookieScopeFor, sessionInfoOf, sessions } from "@/lib/auth/session";
import { sessionDeadlines } from "@/lib/auth/session-service";
import { cloudConfig } from "@/lib/cloud/config";
import { revokeToken } from "@/lib/cloud/iam";
import { loginBodySchema } from "@/lib/schemas/session";
import { audit } from "@/lib/server/audit";
import { RouteError } from "@/lib/server/errors";
import { clientAddress, loginThrottle } from "@/lib/server/login-throttle-instance";
import { withRoute } from "@/lib/server/with-route";

export const POST = withRoute(
  { auth: "none", body: loginBodySchema, write: false },
  async ({ req, body }) => {
    const subject = { account: body.domain, user: body.user, address: clientAddress(req) };
    const throttle = loginThrottle();
    // Reserved (counted as a failure) before IAM is asked, so parallel guesses cannot all pass.
    const verdict = await throttle.reserve(subject);
    if (!verdict.allowed) {
      audit("sign-in throttled", {
        account: body.domain,
        user: body.user,
        address: subject.address,
      });
      throw RouteError.of("TOO_MANY_ATTEMPTS", {
        headers: { "Retry-After": String(verdict.retryAfterS) },
      });
    }

    let iam: Awaited<ReturnType<typeof signInToIam>>;
    try {
      iam = await signInToIam(body);
    } catch (error) {
      // Only a wrong password keeps the reservation; IAM down or an unknown project give it back.
      if (!(error instanceof RouteError && error.code === "INVALID_CREDENTIALS")) {
        await throttle.release(subject);
      }
      audit("sign-in failed", {
        account: body.domain,
        user: body.user,
        address: subject.address,
        reason: error instanceof RouteError ? error.code : "INTERNAL",
      });
      throw error;
    }
    await throttle.succeeded(subject);
    if (!domainAllowed(iam.domain.id, cloudConfig().allowedDomains)) {
      // Right credentials of an account this console does not serve: no session, token revoked.
      void revokeToken(iam.token).catch(() => {});
      audit("sign-in failed", {
        account: body.domain,
        user: body.user,
        address: subject.address,
        reason: "ACCOUNT_NOT_ALLOWED",
      });
      throw RouteError.of("ACCOUNT_NOT_ALLOWED");
    }

    const scope = cookieScopeFor(req);
    const service = sessions();
    // Never keep a session id the browser arrived with (fixation): drop it and issue a new one.
    const previous = readSessionId(req, scope);
    if (previous) await service.end({ id: previous });
    const { id, record } = await service.start({
      token: iam.token,
      tokenExpiresAt: iam.expiresAt.getTime(),
      user: iam.user,
      domain: iam.domain.name ? iam.domain : { id: iam.domain.id, name: body.domain },
      project: iam.project,
      roles: iam.roles,
      readOnly: readOnlyFor(iam.roles, {
        aksk: !!cloudConfig().aksk,
        changeRoles: cloudConfig().changeRoles,
      }),
      endpoints: iam.endpoints,
    });

    audit("sign-in", {
      account: record.domain.name,
      user: record.user.name,
      project: record.project.name,
      readOnly: record.readOnly,
      address: subject.address,
    });
    const response = NextResponse.json({ session: sessionInfoOf(record) });
    const maxAgeS = (sessionDeadlines(record, service.limits).expiresAt - Date.now()) / 1000;
    response.headers.append("Set-Cookie", sessionCookie(scope, id, maxAgeS));
    return response;
  },
);

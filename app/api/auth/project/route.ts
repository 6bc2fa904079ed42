// POST /api/auth/project: switches the session to another project with a re-scoped IAM token.
import { readOnlyFor } from "@/lib/auth/roles";
import { sessionInfoOf, sessions } from "@/lib/auth/session";
import { cloudConfig } from "@/lib/cloud/config";
import { CloudError } from "@/lib/cloud/errors";
import { rescopeToken, tokenIsValid } from "@/lib/cloud/iam";
import { switchProjectBodySchema } from "@/lib/schemas/common";
import type { LoginResponse } from "@/lib/schemas/session";
import { audit } from "@/lib/server/audit";
import { RouteError } from "@/lib/server/errors";
import { withRoute } from "@/lib/server/with-route";

export const POST = withRoute(
  { body: switchProjectBodySchema, write: false },
  async ({ session, body }): Promise<LoginResponse> => {
    const { record } = session;
    let iam: Awaited<ReturnType<typeof rescopeToken>>;
    try {
      iam = await rescopeToken(record.token, body.projectId);
    } catch (error) {
      // A project the user may not use: say so at the field, keep the current session. Keystone
      // answers 401 both for that and for a dead token, so a 401 is settled by asking IAM whether
      // the current token still holds; only a dead one ends the session (through withRoute).
      if (error instanceof CloudError && (error.status === 403 || error.status === 404)) {
        throw RouteError.of("UNKNOWN_PROJECT", { field: "projectId" });
      }
      if (
        error instanceof CloudError &&
        error.status === 401 &&
        (await tokenIsValid(record.token))
      ) {
        throw RouteError.of("UNKNOWN_PROJECT", { field: "projectId" });
      }
      throw error;
    }
    const data = {
      token: iam.token,
      tokenExpiresAt: iam.expiresAt.getTime(),
      user: iam.user,
      domain: iam.domain.name ? iam.domain : record.domain,
      project: iam.project,
      roles: iam.roles,
      readOnly: readOnlyFor(iam.roles, {
        aksk: !!cloudConfig().aksk,
        changeRoles: cloudConfig().changeRoles,
      }),
      endpoints: iam.endpoints,
    };
    // The previous token is not revoked: Keystone-style IAMs may revoke the tokens derived from it.
    await sessions().replaceData(session.key, data);
    audit("project switch", {
      account: record.domain.name,
      user: record.user.name,
      from: record.project.name,
      to: iam.project.name,
    });
    return { session: sessionInfoOf({ ...record, ...data }) };
  },
);

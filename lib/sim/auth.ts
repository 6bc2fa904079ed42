import type { Context, MiddlewareHandler } from "hono";
import {
  canonicalRequest,
  hashBody,
  parseAuthorization,
  parseSdkDate,
  signature,
  signaturesEqual,
  stringToSign,
} from "../auth/signer";
import type { AuthInfo, SimContext, SimEnv } from "./context";
import { clientUrl } from "./endpoints";
import { gatewayCodes, serviceCodes, serviceError, serviceOf } from "./http";
import { demoAccessKey, demoDomain, findProject, findUserByName } from "./iam/directory";
import { verifyToken } from "./iam/tokens";

/** The gateway refuses X-Sdk-Date values more than 15 minutes away from its clock. */
export const signatureWindowMs = 15 * 60 * 1000;

const readMethods = new Set(["GET", "HEAD", "OPTIONS"]);

type Outcome = { ok: true; auth: AuthInfo } | { ok: false; status: 401 | 403; message: string };

const deny = (status: 401 | 403, message: string): Outcome => ({ ok: false, status, message });

function fromToken(ctx: SimContext, token: string, projectId: string): Outcome {
  const valid = verifyToken(ctx, token);
  if (!valid)
    return deny(401, "Incorrect IAM authentication information: the token is invalid or expired.");
  const { record, user } = valid;
  if (record.scope.kind !== "project") {
    return deny(403, "The token is not scoped to a project.");
  }
  if (record.scope.projectId !== projectId) {
    return deny(403, "The token is scoped to another project.");
  }
  return {
    ok: true,
    auth: {
      userId: user.id,
      userName: user.name,
      domainId: demoDomain.id,
      domainName: demoDomain.name,
      projectId: record.scope.projectId,
      roles: user.roles.map((r) => r.name),
      readOnly: user.readOnly,
      via: "token",
    },
  };
}

/**
 * Verifies an `SDK-HMAC-SHA256 Access=…` signature with the same canonicalisation the console
 * signs with. The window uses real time, not the simulated clock: the signer stamps real time, and
 * a test that jumps the clock ahead must not invalidate every signed request.
 */
export async function verifySignature(
  c: Context,
  header: string,
  projectId: string,
  realNow: Date = new Date(),
): Promise<Outcome> {
  const parsed = parseAuthorization(header);
  if (!parsed)
    return deny(401, "Incorrect app authentication information: malformed Authorization header.");
  if (parsed.access !== demoAccessKey.ak) {
    return deny(401, "Incorrect app authentication information: unknown access key.");
  }
  const signed = parsed.signedHeaders.map((h) => h.toLowerCase());
  if (!signed.includes("x-sdk-date")) {
    return deny(401, "Incorrect app authentication information: X-Sdk-Date must be signed.");
  }
  const sdkDate = c.req.header("x-sdk-date") ?? "";
  const date = parseSdkDate(sdkDate);
  if (!date)
    return deny(401, "Incorrect app authentication information: missing or malformed X-Sdk-Date.");
  if (Math.abs(date.getTime() - realNow.getTime()) > signatureWindowMs) {
    return deny(
      401,
      "Incorrect app authentication information: X-Sdk-Date is more than 15 minutes away from the server time.",
    );
  }
  const body = new Uint8Array(await c.req.arrayBuffer());
  // Signed over the path the client sent (a service's own port has no mount prefix).
  const url = clientUrl(c);
  const canonical = canonicalRequest({
    method: c.req.method,
    path: url.pathname,
    query: url.search,
    headerValue: (name) => c.req.header(name),
    signedHeaders: signed,
    payloadHash: c.req.header("x-sdk-content-sha256") ?? hashBody(body),
  });
  const expected = signature(demoAccessKey.sk, stringToSign(sdkDate, canonical));
  if (!signaturesEqual(expected, parsed.signature)) {
    return deny(401, "Incorrect app authentication information: signature mismatch.");
  }
  const headerProject = c.req.header("x-project-id");
  if (headerProject !== undefined && headerProject !== projectId) {
    return deny(403, "X-Project-Id does not match the project in the path.");
  }
  const user = findUserByName(demoAccessKey.userName);
  if (!user) return deny(401, "The access key's user does not exist.");
  return {
    ok: true,
    auth: {
      userId: user.id,
      userName: user.name,
      domainId: demoDomain.id,
      domainName: demoDomain.name,
      projectId,
      roles: user.roles.map((r) => r.name),
      readOnly: user.readOnly,
      via: "aksk",
    },
  };
}

function projectOfCredentials(
  ctx: SimContext,
  token: string | undefined,
  headerProject: string | undefined,
): string {
  if (token) {
    const scope = verifyToken(ctx, token)?.record.scope;
    return scope?.kind === "project" ? scope.projectId : "";
  }
  return headerProject ?? "";
}

function readOnlyCode(path: string): string {
  const service = serviceOf(path);
  return service === "cbr" ? serviceCodes.cbr.readOnly : serviceCodes.csbs.readOnly;
}

/**
 * Runs in front of every project-scoped service: 401 without valid credentials, 403 for another
 * project's token, 404 for an unknown project, 403 for the read-only user on any change.
 */
export function requireAuth(
  ctx: SimContext,
  options: { projectInPath: boolean } = { projectInPath: true },
): MiddlewareHandler<SimEnv> {
  return async (c, next) => {
    const token = c.req.header("x-auth-token");
    // Glance paths carry no project: the token's scope (or, signed, X-Project-Id) names it.
    const projectId = options.projectInPath
      ? (c.req.param("project_id") ?? "")
      : projectOfCredentials(ctx, token, c.req.header("x-project-id"));
    const authorization = c.req.header("authorization");
    let outcome: Outcome;
    if (token) outcome = fromToken(ctx, token, projectId);
    else if (authorization) outcome = await verifySignature(c, authorization, projectId);
    else
      outcome = deny(
        401,
        "Incorrect IAM authentication information: X-Auth-Token or an AK/SK signature is required.",
      );

    if (!outcome.ok) {
      const code = outcome.status === 401 ? gatewayCodes.unauthorized : gatewayCodes.wrongProject;
      return serviceError(c, outcome.status, code, outcome.message);
    }
    if (!ctx.state.projects[projectId] || !findProject({ id: projectId })) {
      return serviceError(c, 404, gatewayCodes.notFound, `Project ${projectId} does not exist.`);
    }
    if (outcome.auth.readOnly && !readMethods.has(c.req.method)) {
      return serviceError(
        c,
        403,
        readOnlyCode(c.req.path),
        `User ${outcome.auth.userName} has read-only access: ${c.req.method} is not allowed.`,
      );
    }
    c.set("auth", outcome.auth);
    await next();
  };
}

import "server-only";
import { cloudConfig } from "./config";
import { type Endpoints, resolveEndpoints } from "./endpoints";
import { CloudError } from "./errors";
import { cloudRequest } from "./http";
import { projectsSchema, type TokenBody, tokenBodySchema } from "./schemas/iam";
import { buildUrl, ID_FORMATS } from "./url";

export type { Endpoints } from "./endpoints";

export type IamToken = {
  token: string;
  expiresAt: Date;
  user: { id: string; name: string };
  domain: { id: string; name: string };
  project: { id: string; name: string };
  roles: string[];
  endpoints: Endpoints;
};

function iamUrl(...segments: string[]): URL {
  return buildUrl("iam", cloudConfig().iamEndpoint, segments);
}

/** A 32-hex value is a project id; anything else is a project name (e.g. "eu-de"). */
function projectScope(project: string, domain?: string) {
  if (ID_FORMATS.projectId.test(project)) return { project: { id: project } };
  return { project: { name: project, ...(domain ? { domain: { name: domain } } : {}) } };
}

function toIamToken(token: string | null, body: TokenBody): IamToken {
  const t = body.token;
  if (!token) {
    throw new CloudError({
      status: 502,
      code: "BAD_RESPONSE",
      message: "IAM did not return a token",
      service: "iam",
    });
  }
  if (!t.project) {
    throw new CloudError({
      status: 502,
      code: "BAD_RESPONSE",
      message: "IAM returned a token that is not scoped to a project",
      service: "iam",
    });
  }
  const config = cloudConfig();
  const domain = t.user.domain ?? t.project.domain;
  return {
    token,
    expiresAt: new Date(t.expires_at),
    user: { id: t.user.id, name: t.user.name },
    domain: { id: domain?.id ?? "", name: domain?.name ?? "" },
    project: { id: t.project.id, name: t.project.name },
    roles: t.roles.map((r) => r.name),
    endpoints: resolveEndpoints(t.catalog, t.project.id, {
      ...(config.region ? { region: config.region } : {}),
      overrides: config.overrides,
    }),
  };
}

async function issueToken(
  body: unknown,
  signal: AbortSignal | undefined,
  authToken?: string,
): Promise<IamToken> {
  const res = await cloudRequest({
    service: "iam",
    method: "POST",
    url: iamUrl("auth", "tokens"),
    auth: authToken ? { kind: "iam", token: authToken } : { kind: "none" },
    body,
    schema: tokenBodySchema,
    ...(signal ? { signal } : {}),
  });
  return toIamToken(res.headers.get("x-subject-token"), res.data);
}

/** IAM password authentication with a project-scoped token (Keystone v3, cloud-apis.md §8). */
export function passwordLogin(
  input: { domain: string; user: string; password: string; project: string },
  signal?: AbortSignal,
): Promise<IamToken> {
  return issueToken(
    {
      auth: {
        identity: {
          methods: ["password"],
          password: {
            user: { name: input.user, password: input.password, domain: { name: input.domain } },
          },
        },
        scope: projectScope(input.project, input.domain),
      },
    },
    signal,
  );
}

/** A new token for another project of the same user, from the current token (project switch). */
export function rescopeToken(
  token: string,
  projectId: string,
  signal?: AbortSignal,
): Promise<IamToken> {
  if (!ID_FORMATS.projectId.test(projectId)) {
    return Promise.reject(
      new CloudError({
        status: 0,
        code: "INVALID_PATH",
        message: "Invalid project id",
        service: "iam",
      }),
    );
  }
  return issueToken(
    {
      auth: {
        identity: { methods: ["token"], token: { id: token } },
        scope: { project: { id: projectId } },
      },
    },
    signal,
    token,
  );
}

/** The projects the token's user may scope to (`GET /auth/projects`). */
export async function listUserProjects(
  token: string,
  signal?: AbortSignal,
): Promise<{ id: string; name: string; enabled: boolean }[]> {
  const res = await cloudRequest({
    service: "iam",
    method: "GET",
    url: iamUrl("auth", "projects"),
    auth: { kind: "iam", token },
    schema: projectsSchema,
    ...(signal ? { signal } : {}),
  });
  return res.data.projects.map((p) => ({ id: p.id, name: p.name, enabled: p.enabled ?? true }));
}

/** Revokes a token (`DELETE /auth/tokens`); an already invalid token counts as revoked. */
export async function revokeToken(token: string, signal?: AbortSignal): Promise<void> {
  try {
    await cloudRequest({
      service: "iam",
      method: "DELETE",
      url: iamUrl("auth", "tokens"),
      auth: { kind: "iam", token, subjectToken: token },
      ...(signal ? { signal } : {}),
    });
  } catch (error) {
    if (error instanceof CloudError && (error.status === 401 || error.status === 404)) return;
    throw error;
  }
}

/**
 * Whether IAM still honours a token (`GET /auth/tokens`, the token checking itself). A rescope
 * refused with 401 is ambiguous — a dead token, or a project where the user has no role — and only
 * this tells the two apart.
 */
export async function tokenIsValid(token: string, signal?: AbortSignal): Promise<boolean> {
  try {
    await cloudRequest({
      service: "iam",
      method: "GET",
      url: iamUrl("auth", "tokens"),
      auth: { kind: "iam", token, subjectToken: token },
      ...(signal ? { signal } : {}),
    });
    return true;
  } catch (error) {
    if (error instanceof CloudError && (error.status === 401 || error.status === 404)) return false;
    throw error;
  }
}

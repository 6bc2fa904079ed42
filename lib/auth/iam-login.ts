import "server-only";
import { z } from "zod";
import { cloudConfig } from "@/lib/cloud/config";
import { CloudError } from "@/lib/cloud/errors";
import { cloudRequest } from "@/lib/cloud/http";
import { type IamToken, passwordLogin, revokeToken } from "@/lib/cloud/iam";
import { buildUrl } from "@/lib/cloud/url";
import type { LoginBody } from "@/lib/schemas/session";
import { RouteError } from "@/lib/server/errors";

export type LoginFailure = "INVALID_CREDENTIALS" | "UNKNOWN_PROJECT" | "IAM_UNREACHABLE";

/**
 * Signs in to IAM with a project-scoped token and names what went wrong in the words of the
 * login form. Keystone-style IAMs answer 401 both for a wrong password and for a project the user
 * cannot scope to; to tell them apart, the same credentials are tried once with the account's
 * (domain) scope: if that works, the project is the problem.
 */
export async function signInToIam(input: LoginBody): Promise<IamToken> {
  try {
    return await passwordLogin(input);
  } catch (error) {
    throw await explainLoginFailure(error, input);
  }
}

async function explainLoginFailure(error: unknown, input: LoginBody): Promise<unknown> {
  if (!(error instanceof CloudError)) return error;
  if (isUnreachable(error)) return loginError("IAM_UNREACHABLE");
  if (error.status === 404) return loginError("UNKNOWN_PROJECT");
  if (error.status === 401 || error.status === 400 || error.status === 403) {
    const credentialsOk = await credentialsWork(input).catch(() => false);
    return loginError(credentialsOk ? "UNKNOWN_PROJECT" : "INVALID_CREDENTIALS");
  }
  return loginError("IAM_UNREACHABLE");
}

export function isUnreachable(error: CloudError): boolean {
  return error.status === 0 || error.status >= 500 || error.code === "TIMEOUT";
}

export function loginError(code: LoginFailure): RouteError {
  return RouteError.of(code, code === "UNKNOWN_PROJECT" ? { field: "project" } : {});
}

const anyTokenBody = z.object({ token: z.object({}).passthrough() }).passthrough();

async function credentialsWork(input: LoginBody): Promise<boolean> {
  const res = await cloudRequest({
    service: "iam",
    method: "POST",
    url: buildUrl("iam", cloudConfig().iamEndpoint, ["auth", "tokens"]),
    auth: { kind: "none" },
    body: {
      auth: {
        identity: {
          methods: ["password"],
          password: {
            user: { name: input.user, password: input.password, domain: { name: input.domain } },
          },
        },
        scope: { domain: { name: input.domain } },
      },
    },
    schema: anyTokenBody,
  });
  const token = res.headers.get("x-subject-token");
  if (token) void revokeToken(token).catch(() => {});
  return true;
}

import "server-only";
import { randomBytes } from "node:crypto";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { cloudConfig, isSimulatorMode } from "@/lib/cloud/config";
import { tokenIsValid } from "@/lib/cloud/iam";
import type { SessionInfo } from "@/lib/schemas/session";
import { serverEnv } from "@/lib/server/env";
import { type CookieScope, isHttps, sessionCookieName } from "./cookies";
import { PATH_HEADER } from "./path-header";
import { sessionStoreFor } from "./redis-stores";
import {
  type SessionLimits,
  type SessionService,
  sessionService,
  toSessionInfo,
} from "./session-service";
import { tokenCipher } from "./token-crypto";

export { PATH_HEADER };

export function sessionLimits(): SessionLimits {
  const env = serverEnv();
  return {
    idleMs: env.SESSION_IDLE_TIMEOUT_S * 1000,
    absoluteMs: env.SESSION_ABSOLUTE_TIMEOUT_S * 1000,
    tokenMarginMs: env.SESSION_TOKEN_MARGIN_S * 1000,
  };
}

// One service per process, kept on globalThis: Next may load this module once per bundle
// (route handlers, server components), and all of them must share the store and its key.
const GLOBAL_KEY = Symbol.for("cbc.sessions");
type Globals = typeof globalThis & { [GLOBAL_KEY]?: SessionService };

export function sessions(): SessionService {
  const globals = globalThis as Globals;
  if (!globals[GLOBAL_KEY]) {
    const env = serverEnv();
    const secret = env.SESSION_SECRET ?? randomBytes(32);
    globals[GLOBAL_KEY] = sessionService({
      // SQLite, or Redis when REDIS_URL is set (several instances).
      store: sessionStoreFor({
        sqlitePath: env.SESSION_DB_PATH,
        cipher: tokenCipher(secret),
        secretConfigured: env.SESSION_SECRET !== undefined,
        limits: sessionLimits(),
      }),
      limits: sessionLimits(),
      ...recheckOf(cloudConfig()),
    });
  }
  return globals[GLOBAL_KEY];
}

/** AK/SK mode: the user's token is re-checked with IAM (see SessionRecheck). */
function recheckOf(config: ReturnType<typeof cloudConfig>) {
  if (!config.aksk) return {};
  return {
    recheck: {
      everyMs: config.recheckMs,
      isValid: (token: string) => tokenIsValid(token, AbortSignal.timeout(config.timeoutMs)),
    },
  };
}

export function cookieScopeFor(req: { url: string; headers: Headers }): CookieScope {
  const env = serverEnv();
  return { secure: isHttps(req, env.TRUST_PROXY), basePath: env.NEXT_PUBLIC_BASE_PATH };
}

export function sessionInfoOf(record: Parameters<typeof toSessionInfo>[0]): SessionInfo {
  return toSessionInfo(record, sessionLimits(), isSimulatorMode());
}

export type SessionState =
  | { status: "active"; session: SessionInfo }
  | { status: "expired" }
  | { status: "none" };

type PageLookup = Awaited<ReturnType<SessionService["resume"]>>;

/**
 * The session record of the page being rendered (server components and layouts), token included:
 * server-only code may call the cloud with it. A page view is user activity; Next's prefetches
 * are not.
 */
export const getPageSessionRecord = cache(async (): Promise<PageLookup> => {
  const [h, jar] = await Promise.all([headers(), cookies()]);
  const proto = h.get("x-forwarded-proto")?.split(",")[0]?.trim() || "http";
  const scope = cookieScopeFor({ url: `${proto}://${h.get("host") ?? "localhost"}/`, headers: h });
  const id = jar.get(sessionCookieName(scope))?.value;
  const prefetch = h.get("next-router-prefetch") === "1" || h.get("purpose") === "prefetch";
  return sessions().resume(id, { activity: !prefetch });
});

/** The session of the page being rendered, as the browser may see it. */
export const getSessionState = cache(async (): Promise<SessionState> => {
  const lookup = await getPageSessionRecord();
  if (lookup.status !== "active") return { status: lookup.status };
  return { status: "active", session: sessionInfoOf(lookup.record) };
});

/** The signed-in administrator, or null. Never includes the token. */
export const getSession = cache(async (): Promise<SessionInfo | null> => {
  const state = await getSessionState();
  return state.status === "active" ? state.session : null;
});

/** The login page URL for the page being rendered (from the header proxy.ts sets). */
export async function loginRedirectTarget(reason?: "expired"): Promise<string> {
  const h = await headers();
  const params = new URLSearchParams({ next: h.get(PATH_HEADER) || "/" });
  if (reason) params.set("reason", reason);
  return `/login?${params.toString()}`;
}

/**
 * For layouts and pages that need a session: sends the browser to the login page otherwise,
 * remembering the page and saying why.
 */
export async function requireSession(): Promise<SessionInfo> {
  const state = await getSessionState();
  if (state.status === "active") return state.session;
  redirect(await loginRedirectTarget(state.status === "expired" ? "expired" : undefined));
}

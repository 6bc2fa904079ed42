import "server-only";
import type { LoginThrottle } from "@/lib/auth/login-throttle";
import { loginThrottleFor } from "@/lib/auth/redis-stores";
import { serverEnv } from "./env";
import { SOCKET_ADDRESS_HEADER } from "./socket-address";

const GLOBAL_KEY = Symbol.for("cbc.loginThrottle");
type Globals = typeof globalThis & { [GLOBAL_KEY]?: LoginThrottle };

/** One throttle per process (see lib/auth/session.ts on why globalThis). */
export function loginThrottle(): LoginThrottle {
  const globals = globalThis as Globals;
  // In memory, or in Redis when REDIS_URL is set (shared by several instances).
  globals[GLOBAL_KEY] ??= loginThrottleFor(serverEnv().SESSION_DB_PATH, {
    freeAttempts: serverEnv().LOGIN_FREE_ATTEMPTS,
  });
  return globals[GLOBAL_KEY];
}

/**
 * The client's address for throttling and the audit trail. Behind a trusted proxy
 * (TRUST_PROXY=1), the last X-Forwarded-For hop is the one that proxy added. Otherwise the
 * socket's address (lib/server/socket-address.ts), never a header the client could set.
 */
export function clientAddress(req: Request): string {
  if (serverEnv().TRUST_PROXY) {
    const hops = (req.headers.get("x-forwarded-for") ?? "")
      .split(",")
      .map((hop) => hop.trim())
      .filter(Boolean);
    const last = hops.at(-1);
    if (last) return last;
  }
  return req.headers.get(SOCKET_ADDRESS_HEADER)?.trim() || "unknown";
}

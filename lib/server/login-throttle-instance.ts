import "server-only";
import type { LoginThrottle } from "@/lib/auth/login-throttle";
import { loginThrottleFor } from "@/lib/auth/redis-stores";
import { serverEnv } from "./env";

const GLOBAL_KEY = Symbol.for("cbc.loginThrottle");
type Globals = typeof globalThis & { [GLOBAL_KEY]?: LoginThrottle };

/** One throttle per process (see lib/auth/session.ts on why globalThis). */
export function loginThrottle(): LoginThrottle {
  const globals = globalThis as Globals;
  // In memory, or in Redis when REDIS_URL is set (shared by several instances).
  globals[GLOBAL_KEY] ??= loginThrottleFor({ freeAttempts: serverEnv().LOGIN_FREE_ATTEMPTS });
  return globals[GLOBAL_KEY];
}

/**
 * The client's address for throttling. Behind a trusted proxy, the last X-Forwarded-For hop is the
 * one that proxy added; otherwise Next fills the header from the socket unless the client sent one,
 * so it is only a hint (the per-user bucket still bounds what a forged address can gain).
 */
export function clientAddress(req: Request): string {
  const hops = (req.headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  const hop = serverEnv().TRUST_PROXY ? hops.at(-1) : hops[0];
  return hop ?? "unknown";
}

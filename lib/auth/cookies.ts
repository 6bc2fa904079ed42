/**
 * The session cookie: HttpOnly, SameSite=Lax, scoped to the base path. Under HTTPS it is Secure
 * and `__Host-` prefixed; `__Host-` demands Path=/, so under a base path it falls back to the
 * `__Secure-` prefix, which allows a narrower path.
 */
export type CookieScope = { secure: boolean; basePath: string };

export const SESSION_COOKIE_NAMES = [
  "__Host-cbc_session",
  "__Secure-cbc_session",
  "cbc_session",
] as const;

export function sessionCookieName(scope: CookieScope): (typeof SESSION_COOKIE_NAMES)[number] {
  if (!scope.secure) return "cbc_session";
  return scope.basePath ? "__Secure-cbc_session" : "__Host-cbc_session";
}

export function sessionCookiePath(scope: CookieScope): string {
  return scope.basePath || "/";
}

/** A `Set-Cookie` value. `maxAgeS` 0 deletes the cookie. */
export function sessionCookie(scope: CookieScope, value: string, maxAgeS: number): string {
  const parts = [
    `${sessionCookieName(scope)}=${value}`,
    `Path=${sessionCookiePath(scope)}`,
    `Max-Age=${Math.max(0, Math.floor(maxAgeS))}`,
    "HttpOnly",
    "SameSite=Lax",
  ];
  if (scope.secure) parts.push("Secure");
  return parts.join("; ");
}

export function clearedSessionCookie(scope: CookieScope): string {
  return sessionCookie(scope, "", 0);
}

type HeaderSource = { url: string; headers: Headers };

/**
 * Whether the browser reached us over HTTPS. `X-Forwarded-Proto` is believed only when a trusted
 * reverse proxy sets it (TRUST_PROXY=1); otherwise anyone could claim it.
 */
export function isHttps(req: HeaderSource, trustProxy: boolean): boolean {
  if (trustProxy) {
    const forwarded = req.headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
    if (forwarded) return forwarded === "https";
  }
  return new URL(req.url).protocol === "https:";
}

/** Reads the session id from a Cookie header, by the name this request's scheme calls for. */
export function readSessionId(req: HeaderSource, scope: CookieScope): string | undefined {
  const name = sessionCookieName(scope);
  for (const pair of (req.headers.get("cookie") ?? "").split(";")) {
    const index = pair.indexOf("=");
    if (index < 0) continue;
    if (pair.slice(0, index).trim() === name) return pair.slice(index + 1).trim() || undefined;
  }
  return undefined;
}

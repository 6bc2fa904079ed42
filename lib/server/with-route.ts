import "server-only";
import type { NextRequest } from "next/server";
import type { z } from "zod";
import { clearedSessionCookie, readSessionId } from "@/lib/auth/cookies";
import { isSafeMethod, isSameOriginRequest } from "@/lib/auth/origin";
import { setSharedSecurityHeaders } from "@/lib/auth/security-headers";
import { cookieScopeFor, sessionInfoOf, sessions } from "@/lib/auth/session";
import type { SessionRecord } from "@/lib/auth/session-store";
import type { CloudContext } from "@/lib/cloud/context";
import { CloudError } from "@/lib/cloud/errors";
import { type Locale, negotiateLocale } from "@/lib/i18n/locales";
import { compiled } from "@/lib/schemas/compiled";
import type { SessionInfo } from "@/lib/schemas/session";
import { audit, auditChange } from "./audit";
import { cloudContextFor, forgetLookups } from "./cloud-context";
import { serverEnv } from "./env";
import { routeErrorMessage } from "./error-messages";
import { errorResponse, RouteError } from "./errors";
import { isJsonContentType, readBodyText } from "./read-body";

type Schema = z.ZodType;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export type ActiveSession = {
  id: string;
  key: string;
  record: SessionRecord;
  info: SessionInfo;
};

export type RouteOptions<
  A extends "session" | "none",
  P extends Schema | undefined,
  Q extends Schema | undefined,
  B extends Schema | undefined,
> = {
  /** "session" (default): 401 without a live session. "none": sign-in and sign-out only. */
  auth?: A;
  params?: P;
  query?: Q;
  body?: B;
  /** Changes the cloud: read-only users get 403. Defaults to true for every non-GET method. */
  write?: boolean;
  /** Set to false for requests that must not count as user activity (the session probe). */
  activity?: boolean;
};

export type RouteArgs<A, P, Q, B> = {
  req: NextRequest;
  session: A extends "none" ? null : ActiveSession;
  cloud: A extends "none" ? null : CloudContext;
  params: Out<P>;
  query: Out<Q>;
  body: Out<B>;
  locale: Locale;
};

type NextRouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

/**
 * The one wrapper of every route handler under app/api: same-origin check on changes, JSON only,
 * a body size limit, the session (idle and absolute timeouts, background requests not counting),
 * read-only users, zod validation of params, query and body, and every failure turned into the
 * error envelope `{ error: { code, message, field? } }` with `Cache-Control: no-store`.
 */
export function withRoute<
  A extends "session" | "none" = "session",
  P extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  B extends Schema | undefined = undefined,
>(
  options: RouteOptions<A, P, Q, B>,
  handler: (args: RouteArgs<A, P, Q, B>) => Promise<Response | unknown>,
) {
  return async (req: NextRequest, context?: NextRouteContext): Promise<Response> => {
    const locale = negotiateLocale(
      req.cookies.get("locale")?.value,
      req.headers.get("accept-language"),
    );
    let session: ActiveSession | null = null;
    // For the audit trail of changes: what was parsed, and whether the handler had started.
    const seen: { params?: unknown; body?: unknown; inHandler: boolean } = { inHandler: false };
    try {
      const env = serverEnv();
      if (
        !isSameOriginRequest(req, {
          allowedOrigins: env.CONSOLE_ALLOWED_ORIGINS,
          trustProxy: env.TRUST_PROXY,
        })
      ) {
        throw RouteError.of("CSRF");
      }
      const expectsBody = options.body !== undefined;
      if (!isSafeMethod(req.method) && (expectsBody || hasBody(req))) {
        if (!isJsonContentType(req.headers.get("content-type"))) {
          throw RouteError.of("UNSUPPORTED_MEDIA_TYPE");
        }
      }

      if (options.auth !== "none") {
        session = await resumeSession(req, options.activity !== false);
        const write = options.write ?? !isSafeMethod(req.method);
        if (write && session.record.readOnly) throw RouteError.of("READ_ONLY");
      }

      const rawParams = context ? await context.params : {};
      seen.params = rawParams;
      const params = parse("params", options.params, rawParams);
      const query = parse("query", options.query, queryObject(req.nextUrl.searchParams));
      let body: unknown;
      if (expectsBody) {
        const text = await readBodyText(req, env.BODY_LIMIT_BYTES);
        body = parse("body", options.body, parseJson(text));
        seen.body = body;
      } else if (!isSafeMethod(req.method)) {
        // Still drain (and bound) an unexpected body rather than leave it unread.
        await readBodyText(req, env.BODY_LIMIT_BYTES);
      }

      seen.inHandler = true;
      const result = await handler({
        req,
        session: session as RouteArgs<A, P, Q, B>["session"],
        cloud: (session ? cloudContextFor(session, req) : null) as RouteArgs<A, P, Q, B>["cloud"],
        params: params as Out<P>,
        query: query as Out<Q>,
        body: body as Out<B>,
        locale,
      });
      const response = isResponse(result) ? result : Response.json(result);
      setApiSecurityHeaders(response, req);
      if (session && !isSafeMethod(req.method)) {
        // What the session remembered (policy and vault names) may predate this change.
        forgetLookups(session.key);
        auditChange({
          ...changeOf(req, session, seen),
          outcome: { kind: "answered", status: response.status, payload: await jsonOf(response) },
        });
      }
      return response;
    } catch (error) {
      const response = await toErrorResponse(error, req, session, locale);
      setApiSecurityHeaders(response, req);
      if (session && !isSafeMethod(req.method)) {
        // A failed change may still have changed something upstream (a timeout, a 5xx).
        forgetLookups(session.key);
        auditChange({
          ...changeOf(req, session, seen),
          outcome: {
            kind: "error",
            stage: seen.inHandler ? "handler" : "checks",
            status: response.status,
            code: await errorCodeOf(response),
          },
        });
      }
      return response;
    }
  };
}

/**
 * The security headers of every API answer, set here and not in proxy.ts, which leaves /api alone
 * (a nonce, a page CSP and rewritten request headers on every call were a measurable share of an
 * API request's CPU). JSON is never rendered: the strictest CSP fits. Answers hold account data:
 * never from a cache.
 */
function setApiSecurityHeaders(response: Response, req: NextRequest) {
  const h = response.headers;
  h.set("Cache-Control", "no-store");
  h.set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
  setSharedSecurityHeaders(h, cookieScopeFor(req).secure);
}

function changeOf(
  req: NextRequest,
  session: ActiveSession,
  seen: { params?: unknown; body?: unknown },
) {
  const base = serverEnv().NEXT_PUBLIC_BASE_PATH;
  let path = req.nextUrl.pathname;
  if (base && path.startsWith(base)) path = path.slice(base.length);
  return {
    method: req.method,
    apiPath: path.replace(/^\/api(?=\/)/, ""),
    who: {
      account: session.record.domain.name,
      user: session.record.user.name,
      project: session.record.project.name,
    },
    params: seen.params,
    body: seen.body,
  };
}

/** A JSON answer's body, read from a clone (the original still goes to the client). */
async function jsonOf(response: Response): Promise<unknown> {
  if (!response.headers.get("content-type")?.includes("json")) return undefined;
  return response
    .clone()
    .json()
    .catch(() => undefined);
}

async function errorCodeOf(response: Response): Promise<string> {
  const body = (await jsonOf(response)) as { error?: { code?: unknown } } | undefined;
  return typeof body?.error?.code === "string" ? body.error.code : String(response.status);
}

async function resumeSession(req: NextRequest, activity: boolean): Promise<ActiveSession> {
  const scope = cookieScopeFor(req);
  const background = req.headers.get("x-background") === "1";
  const lookup = await sessions().resume(readSessionId(req, scope), {
    activity: activity && !background,
  });
  if (lookup.status === "expired") {
    throw RouteError.of("SESSION_EXPIRED", {
      headers: { "Set-Cookie": clearedSessionCookie(scope) },
    });
  }
  if (lookup.status === "none") throw RouteError.of("NO_SESSION");
  return {
    id: lookup.id,
    key: lookup.key,
    record: lookup.record,
    info: sessionInfoOf(lookup.record),
  };
}

/**
 * Duck-typed: a second `Response` class may be around (@hono/node-server replaces the global one
 * in processes that also run the simulator, e.g. tests), and NextResponse extends the first.
 */
function isResponse(value: unknown): value is Response {
  if (value instanceof Response) return true;
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as Response).status === "number" &&
    (value as Response).headers instanceof Headers &&
    typeof (value as Response).arrayBuffer === "function"
  );
}

function hasBody(req: Request): boolean {
  const length = req.headers.get("content-length");
  return (length !== null && length !== "0") || req.headers.has("transfer-encoding");
}

function parseJson(text: string): unknown {
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw RouteError.of("INVALID_JSON");
  }
}

/** Repeated keys become arrays, so that a schema expecting one value refuses `?a=1&a=2`. */
function queryObject(search: URLSearchParams): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  for (const key of new Set(search.keys())) {
    const values = search.getAll(key);
    result[key] = values.length === 1 ? (values[0] as string) : values;
  }
  return result;
}

function parse(where: "params" | "query" | "body", schema: Schema | undefined, value: unknown) {
  if (!schema) return value;
  const parsed = compiled(schema).safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = issue?.path.map(String).join(".");
  throw RouteError.of("VALIDATION", {
    // Body fields are named as the form names them; params and query say where they are.
    field: path ? (where === "body" ? path : `${where}.${path}`) : where,
    message: issue?.message ?? "Invalid input.",
  });
}

async function toErrorResponse(
  error: unknown,
  req: NextRequest,
  session: ActiveSession | null,
  locale: Locale,
): Promise<Response> {
  if (error instanceof RouteError) {
    return errorResponse(
      error.status,
      {
        code: error.code,
        message: error.message || routeErrorMessage(error.code, locale),
        field: error.field,
      },
      error.headers,
    );
  }
  if (error instanceof CloudError) {
    if (error.status === 401 && session) {
      // The cloud no longer accepts the token (revoked, password changed): the session is over.
      await sessions()
        .end({ key: session.key })
        .catch(() => {});
      forgetLookups(session.key);
      audit("session ended by the cloud", {
        account: session.record.domain.name,
        user: session.record.user.name,
        service: error.service,
      });
      return errorResponse(
        401,
        { code: "SESSION_EXPIRED", message: routeErrorMessage("SESSION_EXPIRED", locale) },
        { "Set-Cookie": clearedSessionCookie(cookieScopeFor(req)) },
      );
    }
    const mapped = RouteError.fromCloud(error, locale);
    if (mapped.status >= 500) logUpstreamError(req, error, mapped.status);
    return errorResponse(mapped.status, mapped);
  }
  logBug(req, error);
  return errorResponse(500, { code: "INTERNAL", message: routeErrorMessage("INTERNAL", locale) });
}

/**
 * One line per upstream failure: the cloud's code and status say what happened, and a stack would
 * only show our own client code (under a cloud outage, thousands of identical stacks). A request
 * the browser cancelled is not a failure at all. Never headers, cookies or bodies (secrets).
 */
function logUpstreamError(req: NextRequest, error: CloudError, answered: number) {
  if (error.code === "ABORTED") return;
  const upstream =
    error.code === "TIMEOUT"
      ? "no answer in time"
      : error.status === 0
        ? "no answer"
        : `HTTP ${error.status}`;
  console.error(
    `[api] ${req.method} ${req.nextUrl.pathname}: ${error.service} ${error.code} (${upstream}), answered ${answered}`,
  );
}

/** Our own bugs keep their stack: method, path and the error only, as above. */
function logBug(req: NextRequest, error: unknown) {
  const detail =
    error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ""}` : error;
  console.error(`[api] ${req.method} ${req.nextUrl.pathname} failed:`, detail);
}

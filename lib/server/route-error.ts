import "server-only";

/** The console API's own error codes and their HTTP statuses (cloud codes are mapped separately). */
export const ROUTE_ERROR_STATUS = {
  VALIDATION: 400,
  INVALID_JSON: 400,
  NO_SESSION: 401,
  SESSION_EXPIRED: 401,
  INVALID_CREDENTIALS: 401,
  CSRF: 403,
  READ_ONLY: 403,
  ACCOUNT_NOT_ALLOWED: 403,
  NOT_FOUND: 404,
  UNKNOWN_PROJECT: 404,
  METHOD_NOT_ALLOWED: 405,
  BODY_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  TOO_MANY_ATTEMPTS: 429,
  INTERNAL: 500,
  IAM_UNREACHABLE: 502,
  UPSTREAM_ERROR: 502,
  UPSTREAM_TIMEOUT: 504,
} as const;

export type RouteErrorCode = keyof typeof ROUTE_ERROR_STATUS;

/** Thrown by handlers (or the wrapper) to answer with the error envelope. */
export class RouteError extends Error {
  override readonly name = "RouteError";
  readonly code: string;
  readonly status: number;
  readonly field: string | undefined;
  readonly headers: Record<string, string>;

  constructor(init: {
    code: RouteErrorCode | (string & {});
    message?: string;
    status?: number;
    field?: string;
    headers?: Record<string, string>;
  }) {
    super(init.message ?? "");
    this.code = init.code;
    this.status = init.status ?? ROUTE_ERROR_STATUS[init.code as RouteErrorCode] ?? 500;
    this.field = init.field;
    this.headers = init.headers ?? {};
  }
}

/** Every API response carries this: nothing the console answers may sit in a cache. */
export const NO_STORE = { "Cache-Control": "no-store" } as const;

export function errorResponse(
  status: number,
  error: { code: string; message: string; field?: string | undefined },
  headers: HeadersInit = {},
): Response {
  const body = {
    error: {
      code: error.code,
      message: error.message,
      ...(error.field ? { field: error.field } : {}),
    },
  };
  const response = Response.json(body, { status, headers });
  response.headers.set("Cache-Control", "no-store");
  return response;
}

import "server-only";
import { CloudError } from "@/lib/cloud/errors";
import { cloudErrorMessage } from "@/lib/i18n/cloud-errors";
import type { Locale } from "@/lib/i18n/locales";
import type { RestoreViolationCode } from "@/lib/restore";
import type { BackupRefusalCode } from "@/lib/schemas/restore";
import { routeErrorMessage } from "./error-messages";

/**
 * The server's one error model. Every failure a route answers is a RouteError: one of the console's
 * own codes with its status from this closed table, a cloud refusal passed on with its cloud code
 * (`RouteError.fromCloud`), or a refusal by one of the restore rules (`RouteError.rule`). The
 * envelope is `{ error: { code, message, field? } }` (lib/api/errors.ts reads it in the browser).
 */
export const ERROR_STATUS = {
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
  RESTORE_RUNNING: 409,
  BODY_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  IDEMPOTENCY_MISMATCH: 422,
  TOO_MANY_ATTEMPTS: 429,
  INTERNAL: 500,
  IAM_UNREACHABLE: 502,
  UPSTREAM_ERROR: 502,
  UPSTREAM_TIMEOUT: 504,
} as const;

export type ConsoleErrorCode = keyof typeof ERROR_STATUS;

/** A restore rule's code, or one of the refusals the wizard's backup check gives. */
export type RuleCode = RestoreViolationCode | BackupRefusalCode;

type Details = {
  /** Plain words; by default the catalog's words for the code. */
  message?: string;
  /** The input at fault, as a dotted path the form knows (e.g. "name", "mappings.<id>"). */
  field?: string;
  headers?: Record<string, string>;
};

export class RouteError extends Error {
  override readonly name = "RouteError";
  readonly field: string | undefined;
  readonly headers: Record<string, string>;

  private constructor(
    readonly code: string,
    readonly status: number,
    details: Details,
  ) {
    super(details.message ?? "");
    this.field = details.field;
    this.headers = details.headers ?? {};
  }

  /** One of the console's own codes, answered with the status the table gives it. */
  static of(code: ConsoleErrorCode, details: Details = {}): RouteError {
    return new RouteError(code, ERROR_STATUS[code], details);
  }

  /**
   * A cloud failure with its status class and cloud code, in the catalog's plain words. For the
   * clouds' "this parameter is wrong" codes the rule the cloud names is added (see ruleTextOf);
   * `addendum` is what the console itself found out about the refusal, in the user's language.
   */
  static fromCloud(
    error: CloudError,
    locale: Locale,
    { addendum, ...details }: Omit<Details, "message"> & { addendum?: string } = {},
  ): RouteError {
    const mapped = mapCloudError(error, locale);
    const message = [mapped.message, ruleTextOf(error), addendum].filter(Boolean).join(" ");
    return new RouteError(mapped.code, mapped.status, { ...details, message });
  }

  /** A rule refused the input (400: the input breaks it) or the thing's state (409). */
  static rule(code: RuleCode, status: 400 | 409, details: Details = {}): RouteError {
    return new RouteError(code, status, details);
  }
}

/**
 * Cloud failures keep their status class and their cloud code (the UI may react to "CSBS.6018"),
 * with the catalog's plain words rather than the upstream text, which may expose internals.
 */
export function mapCloudError(
  error: CloudError,
  locale: Locale,
): { status: number; code: string; message: string } {
  const known = cloudErrorMessage(error.code, locale);
  if (error.code === "TIMEOUT" || error.status === 504) {
    return {
      status: 504,
      code: "UPSTREAM_TIMEOUT",
      message: routeErrorMessage("UPSTREAM_TIMEOUT", locale),
    };
  }
  if (error.code === "INVALID_PATH") {
    return { status: 400, code: "VALIDATION", message: routeErrorMessage("VALIDATION", locale) };
  }
  // The project's catalog lacks the service (a region without CSBS): the request cannot be made
  // here at all, which is a conflict with the project, not an upstream failure.
  if (error.code === "NO_ENDPOINT") {
    return {
      status: 409,
      code: error.code,
      message: known ?? routeErrorMessage("UPSTREAM_REFUSED", locale),
    };
  }
  if (error.status >= 400 && error.status < 500) {
    return {
      status: error.status,
      code: error.code,
      message: known ?? `${routeErrorMessage("UPSTREAM_REFUSED", locale)} (${error.code})`,
    };
  }
  return {
    status: 502,
    code: error.status === 0 || error.code === "BAD_RESPONSE" ? "UPSTREAM_ERROR" : error.code,
    message: known ?? routeErrorMessage("UPSTREAM_ERROR", locale),
  };
}

/** The clouds' codes for "a parameter of the request is wrong", whose text names the rule broken. */
const PARAMETER_CODES: ReadonlySet<string> = new Set(["CSBS.9001", "BackupService.9900"]);
const RULE_TEXT_MAX = 200;

/**
 * The rule a parameter refusal names ("Invalid name: at most 64 characters"), which the user needs
 * to correct the form and the catalog cannot know. Only for those codes, only a 4xx, and only as
 * one printable line of bounded length: any other upstream text may expose internals, and none is
 * passed on.
 */
function ruleTextOf(error: CloudError): string | undefined {
  if (!PARAMETER_CODES.has(error.code) || error.status < 400 || error.status >= 500) return;
  const line = error.message
    .replace(/[^\P{C}]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (!line) return;
  return line.length > RULE_TEXT_MAX ? `${line.slice(0, RULE_TEXT_MAX - 1)}…` : line;
}

/**
 * Runs a cloud change and answers a refusal that `fieldOf` places (a taken name, a refused
 * pattern) at that field of the form, so that the form shows it beside the input. Anything else
 * (a 401, an outage, a refusal no field explains) goes on as it came.
 */
export async function refusalsAtField<T>(
  locale: Locale,
  fieldOf: (error: CloudError) => string | undefined,
  call: () => Promise<T>,
): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (!(error instanceof CloudError) || error.status === 401) throw error;
    const field = fieldOf(error);
    if (!field) throw error;
    throw RouteError.fromCloud(error, locale, { field });
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

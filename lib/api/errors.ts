import { z } from "zod";

/** The one error envelope every console API route answers with. */
export const errorEnvelopeSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    field: z.string().optional(),
  }),
});
export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;

/** Codes after which the browser must sign in again. */
export const SESSION_END_CODES: readonly string[] = ["NO_SESSION", "SESSION_EXPIRED"];

/**
 * A failed call to the console's own API. `status` is 0 when the request never got an answer
 * (offline, DNS, aborted); `field` names the input at fault as a dotted path (e.g. "project").
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;

  constructor(init: { status: number; code: string; message: string; field?: string }) {
    super(init.message);
    this.name = "ApiError";
    this.status = init.status;
    this.code = init.code;
    this.field = init.field;
  }

  /** True for 4xx answers: the same request would fail again, so it is not worth retrying. */
  get isClientError(): boolean {
    return this.status >= 400 && this.status < 500;
  }

  get endsSession(): boolean {
    return this.status === 401 && SESSION_END_CODES.includes(this.code);
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

/** Builds an ApiError from any response body, keeping the envelope when there is one. */
export function apiErrorFromBody(status: number, body: unknown): ApiError {
  const parsed = errorEnvelopeSchema.safeParse(body);
  if (parsed.success) {
    return new ApiError({ status, ...parsed.data.error });
  }
  return new ApiError({
    status,
    code: status >= 500 ? "SERVER_ERROR" : `HTTP_${status}`,
    message: `The console answered with status ${status}.`,
  });
}

/**
 * The words to show for any failure: the console's own message (already in the user's language),
 * or `fallback` for what is not an answer of the console (a bug, a parse failure).
 */
export function errorMessage(error: unknown, fallback: string): string {
  return isApiError(error) && error.message ? error.message : fallback;
}

/**
 * The field of a form that a refusal names, if the form has it. The API names body fields as
 * dotted paths (`tags.0.key`, `resources.2`): a path within a field counts as that field, and
 * `aliases` maps body names the form calls otherwise (`resources` → `servers`).
 */
export function formFieldOf<F extends string>(
  error: unknown,
  fields: readonly F[],
  aliases: Readonly<Record<string, F>> = {},
): F | undefined {
  if (!isApiError(error) || !error.field) return undefined;
  const named = error.field;
  const within = (name: string) => named === name || named.startsWith(`${name}.`);
  return fields.find(within) ?? Object.entries(aliases).find(([from]) => within(from))?.[1];
}

type FieldErrorTarget<F extends string> = {
  setError(name: F, error: { message: string }, options?: { shouldFocus?: boolean }): void;
};

/**
 * Shows a refusal beside the field it names, keeping everything typed, and gives that field.
 * Undefined when it names none of the form's fields: the caller shows it above the form instead.
 */
export function showFieldError<F extends string>(
  form: FieldErrorTarget<F>,
  error: unknown,
  fields: readonly F[],
  options: { aliases?: Readonly<Record<string, F>>; focus?: (field: F) => boolean } = {},
): F | undefined {
  const field = formFieldOf(error, fields, options.aliases);
  if (!field || !isApiError(error)) return undefined;
  form.setError(field, { message: error.message }, { shouldFocus: options.focus?.(field) ?? true });
  return field;
}

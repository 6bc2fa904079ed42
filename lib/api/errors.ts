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

export type CloudService = "iam" | "csbs" | "cbr" | "ecs" | "evs";

/**
 * The one error type of every upstream call. `code` is the cloud's own error code when the body
 * carries one ("CSBS.6018", "BackupService.6302", "IAM.0001"), else one of ours:
 * NETWORK, TIMEOUT, ABORTED, BAD_RESPONSE, INVALID_PATH, NO_ENDPOINT, HTTP_<status>.
 */
export class CloudError extends Error {
  override readonly name = "CloudError";
  /** Upstream HTTP status; 0 for a network error or a refused path, 504 for a timeout. */
  readonly status: number;
  readonly code: string;
  readonly service: CloudService;

  constructor(init: {
    status: number;
    code: string;
    message: string;
    service: CloudService;
    cause?: unknown;
  }) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.status = init.status;
    this.code = init.code;
    this.service = init.service;
  }
}

export function isCloudError(value: unknown): value is CloudError {
  return value instanceof CloudError;
}

/** True when the upstream says the credentials are no longer valid (the session must end). */
export function isUnauthorized(error: unknown): boolean {
  return isCloudError(error) && error.status === 401;
}

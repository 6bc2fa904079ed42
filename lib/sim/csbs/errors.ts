import type { Context } from "hono";

/** A refused request: what every CSBS rule returns instead of throwing. */
export type CsbsFailure = { status: number; code: string; message: string };

/**
 * The CSBS error codes a request can provoke (reference §6.2: status, code, message template).
 * `%s` are filled in order. Where the reference's status looks odd (500 for a client mistake such
 * as CSBS.6023) it is kept: the console must cope with what the cloud answers.
 */
const TABLE = {
  "CSBS.0001": [400, "Service over limit"],
  "CSBS.1001": [500, "The policy is executing backup."],
  "CSBS.2003": [400, "item in executing"],
  "CSBS.3000": [404, "plan not found"],
  "CSBS.3001": [404, "Checkpoint_item (%s) is not found."],
  "CSBS.4000": [400, "checkpoint item not available"],
  "CSBS.6000": [400, "server do not exist"],
  "CSBS.6003": [400, "Resource (%s) type (%s) is not support protection."],
  "CSBS.6004": [400, "Server (%s) is already in service."],
  "CSBS.6005": [400, "Server (%s) is already in service."],
  "CSBS.6006": [400, "Server (%s) status (%s) is not allowed to protect."],
  "CSBS.6007": [400, "No volume attached to the server (%s) for protect."],
  "CSBS.6010": [400, "Volume (%s) attached to server (%s) is shareable volume."],
  "CSBS.6013": [400, "Resource (%s) type (%s) is not support restoration."],
  "CSBS.6014": [400, "Volume(s) (%s) not found in target server."],
  "CSBS.6015": [400, "The server is restoring."],
  "CSBS.6016": [400, "can not restore server type is not allow"],
  "CSBS.6017": [400, "Can not find backup(s) (%s) in checkpoint item (%s)."],
  "CSBS.6018": [400, "Not assign backup(s) (%s) to volume(s), partial restore is not supported."],
  "CSBS.6020": [400, "No volume attached to the server (%s) for restore."],
  "CSBS.6021": [400, "Volume (%s) attached to server (%s) is shareable volume."],
  "CSBS.6023": [500, "Can not restore data volume to system volume. server id is (%s)."],
  "CSBS.6024": [400, "Target volume (%s) size (%s) small than volume backup (%s) size (%s)."],
  "CSBS.6025": [
    400,
    "The AZ of local checkpoint item (%s) is not support to restore the resource (%s).",
  ],
  "CSBS.6030": [500, "auto plan executing"],
  "CSBS.6032": [500, "plan has no resource backup"],
  "CSBS.9001": [400, "%s"],
  "CSBS.9006": [400, "Quota exceeded for resources: %s"],
  "CSBS.9007": [400, "duplicate service name"],
} as const satisfies Record<string, readonly [number, string]>;

export type CsbsErrorCode = keyof typeof TABLE;

export function failure(code: CsbsErrorCode, ...args: (string | number)[]): CsbsFailure {
  const [status, template] = TABLE[code];
  let i = 0;
  const message = template.replace(/%s/g, () => String(args[i++] ?? ""));
  return { status, code, message };
}

/** Parameter validation failed: CSBS answers CSBS.9001 with a message naming the field. */
export function invalid(message: string): CsbsFailure {
  return failure("CSBS.9001", message);
}

/** The status a given code comes with, for violations produced outside this table (lib/restore). */
export function statusOf(code: string): number {
  return code in TABLE ? TABLE[code as CsbsErrorCode][0] : 400;
}

export function isFailure(value: unknown): value is CsbsFailure {
  return (
    typeof value === "object" &&
    value !== null &&
    "code" in value &&
    "status" in value &&
    "message" in value
  );
}

/** The CSBS error body (`error_code`/`error_msg`, reference §3.3 and §6.2). */
export function respond(c: Context, f: CsbsFailure): Response {
  return c.json({ error_code: f.code, error_msg: f.message }, f.status as 400);
}

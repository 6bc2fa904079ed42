import "server-only";
import { isSafeMethod } from "@/lib/auth/origin";
import type { SessionRecord } from "@/lib/auth/session-store";
import type { CloudContext } from "@/lib/cloud/context";

/**
 * The cloud calls of one request, on behalf of the session. Reads follow the browser: when it goes
 * away they stop. Changes do not: an aborted restore may already have been accepted upstream, so
 * it is allowed to finish (only the client timeout of lib/cloud bounds it).
 */
export function cloudContextFor(record: SessionRecord, req: Request): CloudContext {
  return {
    token: record.token,
    projectId: record.project.id,
    endpoints: record.endpoints,
    ...(isSafeMethod(req.method) ? { signal: req.signal } : {}),
  };
}

import "server-only";
import { serverEnv } from "@/lib/server/env";
import { restoreRequests } from "@/lib/server/idempotency";
import type { ActiveSession } from "@/lib/server/with-route";

/** The store of restore keys: a table in the session database. */
export function restoreStore() {
  return restoreRequests(serverEnv().SESSION_DB_PATH);
}

/** A key belongs to a user in a project: the same key elsewhere is another request. */
export function ownerOf(session: ActiveSession): string {
  return `${session.record.user.id}@${session.record.project.id}`;
}

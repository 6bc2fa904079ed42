import "server-only";
import { isSafeMethod } from "@/lib/auth/origin";
import type { SessionRecord } from "@/lib/auth/session-store";
import type { CloudContext } from "@/lib/cloud/context";

/**
 * The cloud calls of one request, on behalf of the session. Reads follow the browser: when it goes
 * away they stop. Changes do not: an aborted restore may already have been accepted upstream, so
 * it is allowed to finish (only the client timeout of lib/cloud bounds it).
 */
export function cloudContextFor(
  session: { key: string; record: SessionRecord },
  req: Request,
): CloudContext {
  return {
    ...sessionCloud(session),
    ...(isSafeMethod(req.method) ? { signal: req.signal } : {}),
  };
}

/** The session's cloud context without a request (server components). */
export function sessionCloud(session: { key: string; record: SessionRecord }): CloudContext {
  const { record } = session;
  return {
    token: record.token,
    projectId: record.project.id,
    endpoints: record.endpoints,
    lookupScope: `${session.key}|${record.project.id}`,
  };
}

/*
 * Reference lists that a page polled every few seconds asks for each time (the policies that name
 * CSBS backups, the vaults that name CBR ones) are remembered for a few seconds per session and
 * project. The session's own changes forget them at once (withRoute calls forgetLookups after every
 * change), so users see what they just did; someone else's change shows within LOOKUP_TTL_MS.
 * Failures are never remembered. Bounded: expired entries go first, then the oldest.
 */
export const LOOKUP_TTL_MS = 10_000;
const LOOKUP_MAX = 2_000;

type Lookup = { at: number; value: Promise<unknown> };
// An entry is stored when its load starts, so a forget also drops a load still running: requests
// that start after a change never join a load that may predate it. On globalThis: Next may load
// this module once per bundle (route handlers, server components), and a change made through one
// must be forgotten by all.
const GLOBAL_KEY = Symbol.for("cbc.cloudLookups");
type Globals = typeof globalThis & { [GLOBAL_KEY]?: Map<string, Lookup> };
const globals = globalThis as Globals;
if (!globals[GLOBAL_KEY]) globals[GLOBAL_KEY] = new Map();
const lookups: Map<string, Lookup> = globals[GLOBAL_KEY];

/**
 * `load` gets the context to call with: without the request's signal when the answer is shared, so
 * that one browser going away does not fail the others waiting for the same list.
 */
export function rememberLookup<T>(
  cloud: CloudContext,
  name: string,
  load: (cloud: CloudContext) => Promise<T>,
  now: () => number = Date.now,
): Promise<T> {
  const scope = cloud.lookupScope;
  if (!scope) return load(cloud);
  const key = `${scope}|${name}`;
  const at = now();
  const hit = lookups.get(key);
  if (hit && at - hit.at < LOOKUP_TTL_MS) return hit.value as Promise<T>;
  const { signal: _requestSignal, ...shared } = cloud;
  const value = load(shared);
  lookups.set(key, { at, value });
  value.catch(() => {
    if (lookups.get(key)?.value === value) lookups.delete(key);
  });
  if (lookups.size > LOOKUP_MAX) prune(at);
  return value;
}

/** Forgets what a session's lookups remembered (after its changes, and when it ends). */
export function forgetLookups(sessionKey: string): void {
  const prefix = `${sessionKey}|`;
  for (const key of lookups.keys()) if (key.startsWith(prefix)) lookups.delete(key);
}

/** Entries held now (tests and the memory benchmark's reasoning: never more than LOOKUP_MAX). */
export function rememberedLookups(): number {
  return lookups.size;
}

function prune(at: number) {
  for (const [key, entry] of lookups) if (at - entry.at >= LOOKUP_TTL_MS) lookups.delete(key);
  for (const key of lookups.keys()) {
    if (lookups.size <= LOOKUP_MAX) break;
    lookups.delete(key);
  }
}

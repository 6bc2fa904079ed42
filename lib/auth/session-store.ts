/**
 * The server-side session record and the small storage interface behind it. The SQLite file is the
 * default; a shared store (Redis) implements the same five methods for several replicas.
 * Keys are hashes of the cookie's session id, never the id itself (see session-service.ts).
 */

type NamedRef = { id: string; name: string };

export type SessionEndpoints = { csbs: string; cbr: string; ecs: string; evs: string };

export type SessionData = {
  /** The IAM token: stays on the server, encrypted at rest by the store. */
  token: string;
  /** Epoch ms at which IAM stops accepting the token. */
  tokenExpiresAt: number;
  user: NamedRef;
  domain: NamedRef;
  project: NamedRef;
  roles: string[];
  readOnly: boolean;
  endpoints: SessionEndpoints;
  /** Epoch ms at which IAM last confirmed the token (AK/SK mode re-checks it periodically). */
  verifiedAt?: number;
};

export type SessionRecord = SessionData & {
  /** Epoch ms of the sign-in: the absolute timeout counts from here. */
  createdAt: number;
  /** Epoch ms of the last request the user made (background polling excluded). */
  lastActiveAt: number;
};

export type SessionStore = {
  create(key: string, record: SessionRecord): Promise<void>;
  get(key: string): Promise<SessionRecord | null>;
  /** Records user activity. */
  touch(key: string, lastActiveAt: number): Promise<void>;
  /** Replaces the cloud part after a project switch (new token, project, roles, endpoints). */
  replaceData(key: string, data: SessionData): Promise<void>;
  delete(key: string): Promise<void>;
  /** Drops records whose absolute deadline has passed; stores with TTLs may do nothing. */
  purgeOlderThan(createdBefore: number): Promise<void>;
};

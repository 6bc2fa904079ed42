import type { SimPorts } from "./endpoints";
import type { SimState } from "./state";

export type Durations = { protectMs: number; restoreMs: number; deleteMs: number; tickMs: number };

export type AuthInfo = {
  userId: string;
  userName: string;
  domainId: string;
  domainName: string;
  projectId: string | null;
  roles: string[];
  readOnly: boolean;
  via: "token" | "aksk";
};

/** The hono env type every sub-app uses: the auth middleware sets `c.get("auth")`. */
export type SimEnv = { Variables: { auth: AuthInfo } };

export type SimContext = {
  /**
   * The whole in-memory state. `/_sim/reset` replaces it, so read `ctx.state` on every request
   * and never keep a reference to it (or to a project) across requests.
   */
  state: SimState;
  /** Call after every mutation; the store persists (debounced) to SIM_DATA_DIR. */
  markDirty(): void;
  /** The simulated clock: real time plus an offset settable via `/_sim/clock`. */
  now(): Date;
  durations: Durations;
  /** Seeded PRNG for anything random after seeding. */
  rng(): number;
  /** A fresh UUID v4 string (cryptographically random, so unique across restarts). */
  newId(): string;
  /** Lifecycle ticker: `fn` runs every `durations.tickMs` with the simulated time. */
  onTick(name: string, fn: (now: Date) => void): void;
  /** The ports the services listen on, once listening (the catalog names them); else null. */
  ports(): SimPorts | null;
};

import "server-only";
import type { Endpoints } from "./endpoints";

/** What every CSBS/CBR/ECS/EVS client function needs: the session's token and its endpoints. */
export type CloudContext = {
  token: string;
  projectId: string;
  endpoints: Endpoints;
  /** The caller's signal (e.g. the browser request's); combined with the configured timeout. */
  signal?: AbortSignal;
  /**
   * Who is asking, for what project (set by lib/server for signed-in sessions): reference lists
   * (policy and vault names) may be remembered briefly under it. Absent: nothing is remembered.
   */
  lookupScope?: string;
};

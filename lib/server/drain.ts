import type { IncomingMessage, ServerResponse } from "node:http";
import http from "node:http";

/**
 * Draining on SIGTERM. `next start` answers SIGTERM by closing its listening socket and its idle
 * connections and exits once the rest have ended. A client holding a kept-alive connection (a load
 * balancer's pool, a browser polling every few seconds) would otherwise keep being served on it:
 * every answer said "keep-alive", the connection never went idle long enough, and the process kept
 * serving long after it was told to stop. So once the signal has come, every answer not yet sent
 * (the requests in flight included) carries `Connection: close` and its connection ends with it,
 * and /api/ready answers 503, for a balancer that probes on a connection it already has. Installed
 * once per process by instrumentation.ts, beside Next's own SIGTERM handler.
 */
const INSTALLED = Symbol.for("cbc.drain");

let draining = false;
const open = new Set<ServerResponse>();

export function isDraining(): boolean {
  return draining;
}

function closeAfter(res: ServerResponse): void {
  // Read by Node when it writes the head: "Connection: close", and the socket ends after the body.
  if (!res.headersSent) res.shouldKeepAlive = false;
}

export function installDrain(): void {
  const proto = http.Server.prototype as http.Server & { [INSTALLED]?: boolean };
  if (proto[INSTALLED]) return;
  proto[INSTALLED] = true;
  const emit = proto.emit as (
    this: http.Server,
    event: string | symbol,
    ...args: unknown[]
  ) => boolean;
  proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const res = args[1] as ServerResponse<IncomingMessage>;
      if (draining) closeAfter(res);
      else {
        open.add(res);
        res.once("close", () => open.delete(res));
      }
    }
    return emit.call(this, event, ...args);
  } as typeof proto.emit;
  // With NEXT_MANUAL_SIG_HANDLE the owner of the process handles the signal (and exits): a listener
  // here would take away Node's default of exiting on it.
  if (process.env.NEXT_MANUAL_SIG_HANDLE) return;
  process.once("SIGTERM", () => {
    draining = true;
    for (const res of open) closeAfter(res);
    open.clear();
  });
}

import type { IncomingMessage } from "node:http";
import http from "node:http";

/**
 * Route handlers see headers, never the socket, and Next fills `X-Forwarded-For` from the socket
 * only when the client sent none, so a client could pick its own address. This stamps every
 * request the process's HTTP servers receive with the socket's address under a header of our
 * own, overwriting whatever the client sent under that name. Installed once per process by
 * instrumentation.ts (Next awaits it before serving).
 */
export const SOCKET_ADDRESS_HEADER = "x-cbc-socket-address";

const INSTALLED = Symbol.for("cbc.socket-address");

export function stampSocketAddress(req: IncomingMessage): void {
  req.headers[SOCKET_ADDRESS_HEADER] = req.socket?.remoteAddress || "unknown";
}

export function installSocketAddressStamp(): void {
  const proto = http.Server.prototype as http.Server & { [INSTALLED]?: boolean };
  if (proto[INSTALLED]) return;
  proto[INSTALLED] = true;
  const emit = proto.emit as (
    this: http.Server,
    event: string | symbol,
    ...args: unknown[]
  ) => boolean;
  proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") stampSocketAddress(args[0] as IncomingMessage);
    return emit.call(this, event, ...args);
  } as typeof proto.emit;
}

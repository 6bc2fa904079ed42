import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type Recorded = {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
};

export type FakeServer = {
  url: string;
  requests: Recorded[];
  /** Replace the answer for the next requests. */
  handle(handler: (req: Recorded, res: ServerResponse, index: number) => void): void;
  close(): Promise<void>;
};

/** A tiny loopback HTTP server on an ephemeral port that records what it receives. */
export async function startFakeServer(): Promise<FakeServer> {
  const requests: Recorded[] = [];
  let handler: (req: Recorded, res: ServerResponse, index: number) => void = (_r, res) => {
    res.writeHead(200, { "content-type": "application/json" }).end("{}");
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const recorded: Recorded = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      requests.push(recorded);
      handler(recorded, res, requests.length - 1);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    handle(h) {
      handler = h;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function json(res: ServerResponse, status: number, body: unknown, headers = {}): void {
  res
    .writeHead(status, { "content-type": "application/json", ...headers })
    .end(typeof body === "string" ? body : JSON.stringify(body));
}

import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { installSocketAddressStamp, SOCKET_ADDRESS_HEADER } from "./socket-address";

describe("socket address stamp", () => {
  it("gives handlers the socket's address, whatever the client claims", async () => {
    installSocketAddressStamp();
    installSocketAddressStamp(); // once only
    const server = http.createServer((req, res) => {
      res.end(JSON.stringify(req.headers));
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const { port } = server.address() as AddressInfo;
    try {
      const res = await fetch(`http://127.0.0.1:${port}/`, {
        headers: { [SOCKET_ADDRESS_HEADER]: "6.6.6.6", "x-forwarded-for": "6.6.6.6" },
      });
      const headers = await res.json();
      expect(headers[SOCKET_ADDRESS_HEADER]).toBe("127.0.0.1");
    } finally {
      server.close();
    }
  });
});

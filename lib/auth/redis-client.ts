import { createClient } from "redis";

function newClient(url: string, wasConnected: () => boolean) {
  return createClient({
    url,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: 5_000,
      // A first connection that fails is given up at once (the caller's request fails and the
      // next one tries again); a connection that was up is retried with a backoff.
      reconnectStrategy: (retries, cause) =>
        wasConnected() ? Math.min(retries * 100, 2_000) : cause,
    },
  });
}

export type RedisClient = ReturnType<typeof newClient>;

/**
 * A Redis connection for the shared stores, connected on first use (never at import, so that a
 * build or a module load does not need Redis). Commands fail at once while the connection is down
 * (no offline queue): a request then ends with an error instead of hanging until Redis is back.
 */
export type RedisHandle = {
  /** The connected client; awaits the first connection. */
  client(): Promise<RedisClient>;
  close(): Promise<void>;
};

export function redisHandle(url: string): RedisHandle {
  let connecting: Promise<RedisClient> | undefined;
  let raw: RedisClient | undefined;
  let lastLoggedAt = 0;

  return {
    client() {
      if (!connecting) {
        let connected = false;
        const client = newClient(url, () => connected);
        raw = client;
        client.on("ready", () => {
          connected = true;
        });
        client.on("error", (error: unknown) => {
          // Without a listener node-redis would crash the process; log at most every 10 s and
          // never the URL (it may carry a password).
          const now = Date.now();
          if (now - lastLoggedAt < 10_000) return;
          lastLoggedAt = now;
          const message = error instanceof Error ? error.message : String(error);
          console.error(
            `Redis connection error: ${message.replace(/rediss?:\/\/\S+/g, "redis://…")}`,
          );
        });
        const attempt = client.connect().then(() => client);
        connecting = attempt;
        attempt.catch(() => {
          if (connecting === attempt) connecting = undefined;
          if (raw === client) raw = undefined;
          client.destroy();
        });
        return attempt;
      }
      return connecting;
    },
    async close() {
      const client = raw;
      connecting = undefined;
      raw = undefined;
      if (client?.isOpen) await client.close();
    },
  };
}

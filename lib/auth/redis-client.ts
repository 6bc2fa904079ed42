import { createClient } from "redis";

export type RedisClient = ReturnType<typeof createClient>;

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
        raw = createClient({
          url,
          disableOfflineQueue: true,
          socket: {
            connectTimeout: 5_000,
            reconnectStrategy: (retries) => Math.min(retries * 100, 2_000),
          },
        });
        raw.on("error", (error: unknown) => {
          // Without a listener node-redis would crash the process; log at most every 10 s and
          // never the URL (it may carry a password).
          const now = Date.now();
          if (now - lastLoggedAt < 10_000) return;
          lastLoggedAt = now;
          const message = error instanceof Error ? error.message : String(error);
          console.error(
            `Redis connection error: ${message.replace(/redis(s)?:\/\/\S+/g, "redis://…")}`,
          );
        });
        const client = raw;
        connecting = client.connect().then(() => client);
        // A failed first connection is retried on the next use rather than remembered forever.
        connecting.catch(() => {
          connecting = undefined;
          client.destroy();
        });
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

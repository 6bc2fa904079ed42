import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";
import { Hono } from "hono";
import { z } from "zod";
import type { SimClock, Ticker } from "./clock";
import type { SimContext } from "./context";
import { type FaultStore, faultListSchema, faultRuleSchema } from "./faults";
import { readJson } from "./http";
import type { RequestStats } from "./stats";

/** True for 127.0.0.0/8, ::1 and their IPv4-mapped forms. */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const a = address.toLowerCase();
  if (a === "::1" || a === "0:0:0:0:0:0:0:1") return true;
  const v4 = a.startsWith("::ffff:") ? a.slice(7) : a;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

function remoteAddress(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    // Requests that did not come through a socket (app.request in tests) have no address.
    return undefined;
  }
}

export type ControlDeps = {
  ctx: SimContext;
  clock: SimClock;
  ticker: Ticker;
  faults: FaultStore;
  stats: RequestStats;
  reset(): void;
};

const clockSchema = z
  .object({
    advanceMs: z.number().int().optional(),
    offsetMs: z.number().int().optional(),
  })
  .strict()
  .refine((b) => (b.advanceMs === undefined) !== (b.offsetMs === undefined), {
    message: "give exactly one of advanceMs or offsetMs",
  });

function bad(c: Context, message: string, status: 400 | 404 = 400): Response {
  return c.json(
    { error_code: status === 400 ? "SIM.0400" : "SIM.0404", error_msg: message },
    status,
  );
}

function zodMessage(error: z.ZodError): string {
  const issue = error.issues[0];
  return `${issue?.path.join(".") || "body"}: ${issue?.message ?? "invalid"}`;
}

/** The control API under /_sim: health, clock, reset, faults and request statistics (loopback only). */
export function controlRoutes(deps: ControlDeps): Hono {
  const { ctx, clock, ticker, faults, stats } = deps;
  const app = new Hono();

  app.use("*", async (c, next) => {
    if (!isLoopback(remoteAddress(c))) {
      return c.json(
        { error_code: "SIM.0403", error_msg: "The control API answers only on loopback." },
        403,
      );
    }
    await next();
  });

  const clockJson = () => ({ now: clock.now().toISOString(), offsetMs: clock.offset });

  app.get("/health", (c) =>
    c.json({
      status: "ok",
      ...clockJson(),
      seededAt: ctx.state.seededAt,
      durations: ctx.durations,
      projects: Object.values(ctx.state.projects).map((p) => ({
        id: p.id,
        name: p.name,
        servers: p.servers.length,
        volumes: p.volumes.length,
      })),
    }),
  );

  app.get("/clock", (c) => c.json(clockJson()));
  app.post("/clock", async (c) => {
    const read = await readJson(c);
    if (!read.ok) return read.response;
    const parsed = clockSchema.safeParse(read.body);
    if (!parsed.success) return bad(c, zodMessage(parsed.error));
    if (parsed.data.advanceMs !== undefined) clock.advance(parsed.data.advanceMs);
    if (parsed.data.offsetMs !== undefined) clock.setOffset(parsed.data.offsetMs);
    // Lifecycles and schedules catch up at once, so a test sees the effect of the jump.
    ticker.runOnce();
    return c.json(clockJson());
  });

  app.post("/tick", (c) => {
    ticker.runOnce();
    return c.json(clockJson());
  });

  app.post("/reset", (c) => {
    deps.reset();
    ticker.runOnce();
    return c.json({ status: "ok", seededAt: ctx.state.seededAt });
  });

  app.get("/faults", (c) => c.json({ faults: faults.list() }));
  app.put("/faults", async (c) => {
    const read = await readJson(c);
    if (!read.ok) return read.response;
    const list = Array.isArray(read.body)
      ? read.body
      : (read.body as { faults?: unknown } | null)?.faults;
    const parsed = faultListSchema.safeParse(list);
    if (!parsed.success) return bad(c, zodMessage(parsed.error));
    return c.json({ faults: faults.replace(parsed.data) });
  });
  app.post("/faults", async (c) => {
    const read = await readJson(c);
    if (!read.ok) return read.response;
    const parsed = faultRuleSchema.safeParse(read.body);
    if (!parsed.success) return bad(c, zodMessage(parsed.error));
    return c.json({ fault: faults.add(parsed.data) }, 201);
  });
  app.delete("/faults", (c) => {
    faults.clear();
    return c.json({ faults: [] });
  });
  app.delete("/faults/:id", (c) => {
    if (!faults.remove(c.req.param("id")))
      return bad(c, `No fault rule ${c.req.param("id")}.`, 404);
    return c.json({ faults: faults.list() });
  });

  app.get("/stats", (c) => c.json(stats.snapshot()));
  app.post("/stats/reset", (c) => {
    stats.reset();
    return c.json(stats.snapshot());
  });

  return app;
}

import type { IncomingMessage } from "node:http";
import type { Context, MiddlewareHandler } from "hono";
import { z } from "zod";
import { gatewayCodes, serviceError } from "./http";

/**
 * Fault rules for tests and demos. `path` is a glob on the request path (`*` within one segment,
 * `**` across segments) or, when it starts with `^`, a regular expression.
 */
export const faultRuleSchema = z
  .object({
    id: z.string().min(1).max(64).optional(),
    method: z
      .string()
      .min(1)
      .transform((m) => m.toUpperCase())
      .optional(),
    path: z.string().min(1),
    latencyMs: z.number().int().min(0).max(120_000).optional(),
    status: z.number().int().min(100).max(599).optional(),
    errorCode: z.string().min(1).optional(),
    errorMessage: z.string().optional(),
    rate: z.number().min(0).max(1).optional(),
    malformed: z.literal(true).optional(),
    drop: z.literal(true).optional(),
    /** How many requests the rule may still hit; it is removed after the last one. */
    times: z.number().int().positive().optional(),
  })
  .strict()
  .refine((r) => !r.path.startsWith("^") || isValidRegex(r.path), {
    message: "invalid regular expression",
    path: ["path"],
  });

export type FaultRule = z.infer<typeof faultRuleSchema> & { id: string };

export const faultListSchema = z.array(faultRuleSchema);

function isValidRegex(text: string): boolean {
  try {
    new RegExp(text);
    return true;
  } catch {
    return false;
  }
}

export function pathMatcher(pattern: string): RegExp {
  if (pattern.startsWith("^")) return new RegExp(pattern);
  let body = "";
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] as string;
    if (ch === "*" && pattern[i + 1] === "*") {
      body += ".*";
      i++;
    } else if (ch === "*") body += "[^/]*";
    else body += ch.replace(/[.+?^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${body}/?$`);
}

type Compiled = { rule: FaultRule; regex: RegExp };

export class FaultStore {
  private rules: Compiled[] = [];
  private counter = 0;

  constructor(private readonly rand: () => number) {}

  list(): FaultRule[] {
    return this.rules.map((r) => r.rule);
  }

  /** Replaces every rule; the input must have been validated with `faultListSchema`. */
  replace(rules: z.infer<typeof faultListSchema>): FaultRule[] {
    this.rules = [];
    for (const rule of rules) this.add(rule);
    return this.list();
  }

  add(rule: z.infer<typeof faultRuleSchema>): FaultRule {
    this.counter += 1;
    const withId: FaultRule = { ...rule, id: rule.id ?? `fault-${this.counter}` };
    this.rules = this.rules.filter((r) => r.rule.id !== withId.id);
    this.rules.push({ rule: withId, regex: pathMatcher(rule.path) });
    return withId;
  }

  remove(id: string): boolean {
    const before = this.rules.length;
    this.rules = this.rules.filter((r) => r.rule.id !== id);
    return this.rules.length !== before;
  }

  clear(): void {
    this.rules = [];
  }

  /** The first rule that matches and fires (its `rate` drawn from the seeded PRNG), if any. */
  pick(method: string, path: string): FaultRule | null {
    for (const compiled of this.rules) {
      const { rule, regex } = compiled;
      if (rule.method && rule.method !== method) continue;
      if (!regex.test(path)) continue;
      if (rule.rate !== undefined && this.rand() >= rule.rate) continue;
      if (rule.times !== undefined) {
        rule.times -= 1;
        if (rule.times <= 0) this.remove(rule.id);
      }
      return rule;
    }
    return null;
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Cuts a body in the middle, so that it is not valid JSON any more. */
export function truncateBody(text: string): string {
  if (text.length < 2) return "{";
  return text.slice(0, Math.max(1, Math.floor(text.length / 2)));
}

function destroySocket(c: Context): boolean {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (!incoming) return false;
  incoming.socket.destroy();
  return true;
}

/** Applies the first matching fault rule: latency, then drop, error status, or malformed body. */
export function faultMiddleware(faults: FaultStore): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.path.startsWith("/_sim")) return next();
    const rule = faults.pick(c.req.method, c.req.path);
    if (!rule) return next();
    if (rule.latencyMs) await sleep(rule.latencyMs);
    if (rule.drop) {
      destroySocket(c);
      // The socket is gone; this response is never written.
      return c.body(null, 503);
    }
    if (rule.status !== undefined) {
      const message = rule.errorMessage ?? `Injected fault (${rule.status}).`;
      const res = serviceError(c, rule.status, rule.errorCode ?? gatewayCodes.fault, message);
      if (!rule.malformed) return res;
      return new Response(truncateBody(await res.text()), {
        status: res.status,
        headers: res.headers,
      });
    }
    await next();
    if (rule.malformed) {
      const text = await c.res.text();
      const headers = new Headers(c.res.headers);
      headers.delete("content-length");
      c.res = new Response(truncateBody(text), { status: c.res.status, headers });
    }
  };
}

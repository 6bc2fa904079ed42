import { randomBytes } from "node:crypto";
import type { SimContext } from "../context";
import { sha256Hex } from "../ids";
import type { TokenRecord, TokenScope } from "../state";
import { type DemoUser, findUserById } from "./directory";

/** Huawei tokens live 24 hours (reference/cloud-apis.md §8). */
export const tokenLifetimeMs = 24 * 60 * 60 * 1000;

export type IssuedToken = { token: string; record: TokenRecord };

/**
 * Tokens are opaque random strings (shaped like Huawei's `MII…` PKI tokens). The state keeps only
 * their SHA-256, so the state file never holds a usable credential.
 */
export function issueToken(
  ctx: SimContext,
  user: DemoUser,
  scope: TokenScope,
  methods: string[],
): IssuedToken {
  const now = ctx.now();
  const token = `MIIsim${randomBytes(48).toString("base64url")}`;
  const record: TokenRecord = {
    userId: user.id,
    scope,
    methods,
    issuedAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + tokenLifetimeMs).toISOString(),
  };
  ctx.state.tokens[sha256Hex(token)] = record;
  ctx.markDirty();
  return { token, record };
}

export type ValidToken = { record: TokenRecord; user: DemoUser };

/** The token's record and user when it exists and has not expired (by the simulated clock). */
export function verifyToken(ctx: SimContext, token: string | undefined): ValidToken | null {
  if (!token) return null;
  const record = ctx.state.tokens[sha256Hex(token)];
  if (!record) return null;
  if (new Date(record.expiresAt).getTime() <= ctx.now().getTime()) return null;
  const user = findUserById(record.userId);
  return user ? { record, user } : null;
}

export function revokeToken(ctx: SimContext, token: string): boolean {
  const key = sha256Hex(token);
  if (!ctx.state.tokens[key]) return false;
  delete ctx.state.tokens[key];
  ctx.markDirty();
  return true;
}

/** Drops expired tokens so that the state file does not grow forever. */
export function pruneExpiredTokens(ctx: SimContext, now: Date): void {
  let removed = false;
  for (const [key, record] of Object.entries(ctx.state.tokens)) {
    if (new Date(record.expiresAt).getTime() <= now.getTime()) {
      delete ctx.state.tokens[key];
      removed = true;
    }
  }
  if (removed) ctx.markDirty();
}

/** Keystone prints times with microseconds and a Z: 2015-11-09T01:42:57.527363Z. */
export function keystoneTime(iso: string): string {
  return iso.replace(/\.(\d{3})Z$/, ".$1000Z");
}

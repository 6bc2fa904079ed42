import { createHash, randomUUID } from "node:crypto";

export function newUuid(): string {
  return randomUUID();
}

/** A UUID v4 drawn from a seeded PRNG, so that seeded ids are the same on every fresh start. */
export function uuidFromRng(rand: () => number): string {
  const bytes = Array.from({ length: 16 }, () => Math.floor(rand() * 256));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A stable 32-hex id (Keystone style) derived from a kind and a name, e.g. a project's id. */
export function stableHexId(kind: string, name: string): string {
  return createHash("sha256").update(`${kind}:${name}`).digest("hex").slice(0, 32);
}

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

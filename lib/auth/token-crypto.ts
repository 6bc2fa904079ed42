import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

/**
 * AES-256-GCM for IAM tokens at rest, so that a copy of the session file alone does not hand out
 * working cloud tokens. The key comes from SESSION_SECRET (any length >= 32, hashed to 32 bytes).
 */
export type TokenCipher = { seal(plain: string): string; open(sealed: string): string | null };

export function tokenCipher(secret: string | Buffer): TokenCipher {
  const key = createHash("sha256").update(secret).digest();
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return ["v1", iv, cipher.getAuthTag(), body].map(toText).join(".");
    },
    open(sealed) {
      const [version, iv, tag, body] = sealed.split(".");
      if (version !== "v1" || !iv || !tag || body === undefined) return null;
      try {
        const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
        decipher.setAuthTag(Buffer.from(tag, "base64url"));
        return Buffer.concat([
          decipher.update(Buffer.from(body, "base64url")),
          decipher.final(),
        ]).toString("utf8");
      } catch {
        // Another key (SESSION_SECRET changed, or a per-process key after a restart): no session.
        return null;
      }
    },
  };
}

function toText(part: string | Buffer): string {
  return typeof part === "string" ? part : part.toString("base64url");
}

import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

/**
 * AES-256-GCM for session records at rest: the whole record (token, endpoints, rights, times of
 * creation) is sealed, with the record's store key as associated data, so that whoever can write
 * to the session store (a shared Redis, a copy of the SQLite file) can neither read a token nor
 * change where it is sent or what the session may do, nor move a sealed record to another key.
 * The key is derived with HKDF-SHA256 from SESSION_SECRET (≥ 32 characters), one key per purpose.
 */
export type TokenCipher = {
  seal(plain: string, associated: string): string;
  open(sealed: string, associated: string): string | null;
};

const VERSION = "v2";

export function deriveKey(secret: string | Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "cbc-session-store", purpose, 32));
}

export function tokenCipher(secret: string | Buffer): TokenCipher {
  const key = deriveKey(secret, "session-record/aes-256-gcm");
  return {
    seal(plain, associated) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      cipher.setAAD(Buffer.from(associated, "utf8"));
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return [VERSION, iv, cipher.getAuthTag(), body].map(toText).join(".");
    },
    open(sealed, associated) {
      const [version, iv, tag, body] = sealed.split(".");
      if (version !== VERSION || !iv || !tag || body === undefined) return null;
      try {
        const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
        decipher.setAAD(Buffer.from(associated, "utf8"));
        decipher.setAuthTag(Buffer.from(tag, "base64url"));
        return Buffer.concat([
          decipher.update(Buffer.from(body, "base64url")),
          decipher.final(),
        ]).toString("utf8");
      } catch {
        // Another key (SESSION_SECRET changed, a per-process key after a restart), another store
        // key, or a record changed in the store: no session.
        return null;
      }
    },
  };
}

function toText(part: string | Buffer): string {
  return typeof part === "string" ? part : part.toString("base64url");
}

/** What is sealed: the session's data and its creation time (the absolute deadline's start). */
export type SealedPart<Data> = Data & { createdAt: number };

export function sealRecord<Data>(
  cipher: TokenCipher,
  key: string,
  data: Data,
  createdAt: number,
): string {
  return cipher.seal(JSON.stringify({ ...data, createdAt }), key);
}

export function openRecord<Data>(
  cipher: TokenCipher,
  key: string,
  sealed: string,
): SealedPart<Data> | null {
  const plain = cipher.open(sealed, key);
  if (plain === null) return null;
  try {
    return JSON.parse(plain) as SealedPart<Data>;
  } catch {
    return null;
  }
}

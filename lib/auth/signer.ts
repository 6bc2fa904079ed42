import { createHash, createHmac, timingSafeEqual } from "node:crypto";

/**
 * Huawei API Gateway AK/SK signing, "SDK-HMAC-SHA256" with the `Access=` form used by the current
 * Huawei SDKs (reference/cloud-apis.md §7). The console signs with it and the simulator verifies
 * with the same pieces, so both sides agree by construction and the §7.2 vectors pin the algorithm.
 */

export const signingAlgorithm = "SDK-HMAC-SHA256";
const emptyBodyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

export type SignableRequest = {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | Uint8Array | null;
};

export type Credentials = { ak: string; sk: string };

/** RFC 3986 unreserved characters stay; everything else is %XY with uppercase hex (space is %20). */
export function encodeComponent(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Each path segment encoded, and always a trailing `/` (the gateway signs `/v3/x/backups/`). */
export function canonicalUri(path: string): string {
  const encoded = path
    .split("/")
    .map((segment) => encodeComponent(safeDecode(segment)))
    .join("/");
  return encoded.endsWith("/") ? encoded : `${encoded}/`;
}

/** Keys sorted, repeated keys with their values sorted, keys without value as `key=`. */
export function canonicalQueryString(search: string): string {
  const raw = search.startsWith("?") ? search.slice(1) : search;
  if (raw === "") return "";
  const pairs: [string, string][] = [];
  for (const part of raw.split("&")) {
    if (part === "") continue;
    const eq = part.indexOf("=");
    const key = eq < 0 ? part : part.slice(0, eq);
    const value = eq < 0 ? "" : part.slice(eq + 1);
    // As Go's url.Query(): `+` means a space in a query string.
    const decode = (t: string) => safeDecode(t.replace(/\+/g, " "));
    pairs.push([encodeComponent(decode(key)), encodeComponent(decode(value))]);
  }
  pairs.sort((a, b) => compare(a[0], b[0]) || compare(a[1], b[1]));
  return pairs.map(([k, v]) => `${k}=${v}`).join("&");
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function hashBody(body: string | Uint8Array | null | undefined): string {
  if (body === undefined || body === null || body.length === 0) return emptyBodyHash;
  return createHash("sha256").update(body).digest("hex");
}

/** Which headers a signer signs: all given ones except Content-Type and names containing `_` (Go SDK). */
export function signableHeaderNames(headers: Record<string, string>): string[] {
  return [
    ...new Set(
      Object.keys(headers)
        .map((name) => name.toLowerCase())
        .filter((name) => name !== "content-type" && !name.includes("_")),
    ),
  ].sort();
}

export type CanonicalInput = {
  method: string;
  /** The request path, e.g. `/v3/abc/backups` (not yet canonical). */
  path: string;
  /** The raw query string, with or without `?`. */
  query: string;
  /** Header values looked up by lowercase name. */
  headerValue: (lowercaseName: string) => string | undefined;
  signedHeaders: string[];
  /** Hex SHA-256 of the body, or the X-Sdk-Content-Sha256 value. */
  payloadHash: string;
};

export function canonicalRequest(input: CanonicalInput): string {
  const names = [...input.signedHeaders].map((n) => n.toLowerCase()).sort();
  const headerBlock = names
    .map((name) => `${name}:${(input.headerValue(name) ?? "").trim()}\n`)
    .join("");
  return [
    input.method.toUpperCase(),
    canonicalUri(input.path),
    canonicalQueryString(input.query),
    headerBlock,
    names.join(";"),
    input.payloadHash,
  ].join("\n");
}

export function stringToSign(sdkDate: string, canonical: string): string {
  const hashed = createHash("sha256").update(canonical).digest("hex");
  return `${signingAlgorithm}\n${sdkDate}\n${hashed}`;
}

export function signature(sk: string, toSign: string): string {
  return createHmac("sha256", sk).update(toSign).digest("hex");
}

/** `YYYYMMDDTHHMMSSZ` in UTC. */
export function formatSdkDate(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

export function parseSdkDate(text: string): Date | null {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (!m) return null;
  const date = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

export type ParsedAuthorization = { access: string; signedHeaders: string[]; signature: string };

/** Parses `SDK-HMAC-SHA256 Access=AK, SignedHeaders=a;b, Signature=hex`; null if it is not that form. */
export function parseAuthorization(header: string): ParsedAuthorization | null {
  const prefix = `${signingAlgorithm} `;
  if (!header.startsWith(prefix)) return null;
  const fields = new Map<string, string>();
  for (const part of header.slice(prefix.length).split(",")) {
    const eq = part.indexOf("=");
    if (eq < 0) return null;
    fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const access = fields.get("Access");
  const signed = fields.get("SignedHeaders");
  const sig = fields.get("Signature");
  if (!access || !signed || !sig) return null;
  return { access, signedHeaders: signed.split(";").filter(Boolean), signature: sig };
}

/** Constant-time comparison of two hex signatures. */
export function signaturesEqual(a: string, b: string): boolean {
  const x = Buffer.from(a.toLowerCase());
  const y = Buffer.from(b.toLowerCase());
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Signs a request: returns the headers to add (`X-Sdk-Date`, `Authorization`). Every header given
 * in `req.headers` (except Content-Type and names with `_`) is signed, so they must be sent unchanged.
 */
export function signRequest(
  req: SignableRequest,
  creds: Credentials,
  now: Date = new Date(),
): Record<string, string> {
  const url = new URL(req.url);
  const sdkDate = formatSdkDate(now);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (name.toLowerCase() !== "x-sdk-date" && name.toLowerCase() !== "authorization")
      headers[name] = value;
  }
  headers["X-Sdk-Date"] = sdkDate;
  const lower = new Map(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  const signedHeaders = signableHeaderNames(headers);
  const payloadHash = lower.get("x-sdk-content-sha256") ?? hashBody(req.body);
  const canonical = canonicalRequest({
    method: req.method,
    path: url.pathname,
    query: url.search,
    headerValue: (name) => lower.get(name),
    signedHeaders,
    payloadHash,
  });
  const sig = signature(creds.sk, stringToSign(sdkDate, canonical));
  return {
    "X-Sdk-Date": sdkDate,
    Authorization: `${signingAlgorithm} Access=${creds.ak}, SignedHeaders=${signedHeaders.join(";")}, Signature=${sig}`,
  };
}

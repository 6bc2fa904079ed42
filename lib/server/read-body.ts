import "server-only";
import { RouteError } from "./errors";

/**
 * Reads a request body as text, refusing it (413) as soon as more than `limit` bytes arrive.
 * Content-Length is only used to refuse early: the count is made on the stream itself, because
 * a client may lie about the length or send chunked bodies without one.
 */
export async function readBodyText(req: Request, limit: number): Promise<string> {
  const declared = Number(req.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) throw tooLarge();
  if (!req.body) return "";

  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function tooLarge(): RouteError {
  return RouteError.of("BODY_TOO_LARGE");
}

/** `application/json`, with or without parameters (charset). */
export function isJsonContentType(value: string | null): boolean {
  if (!value) return false;
  const type = value.split(";")[0]?.trim().toLowerCase();
  return type === "application/json";
}

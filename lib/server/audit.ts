import "server-only";

/**
 * One JSON line per security event (sign-in, failure, sign-out, session end), for the operator's
 * log shipper. Values are JSON-encoded, so user input cannot forge lines; never pass secrets.
 */
export function audit(
  event: string,
  fields: Record<string, string | number | boolean | undefined>,
) {
  console.info(JSON.stringify({ at: new Date().toISOString(), audit: event, ...fields }));
}

import { z } from "zod";

const text = z.union([z.string(), z.number()]).transform(String);

/** CSBS, CBR, IAM (Huawei): `{"error_code":"CSBS.6018","error_msg":"…"}`. */
const flatError = z.object({ error_code: text, error_msg: z.string().optional() });
/** Keystone and CSBS/ECS variants: `{"error":{"code":…,"message":…,"title"?}}`. */
const nestedError = z.object({
  error: z.object({
    code: text.optional(),
    error_code: text.optional(),
    message: z.string().optional(),
    error_msg: z.string().optional(),
    title: z.string().optional(),
  }),
});
/** Nova/Cinder: one key naming the fault, e.g. `{"itemNotFound":{"code":404,"message":"…"}}`. */
const faultError = z.record(
  z.string(),
  z.object({ code: text.optional(), message: z.string().optional() }),
);

export type ParsedErrorBody = { code?: string; message?: string };

/**
 * Reads the cloud's code and message out of an error body of any of the services' shapes.
 * A purely numeric code (Keystone's HTTP status echo) is not a cloud code and is dropped.
 */
export function parseErrorBody(body: string): ParsedErrorBody {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return {};
  }
  const pick = (code: string | undefined, message: string | undefined): ParsedErrorBody => ({
    ...(code !== undefined && code !== "" && !/^\d+$/.test(code) ? { code } : {}),
    ...(message ? { message } : {}),
  });
  const flat = flatError.safeParse(json);
  if (flat.success) return pick(flat.data.error_code, flat.data.error_msg);
  const nested = nestedError.safeParse(json);
  if (nested.success) {
    const e = nested.data.error;
    return pick(e.error_code ?? e.code, e.message ?? e.error_msg ?? e.title);
  }
  const fault = faultError.safeParse(json);
  if (fault.success) {
    const first = Object.values(fault.data)[0];
    if (first) return pick(first.code, first.message);
  }
  return {};
}

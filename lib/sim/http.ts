import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/**
 * Error bodies, one shape per service, as the real clouds answer:
 * - CSBS (reference 003 §6.2) and CBR (Huawei API convention): `{"error_code": "...", "error_msg": "..."}`;
 * - IAM (Keystone): `{"error": {"code": 401, "title": "Unauthorized", "message": "..."}}`;
 * - ECS/EVS (Nova/Cinder): `{"itemNotFound": {"code": 404, "message": "..."}}`, keyed by fault name.
 */
export type Service = "iam" | "csbs" | "cbr" | "ecs" | "evs" | "ims" | "sim";

export function serviceOf(path: string): Service {
  if (path.startsWith("/csbs/")) return "csbs";
  if (path.startsWith("/cbr/")) return "cbr";
  if (path.startsWith("/iam/")) return "iam";
  if (path.startsWith("/ecs/")) return "ecs";
  if (path.startsWith("/evs/")) return "evs";
  if (path.startsWith("/ims/") || path === "/ims") return "ims";
  return "sim";
}

/** Codes the simulator uses where the gateway (not the service) answers. */
export const gatewayCodes = {
  unauthorized: "APIG.0301",
  wrongProject: "APIG.0302",
  notFound: "APIG.0101",
  methodNotAllowed: "APIG.0405",
  tooLarge: "APIG.0413",
  fault: "APIG.0500",
} as const;

/** Codes for malformed input and read-only denials, per service. */
export const serviceCodes = {
  csbs: { badRequest: "CSBS.9001", readOnly: "CSBS.0403" },
  cbr: { badRequest: "BackupService.9001", readOnly: "BackupService.0403" },
} as const;

function status(code: number): ContentfulStatusCode {
  return code as ContentfulStatusCode;
}

export function csbsError(c: Context, code: number, errorCode: string, message: string): Response {
  return c.json({ error_code: errorCode, error_msg: message }, status(code));
}

export function cbrError(c: Context, code: number, errorCode: string, message: string): Response {
  return c.json({ error_code: errorCode, error_msg: message }, status(code));
}

const keystoneTitles: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  413: "Request Entity Too Large",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

export function keystoneError(c: Context, code: number, message: string): Response {
  return c.json({ error: { code, title: keystoneTitles[code] ?? "Error", message } }, status(code));
}

const novaFaults: Record<number, string> = {
  400: "badRequest",
  401: "unauthorized",
  403: "forbidden",
  404: "itemNotFound",
  405: "badMethod",
  409: "conflictingRequest",
  413: "overLimit",
  500: "computeFault",
};

/** Nova and Cinder share the OpenStack fault shape. */
export function openstackError(c: Context, code: number, message: string): Response {
  return c.json({ [novaFaults[code] ?? "computeFault"]: { code, message } }, status(code));
}

/** The right error shape for the service the request addressed; `errorCode` is used by CSBS/CBR. */
export function serviceError(
  c: Context,
  code: number,
  errorCode: string,
  message: string,
): Response {
  switch (serviceOf(c.req.path)) {
    case "csbs":
      return csbsError(c, code, errorCode, message);
    case "cbr":
      return cbrError(c, code, errorCode, message);
    case "iam":
      return keystoneError(c, code, message);
    case "ecs":
    case "evs":
    case "ims":
      return openstackError(c, code, message);
    default:
      return c.json({ error_code: errorCode, error_msg: message }, status(code));
  }
}

function badRequestCode(path: string): string {
  const service = serviceOf(path);
  if (service === "csbs" || service === "cbr") return serviceCodes[service].badRequest;
  return "SIM.0400";
}

/**
 * Reads a JSON request body. Missing body, wrong content type or invalid JSON give a 400 with the
 * service's error body, so handlers only deal with a parsed value (which they then check with zod).
 */
export async function readJson(
  c: Context,
): Promise<{ ok: true; body: unknown } | { ok: false; response: Response }> {
  const fail = (message: string) => ({
    ok: false as const,
    response: serviceError(c, 400, badRequestCode(c.req.path), message),
  });
  const type = c.req.header("content-type") ?? "";
  if (!/^application\/(.+\+)?json\b/i.test(type.trim())) {
    return fail("The request body must be JSON (Content-Type: application/json).");
  }
  let text: string;
  try {
    text = await c.req.text();
  } catch {
    return fail("The request body could not be read.");
  }
  if (text.trim() === "") return fail("The request body is empty.");
  try {
    return { ok: true, body: JSON.parse(text) };
  } catch {
    return fail("The request body is not valid JSON.");
  }
}

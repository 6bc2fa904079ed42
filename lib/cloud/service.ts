import "server-only";
import type { z } from "zod";
import type { CloudContext } from "./context";
import type { Endpoints } from "./endpoints";
import { CloudError } from "./errors";
import { cloudRequest, type HttpMethod } from "./http";
import { buildUrl, type PathParam, type Query } from "./url";

type Service = keyof Endpoints;

/** Keeps only the documented query keys, so that nothing else reaches the cloud. */
export function pickQuery<K extends string>(
  query: Partial<Record<K, Query[string]>> | undefined,
  keys: readonly K[],
): Query {
  const out: Record<string, Query[string]> = {};
  if (!query) return out;
  for (const key of keys) {
    const value = query[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}

function serviceUrl(
  ctx: CloudContext,
  service: Service,
  segments: readonly (string | PathParam)[],
  query?: Query,
): URL {
  const url = buildUrl(service, ctx.endpoints[service], segments, query);
  // The endpoints carry the project id; a session whose endpoints belong to another project
  // must not send this project's token there.
  if (!url.pathname.split("/").includes(ctx.projectId)) {
    throw new CloudError({
      status: 0,
      code: "INVALID_PATH",
      message: `The ${service} endpoint does not belong to the current project`,
      service,
    });
  }
  return url;
}

export async function serviceCall<T>(
  ctx: CloudContext,
  service: Service,
  method: HttpMethod,
  segments: readonly (string | PathParam)[],
  options: { query?: Query; body?: unknown; schema?: z.ZodType<T> } = {},
): Promise<T> {
  const res = await cloudRequest<T>({
    service,
    method,
    url: serviceUrl(ctx, service, segments, options.query),
    auth: { kind: "token", token: ctx.token, projectId: ctx.projectId },
    ...(options.body !== undefined ? { body: options.body } : {}),
    ...(options.schema ? { schema: options.schema } : {}),
    ...(ctx.signal ? { signal: ctx.signal } : {}),
  });
  return res.data;
}

import { CloudError, type CloudService } from "./errors";

/**
 * Formats of the path parameters the clients put into URLs. Each is anchored and bounded, so a
 * value that could change the path (`..`, `/`, `%2F`, `\`, `//host`) can never pass.
 */
export const ID_FORMATS = {
  /** Any RFC 4122-shaped id (servers, volumes, backups, policies, vaults, checkpoints, logs). */
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  /** Keystone/IAM project ids. */
  projectId: /^[0-9a-f]{32}$/i,
  /** Ids of other shapes (e.g. 32-hex Huawei ids, operation-log ids): letters, digits, `_`, `-`. */
  token: /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/,
} as const;

export type IdFormat = keyof typeof ID_FORMATS;

/** The longest value any format accepts; longer values are refused before any regex runs. */
const MAX_ID_LENGTH = 64;

export type PathParam = {
  readonly name: string;
  readonly value: string;
  readonly format: IdFormat;
};

/** A path parameter to validate; path literals are passed as plain strings. */
export function param(name: string, value: string, format: IdFormat = "uuid"): PathParam {
  return { name, value, format };
}

export type QueryValue =
  | string
  | number
  | boolean
  | undefined
  | null
  | readonly (string | number)[];
export type Query = Readonly<Record<string, QueryValue>>;

function invalidPath(service: CloudService, message: string): CloudError {
  return new CloudError({ status: 0, code: "INVALID_PATH", message, service });
}

/** Checks a path parameter and returns it percent-encoded. */
export function encodeParam(service: CloudService, p: PathParam): string {
  if (typeof p.value !== "string" || p.value.length === 0 || p.value.length > MAX_ID_LENGTH) {
    throw invalidPath(service, `Invalid ${p.name}: wrong length`);
  }
  if (!ID_FORMATS[p.format].test(p.value)) {
    throw invalidPath(service, `Invalid ${p.name}: not a valid ${p.format}`);
  }
  // The formats leave nothing to encode; encoding anyway keeps the rule in one place.
  return encodeURIComponent(p.value);
}

/** Query strings from typed objects: undefined/null skipped, arrays as repeated keys. */
export function buildQuery(query: Query | undefined): string {
  if (!query) return "";
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      for (const item of value) search.append(key, String(item));
    } else {
      search.append(key, String(value));
    }
  }
  const text = search.toString();
  return text === "" ? "" : `?${text}`;
}

function parseBase(service: CloudService, endpoint: string): URL {
  if (endpoint === "") {
    throw new CloudError({
      status: 0,
      code: "NO_ENDPOINT",
      message: `No ${service.toUpperCase()} endpoint is configured for this project`,
      service,
    });
  }
  let base: URL;
  try {
    base = new URL(endpoint);
  } catch {
    throw invalidPath(service, `Invalid ${service} endpoint`);
  }
  if ((base.protocol !== "https:" && base.protocol !== "http:") || base.search || base.hash) {
    throw invalidPath(service, `Invalid ${service} endpoint`);
  }
  return base;
}

/**
 * Builds `endpoint + /segments… + ?query`. Literal segments come from the client code; dynamic
 * ones are `param()`s validated against their format. The result is checked to lie under the
 * endpoint (same origin, path prefix, no dot segments) before it is returned.
 */
export function buildUrl(
  service: CloudService,
  endpoint: string,
  segments: readonly (string | PathParam)[],
  query?: Query,
): URL {
  const base = parseBase(service, endpoint);
  const basePath = base.pathname.replace(/\/+$/, "");
  const parts = segments.map((s) => {
    if (typeof s !== "string") return encodeParam(service, s);
    // Literals come from our code, but a mistake there must not open a path escape either.
    if (!/^[A-Za-z0-9_-][A-Za-z0-9_.-]*$/.test(s))
      throw invalidPath(service, "Invalid path segment");
    return s;
  });
  const path = `${basePath}/${parts.join("/")}`;
  const url = new URL(`${base.origin}${path}${buildQuery(query)}`);
  const expectedPrefix = `${basePath}/`;
  if (
    url.origin !== base.origin ||
    !url.pathname.startsWith(expectedPrefix) ||
    url.pathname !== path ||
    url.pathname.split("/").some((s) => s === "." || s === ".." || /^%2e/i.test(s))
  ) {
    throw invalidPath(service, "The request path leaves the service endpoint");
  }
  return url;
}

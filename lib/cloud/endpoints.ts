import type { ServiceOverrides } from "./config";

/** Service base URLs with the project id already in the path, no trailing slash; "" when unknown. */
export type Endpoints = { csbs: string; cbr: string; ecs: string; evs: string };

export type CatalogEntry = {
  type: string;
  endpoints: { url: string; interface?: string; region?: string; region_id?: string }[];
};

/** Keystone catalog types of the services the console calls. */
const CATALOG_TYPES: Record<keyof Endpoints, string> = {
  csbs: "data-protect",
  cbr: "cbr",
  ecs: "compute",
  evs: "volumev2",
};

/** The API version a base URL should end with when a catalog gives only the host. */
const DEFAULT_VERSION: Record<keyof Endpoints, string> = {
  csbs: "/v1",
  cbr: "/v3",
  ecs: "/v2.1",
  evs: "/v2",
};

const PLACEHOLDER = String.raw`\{project_id\}|\$\(tenant_id\)s|\$\(project_id\)s|%\(tenant_id\)s|%\(project_id\)s`;

/**
 * Puts the project id into an endpoint URL: fills the placeholders when present, else appends it
 * (after the default version segment when the URL has no path) so that every endpoint is
 * project-scoped the same way Keystone catalogs usually are.
 */
export function projectEndpoint(service: keyof Endpoints, raw: string, projectId: string): string {
  let url = raw.trim().replace(/\/+$/, "");
  if (new RegExp(PLACEHOLDER).test(url)) {
    return url.replace(new RegExp(PLACEHOLDER, "g"), projectId).replace(/\/+$/, "");
  }
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return "";
  }
  if (path.split("/").includes(projectId)) return url;
  if (path === "/" || path === "") url += DEFAULT_VERSION[service];
  return `${url}/${projectId}`;
}

/**
 * Picks each service's public endpoint from the token's catalog (first of the configured region
 * when one is set), then lets configured overrides win one by one.
 */
export function resolveEndpoints(
  catalog: readonly CatalogEntry[] | undefined,
  projectId: string,
  options: { region?: string; overrides: ServiceOverrides },
): Endpoints {
  const result: Endpoints = { csbs: "", cbr: "", ecs: "", evs: "" };
  for (const service of Object.keys(CATALOG_TYPES) as (keyof Endpoints)[]) {
    const override = options.overrides[service];
    if (override) {
      result[service] = projectEndpoint(service, override, projectId);
      continue;
    }
    const entry = catalog?.find((c) => c.type === CATALOG_TYPES[service]);
    const candidates = (entry?.endpoints ?? []).filter(
      (e) =>
        (e.interface === undefined || e.interface === "public") &&
        (options.region === undefined ||
          e.region === options.region ||
          e.region_id === options.region),
    );
    const chosen = candidates[0];
    if (chosen) result[service] = projectEndpoint(service, chosen.url, projectId);
  }
  return result;
}

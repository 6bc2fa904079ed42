import "server-only";
import { z } from "zod";

const optionalUrl = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .pipe(z.url({ protocol: /^https?$/ }).optional())
  .optional();

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const envSchema = z.object({
  CLOUD_IAM_ENDPOINT: optionalUrl,
  CLOUD_REGION: optionalText,
  CLOUD_CSBS_ENDPOINT: optionalUrl,
  CLOUD_CBR_ENDPOINT: optionalUrl,
  CLOUD_ECS_ENDPOINT: optionalUrl,
  CLOUD_EVS_ENDPOINT: optionalUrl,
  CLOUD_AK: optionalText,
  CLOUD_SK: optionalText,
  CLOUD_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(15_000),
  /** AK/SK mode: IAM roles whose holders may change things (none: every user is read-only). */
  CLOUD_CHANGE_ROLES: z.string().default(""),
  /** Account (domain) ids allowed to sign in; empty: any. */
  CLOUD_ALLOWED_DOMAINS: z.string().default(""),
  /** AK/SK mode: how often a session's user token is re-checked with IAM. */
  CLOUD_RECHECK_S: z.coerce.number().int().min(0).max(3600).default(300),
  SIM_PORT: z.coerce.number().int().min(1).max(65_535).default(4010),
});

export type ServiceOverrides = {
  csbs?: string;
  cbr?: string;
  ecs?: string;
  evs?: string;
};

export type CloudConfig = {
  /** IAM v3 base, no trailing slash (e.g. https://iam.eu-de.otc.t-systems.com/v3). */
  iamEndpoint: string;
  /** Catalog endpoints are filtered by this region when set. */
  region?: string;
  /** Per-service endpoints that replace the catalog's; may contain `{project_id}`. */
  overrides: ServiceOverrides;
  /** AK/SK signing replaces X-Auth-Token on service calls when both are set. */
  aksk?: { ak: string; sk: string };
  timeoutMs: number;
  simulator: boolean;
  /** AK/SK mode only: roles that may change things (lower case). */
  changeRoles: string[];
  /** Account (domain) ids that may sign in; empty: any. */
  allowedDomains: string[];
  /** AK/SK mode only: the user's token is re-checked with IAM this often. */
  recheckMs: number;
};

const list = (value: string) =>
  value
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);

const trimSlash = (url: string) => url.replace(/\/+$/, "");

/** Pure: builds the configuration from an environment object (tests pass their own). */
export function parseCloudConfig(env: Record<string, string | undefined>): CloudConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    // Name the variable, never echo its value (it may be a secret).
    throw new Error(
      `Invalid cloud configuration: ${issue?.path.join(".") ?? "?"} ${issue?.message ?? ""}`,
    );
  }
  const e = parsed.data;
  if ((e.CLOUD_AK === undefined) !== (e.CLOUD_SK === undefined)) {
    throw new Error("Invalid cloud configuration: CLOUD_AK and CLOUD_SK must be set together");
  }
  const simulator = e.CLOUD_IAM_ENDPOINT === undefined;
  const overrides: ServiceOverrides = {};
  if (e.CLOUD_CSBS_ENDPOINT) overrides.csbs = trimSlash(e.CLOUD_CSBS_ENDPOINT);
  if (e.CLOUD_CBR_ENDPOINT) overrides.cbr = trimSlash(e.CLOUD_CBR_ENDPOINT);
  if (e.CLOUD_ECS_ENDPOINT) overrides.ecs = trimSlash(e.CLOUD_ECS_ENDPOINT);
  if (e.CLOUD_EVS_ENDPOINT) overrides.evs = trimSlash(e.CLOUD_EVS_ENDPOINT);
  return {
    iamEndpoint: trimSlash(e.CLOUD_IAM_ENDPOINT ?? `http://127.0.0.1:${e.SIM_PORT}/iam/v3`),
    ...(e.CLOUD_REGION ? { region: e.CLOUD_REGION } : {}),
    overrides,
    ...(e.CLOUD_AK && e.CLOUD_SK ? { aksk: { ak: e.CLOUD_AK, sk: e.CLOUD_SK } } : {}),
    timeoutMs: e.CLOUD_TIMEOUT_MS,
    simulator,
    changeRoles: list(e.CLOUD_CHANGE_ROLES).map((role) => role.toLowerCase()),
    allowedDomains: list(e.CLOUD_ALLOWED_DOMAINS),
    recheckMs: e.CLOUD_RECHECK_S * 1000,
  };
}

let cached: CloudConfig | undefined;

/** The environment, read and validated once per process. */
export function cloudConfig(): CloudConfig {
  cached ??= parseCloudConfig(process.env);
  return cached;
}

/** No IAM endpoint configured: the console runs against the built-in simulator. */
export function isSimulatorMode(): boolean {
  return cloudConfig().simulator;
}

/** Tests only: replace (or with no argument, forget) the cached configuration. */
export function setCloudConfigForTests(config?: CloudConfig): void {
  cached = config;
}

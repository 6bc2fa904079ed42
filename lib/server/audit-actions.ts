import type { AuditAction, AuditResult, NewAuditEntry } from "./audit-store";

type Fields = Record<string, unknown>;

/** What a change route did, derived from its method and path, so routes need no audit code. */
type ChangeRule = {
  method: string;
  /** The path under /api, with `:name` segments. */
  path: string;
  action: AuditAction | ((body: Fields) => AuditAction);
  target: (args: { params: Fields; body: Fields }) => string;
  /** Extra fact for a successful change (the new name, …), also of each item without its own. */
  detail?: (body: Fields) => string;
};

const str = (value: unknown): string =>
  typeof value === "string" ? value : typeof value === "number" ? String(value) : "";

const param =
  (name: string) =>
  ({ params }: { params: Fields }) =>
    str(params[name]);

/** The resources a vault gained: added ones, and moved ones marked so. */
const addedAndMoved = (body: Fields): string =>
  [
    ...(Array.isArray(body.add) ? body.add.map(str) : []),
    ...(Array.isArray(body.move) ? body.move.map((m) => `${str((m as Fields)?.id)} (moved)`) : []),
  ].join(" ");

export const CHANGE_RULES: readonly ChangeRule[] = [
  {
    method: "POST",
    path: "/servers/backup",
    action: "backup.create",
    target: ({ body }) =>
      Array.isArray(body.servers) ? body.servers.map((s) => str((s as Fields)?.id)).join(" ") : "",
  },
  {
    method: "POST",
    path: "/backups/delete",
    action: "backup.delete",
    target: ({ body }) =>
      Array.isArray(body.items) ? body.items.map((i) => str((i as Fields)?.id)).join(" ") : "",
    // Which service's backup: the ids alone do not say (both are UUIDs).
    detail: (body) => str(body.service),
  },
  {
    method: "PATCH",
    path: "/backups/:id",
    action: "backup.rename",
    target: param("id"),
    detail: (body) => str(body.name),
  },
  {
    method: "POST",
    path: "/checkpoints",
    action: "vault.backup",
    target: ({ body }) => str(body.vaultId),
    detail: (body) => str(body.name),
  },
  {
    method: "POST",
    path: "/vaults",
    action: "vault.create",
    // The cloud gives the id only in its answer: the name the user chose names the vault.
    target: ({ body }) => str(body.name),
    detail: addedAndMoved,
  },
  {
    method: "PATCH",
    path: "/vaults/:id",
    action: "vault.update",
    target: param("id"),
    detail: (body) =>
      [
        str(body.name),
        body.sizeGb === undefined ? "" : `${str(body.sizeGb)} GB`,
        Array.isArray(body.tags)
          ? `tags ${body.tags.map((t) => str((t as Fields)?.key)).join(" ")}`
          : "",
        typeof body.autoBind === "boolean" ? `auto-bind ${body.autoBind ? "on" : "off"}` : "",
      ]
        .filter(Boolean)
        .join(", "),
  },
  {
    method: "POST",
    path: "/vaults/:id/remove-resources",
    action: "vault.remove-resources",
    target: param("id"),
    detail: (body) => (Array.isArray(body.resourceIds) ? body.resourceIds.map(str).join(" ") : ""),
  },
  {
    method: "POST",
    path: "/vaults/:id/add-resources",
    action: "vault.add-resources",
    target: param("id"),
    detail: addedAndMoved,
  },
  {
    method: "POST",
    path: "/vaults/:id/lock",
    action: "vault.lock",
    target: param("id"),
  },
  {
    method: "POST",
    path: "/vaults/:id/delete",
    action: "vault.delete",
    target: param("id"),
  },
  {
    method: "POST",
    path: "/policies",
    action: "policy.create",
    target: ({ body }) => str(body.name),
  },
  {
    method: "PUT",
    path: "/policies/:id",
    action: "policy.update",
    target: param("id"),
    detail: (body) => str(body.name),
  },
  {
    method: "PATCH",
    path: "/policies/:id",
    action: (body) => (body.enabled === false ? "policy.disable" : "policy.enable"),
    target: param("id"),
  },
  { method: "DELETE", path: "/policies/:id", action: "policy.delete", target: param("id") },
  { method: "POST", path: "/policies/:id/execute", action: "policy.run", target: param("id") },
  // CBR policies: the same actions, "cbr" in the detail so that the trail tells the services apart.
  {
    method: "POST",
    path: "/cbr-policies",
    action: "policy.create",
    target: ({ body }) => str(body.name),
    detail: () => "cbr",
  },
  {
    method: "PUT",
    path: "/cbr-policies/:id",
    action: "policy.update",
    target: param("id"),
    detail: (body) => `cbr ${str(body.name)}`,
  },
  {
    method: "PATCH",
    path: "/cbr-policies/:id",
    action: (body) => (body.enabled === false ? "policy.disable" : "policy.enable"),
    target: param("id"),
    detail: () => "cbr",
  },
  {
    method: "DELETE",
    path: "/cbr-policies/:id",
    action: "policy.delete",
    target: param("id"),
    detail: () => "cbr",
  },
  {
    method: "POST",
    path: "/cbr-policies/:id/vaults",
    action: "policy.bind",
    target: ({ params, body }) => `${str(params.id)} → ${str(body.vaultId)}`,
  },
  {
    method: "DELETE",
    path: "/cbr-policies/:id/vaults/:vaultId",
    action: "policy.unbind",
    target: ({ params }) => `${str(params.id)} → ${str(params.vaultId)}`,
  },
  {
    method: "POST",
    path: "/restores",
    action: "restore.start",
    target: ({ body }) => (body.backupId ? `${str(body.backupId)} → ${str(body.serverId)}` : ""),
  },
];

/** The rule of a request, with the path's values; undefined for reads and unknown routes. */
export function matchChange(
  method: string,
  apiPath: string,
): { rule: ChangeRule; pathParams: Fields } | undefined {
  const segments = apiPath.replace(/\/+$/, "").split("/");
  for (const rule of CHANGE_RULES) {
    if (rule.method !== method.toUpperCase()) continue;
    const pattern = rule.path.split("/");
    if (pattern.length !== segments.length) continue;
    const pathParams: Fields = {};
    const ok = pattern.every((part, i) => {
      const segment = segments[i] as string;
      if (part.startsWith(":")) {
        pathParams[part.slice(1)] = safeDecode(segment);
        return segment !== "";
      }
      return part === segment;
    });
    if (ok) return { rule, pathParams };
  }
  return undefined;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export type ChangeOutcome =
  /** The route answered 2xx; its JSON body, if any, may list one result per item. */
  | { kind: "answered"; status: number; payload: unknown }
  /** Refused before the route ran (validation, read-only, …) or failed inside it. */
  | { kind: "error"; stage: "checks" | "handler"; status: number; code: string };

type Who = { account: string; user: string; project: string };

/**
 * The audit entries of one change request: one per item for routes that answer
 * `{ results: [{ id | serverId, ok, error? }] }` (several backups at once), otherwise one.
 */
export function changeEntries(input: {
  method: string;
  apiPath: string;
  who: Who;
  params: unknown;
  body: unknown;
  outcome: ChangeOutcome;
}): NewAuditEntry[] {
  const match = matchChange(input.method, input.apiPath);
  if (!match) return [];
  const { rule } = match;
  const params = { ...match.pathParams, ...asFields(input.params) };
  const body = asFields(input.body);
  const action = typeof rule.action === "function" ? rule.action(body) : rule.action;
  const target = rule.target({ params, body });
  const base = { ...input.who, action };

  const { outcome } = input;
  if (outcome.kind === "error") {
    const result: AuditResult = outcome.stage === "checks" ? "refused" : "failed";
    return [{ ...base, target, result, detail: outcome.code }];
  }
  const results = asFields(outcome.payload).results;
  if (Array.isArray(results) && results.length > 0) {
    return results.map((item) => {
      const r = asFields(item);
      const error = asFields(r.error);
      return {
        ...base,
        target: str(r.id) || str(r.serverId) || target,
        result: r.ok === false ? "failed" : "succeeded",
        detail:
          r.ok === false
            ? str(error.code)
            : str(r.name) || str(r.checkpointId) || (rule.detail?.(body) ?? ""),
      };
    });
  }
  return [{ ...base, target, result: "succeeded", detail: rule.detail?.(body) ?? "" }];
}

function asFields(value: unknown): Fields {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Fields)
    : {};
}

import { queryOptions, useMutation } from "@tanstack/react-query";
import {
  type PreflightBody,
  preflightResponseSchema,
  type RestoreService,
  type RestoreSubmitBody,
  restoreContextResponseSchema,
  restoreStatusSchema,
  targetResponseSchema,
} from "@/lib/schemas/restore";
import { apiFetch } from "./fetcher";

export const restoreKeys = {
  all: ["restore"] as const,
  context: (service: RestoreService, backupId: string) =>
    [...restoreKeys.all, "context", service, backupId] as const,
  target: (serverId: string) => [...restoreKeys.all, "target", serverId] as const,
  preflight: (body: PreflightBody) => [...restoreKeys.all, "preflight", body] as const,
  status: (key: string) => [...restoreKeys.all, "status", key] as const,
};

const enc = encodeURIComponent;

/** The backup to restore and every server it could go to. */
export function restoreContextQuery(service: RestoreService, backupId: string) {
  return queryOptions({
    queryKey: restoreKeys.context(service, backupId),
    queryFn: async ({ signal }) =>
      restoreContextResponseSchema.parse(
        await apiFetch(`/api/restores/backups/${enc(backupId)}?service=${service}`, { signal }),
      ),
  });
}

/** The disks attached to a target server. */
export function restoreTargetQuery(serverId: string) {
  return queryOptions({
    queryKey: restoreKeys.target(serverId),
    queryFn: async ({ signal }) =>
      targetResponseSchema.parse(
        await apiFetch(`/api/restores/targets/${enc(serverId)}`, { signal }),
      ),
  });
}

/** CSBS check_restorable for one mapping: a dry run, never cached for long. */
export function restorePreflightQuery(body: PreflightBody) {
  return queryOptions({
    queryKey: restoreKeys.preflight(body),
    queryFn: async ({ signal }) =>
      preflightResponseSchema.parse(
        await apiFetch("/api/restores/preflight", { method: "POST", body, signal }),
      ),
    staleTime: 0,
    retry: false,
    refetchOnWindowFocus: false,
  });
}

/** The restore of a wizard key, polled in the background until it ends. */
export function restoreStatusQuery(key: string) {
  return queryOptions({
    queryKey: restoreKeys.status(key),
    queryFn: async ({ signal }) =>
      restoreStatusSchema.parse(
        await apiFetch(`/api/restores/${enc(key)}`, { signal, background: true }),
      ),
    staleTime: 0,
    refetchInterval: (query) => {
      const state = query.state.data?.state;
      return state === "succeeded" || state === "failed" ? false : 2000;
    },
  });
}

/**
 * Sends the restore. Not retried (design.md), failing fast offline (security.md §3.5); the key in
 * the body makes a second send harmless anyway.
 */
export function useSubmitRestore() {
  return useMutation({
    mutationFn: async (body: RestoreSubmitBody) =>
      restoreStatusSchema.parse(await apiFetch("/api/restores", { method: "POST", body })),
    networkMode: "always",
    scope: { id: "restore" },
  });
}

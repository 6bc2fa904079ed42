import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import {
  type CreateCheckpointBody,
  checkpointResponseSchema,
  type VaultSearch,
  vaultBackupsResponseSchema,
  vaultListResponseSchema,
  vaultResponseSchema,
  vaultSearchToParams,
  vaultTasksResponseSchema,
} from "@/lib/schemas/vault";
import {
  type AddResourcesBody,
  addResourcesResultSchema,
  type CreateVaultBody,
  createVaultResultSchema,
  type DeleteVaultBody,
  type RemoveResourcesBody,
  removalResultSchema,
  type VaultChangeBody,
  vaultCandidatesResponseSchema,
} from "@/lib/schemas/vault-admin";
import type { VaultObjectType } from "@/lib/vaults/rules";
import { backupKeys } from "./backups";
import { apiFetch } from "./fetcher";
import { overviewKeys } from "./overview";

export const vaultKeys = {
  all: ["vaults"] as const,
  lists: () => [...vaultKeys.all, "list"] as const,
  list: (search: VaultSearch) => [...vaultKeys.lists(), search] as const,
  detail: (id: string) => [...vaultKeys.all, "detail", id] as const,
  backups: (id: string) => [...vaultKeys.detail(id), "backups"] as const,
  tasks: (id: string) => [...vaultKeys.detail(id), "tasks"] as const,
};

const vaultPath = (id: string) => `/api/vaults/${encodeURIComponent(id)}`;

/** While something runs, the vault page follows it at this pace. */
export const LIVE_REFRESH_MS = 2_000;

/**
 * One page of vaults, filtered and paged by the cloud; `figures` adds the project's total and each
 * vault's days left (two more cloud reads: for /vaults, not for pickers).
 */
export function vaultsQuery(search: VaultSearch, { figures = false }: { figures?: boolean } = {}) {
  const params = vaultSearchToParams(search);
  if (figures) params.set("figures", "1");
  const qs = params.toString();
  return queryOptions({
    queryKey: [...vaultKeys.list(search), { figures }] as const,
    queryFn: async ({ signal }) =>
      vaultListResponseSchema.parse(await apiFetch(`/api/vaults${qs ? `?${qs}` : ""}`, { signal })),
  });
}

export function vaultQuery(id: string) {
  return queryOptions({
    queryKey: vaultKeys.detail(id),
    queryFn: async ({ signal }) =>
      vaultResponseSchema.parse(await apiFetch(vaultPath(id), { signal })).vault,
  });
}

/** The vault's recent backups; `live` polls (in the background) while some are still running. */
export function vaultBackupsQuery(id: string) {
  return queryOptions({
    queryKey: vaultKeys.backups(id),
    queryFn: async ({ signal }) =>
      vaultBackupsResponseSchema.parse(
        await apiFetch(`${vaultPath(id)}/backups?limit=20`, { signal, background: true }),
      ),
  });
}

export function vaultTasksQuery(id: string) {
  return queryOptions({
    queryKey: vaultKeys.tasks(id),
    queryFn: async ({ signal }) =>
      vaultTasksResponseSchema.parse(
        await apiFetch(`${vaultPath(id)}/operation-logs?limit=20`, { signal, background: true }),
      ),
  });
}

/** Back up a vault now. Never retried (a second checkpoint would back everything up twice). */
export function useCreateCheckpoint() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: CreateCheckpointBody) =>
      checkpointResponseSchema.parse(await apiFetch("/api/checkpoints", { method: "POST", body }))
        .checkpoint,
    // The new backups show in the vault and in /backups (CBR).
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: vaultKeys.all }),
        client.invalidateQueries({ queryKey: backupKeys.all }),
      ]),
  });
}

/** Rename, resize, auto-expand; the vault's pages and lists show the new figures. */
export function useChangeVault(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: VaultChangeBody) =>
      vaultResponseSchema.parse(await apiFetch(vaultPath(id), { method: "PATCH", body })).vault,
    onSuccess: () => client.invalidateQueries({ queryKey: vaultKeys.all }),
  });
}

/**
 * Remove resources (their backups are deleted), or delete the vault: never retried, and every
 * view of vaults, backups and coverage refreshes after it.
 */
function useVaultRemoval<B>(path: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: B) =>
      removalResultSchema.parse(await apiFetch(path, { method: "POST", body })),
    onSettled: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: vaultKeys.all }),
        client.invalidateQueries({ queryKey: backupKeys.all }),
        client.invalidateQueries({ queryKey: overviewKeys.all }),
      ]),
  });
}

export function useRemoveVaultResources(id: string) {
  return useVaultRemoval<RemoveResourcesBody>(`${vaultPath(id)}/remove-resources`);
}

/** What could go into the vault, read each time the dialog opens (vaults change elsewhere). */
export function vaultCandidatesQuery(id: string) {
  return queryOptions({
    queryKey: [...vaultKeys.detail(id), "candidates"] as const,
    queryFn: async ({ signal }) =>
      vaultCandidatesResponseSchema.parse(await apiFetch(`${vaultPath(id)}/candidates`, { signal }))
        .candidates,
    staleTime: 0,
  });
}

/** What could go into a new vault of this type, read afresh each time the form opens. */
export function newVaultCandidatesQuery(type: VaultObjectType) {
  return queryOptions({
    queryKey: [...vaultKeys.all, "candidates", type] as const,
    queryFn: async ({ signal }) =>
      vaultCandidatesResponseSchema.parse(
        await apiFetch(`/api/vaults/candidates?type=${type}`, { signal }),
      ).candidates,
    staleTime: 0,
  });
}

/** A new vault; the lists, the vaults it took servers from and coverage refresh after it. */
export function useCreateVault() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: CreateVaultBody) =>
      createVaultResultSchema.parse(await apiFetch("/api/vaults", { method: "POST", body })),
    onSettled: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: vaultKeys.all }),
        client.invalidateQueries({ queryKey: overviewKeys.all }),
      ]),
  });
}

/** Add and move resources here; every vault (the sources too) and coverage refresh after it. */
export function useAddVaultResources(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: AddResourcesBody) =>
      addResourcesResultSchema.parse(
        await apiFetch(`${vaultPath(id)}/add-resources`, { method: "POST", body }),
      ),
    onSettled: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: vaultKeys.all }),
        client.invalidateQueries({ queryKey: overviewKeys.all }),
      ]),
  });
}

/**
 * Move one resource from its vault to another, with its backups (the destination's add-resources
 * route, as a move). Never retried; every vault and coverage refresh after it.
 */
export function useMoveVaultResource() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: { destinationId: string; resourceId: string; fromVaultId: string }) =>
      addResourcesResultSchema.parse(
        await apiFetch(`${vaultPath(input.destinationId)}/add-resources`, {
          method: "POST",
          body: { move: [{ id: input.resourceId, fromVaultId: input.fromVaultId }] },
        }),
      ),
    onSettled: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: vaultKeys.all }),
        client.invalidateQueries({ queryKey: overviewKeys.all }),
      ]),
  });
}

/** Backup locking, for good. */
export function useLockVault(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: DeleteVaultBody) =>
      vaultResponseSchema.parse(await apiFetch(`${vaultPath(id)}/lock`, { method: "POST", body }))
        .vault,
    onSettled: () => client.invalidateQueries({ queryKey: vaultKeys.all }),
  });
}

export function useDeleteVault(id: string) {
  return useVaultRemoval<DeleteVaultBody>(`${vaultPath(id)}/delete`);
}

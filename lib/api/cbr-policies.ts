import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import {
  type CbrPolicyFormValues,
  cbrPolicyListResponseSchema,
  cbrPolicyResponseSchema,
} from "@/lib/schemas/cbr-policy-form";
import { apiFetch } from "./fetcher";
import { vaultKeys } from "./vaults";

// CBR v3 backup policies (app/api/cbr-policies). A policy is bound to vaults, not to servers: a
// change of its bindings changes what the vaults show, so both caches are refreshed.

export const cbrPolicyKeys = {
  all: ["cbr-policies"] as const,
  lists: () => [...cbrPolicyKeys.all, "list"] as const,
  detail: (id: string) => [...cbrPolicyKeys.all, "detail", id] as const,
};

const path = (id: string) => `/api/cbr-policies/${encodeURIComponent(id)}`;

export function cbrPoliciesQuery() {
  return queryOptions({
    queryKey: cbrPolicyKeys.lists(),
    queryFn: async ({ signal }) =>
      cbrPolicyListResponseSchema.parse(await apiFetch("/api/cbr-policies", { signal })).policies,
  });
}

export function cbrPolicyQuery(id: string) {
  return queryOptions({
    queryKey: cbrPolicyKeys.detail(id),
    queryFn: async ({ signal }) =>
      cbrPolicyResponseSchema.parse(await apiFetch(path(id), { signal })).policy,
  });
}

function useInvalidate() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: cbrPolicyKeys.all }),
      client.invalidateQueries({ queryKey: vaultKeys.all }),
    ]);
}

const parsePolicy = (answer: unknown) => cbrPolicyResponseSchema.parse(answer).policy;

export function useCreateCbrPolicy() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async (body: CbrPolicyFormValues) =>
      parsePolicy(await apiFetch("/api/cbr-policies", { method: "POST", body })),
    onSuccess: invalidate,
  });
}

export function useUpdateCbrPolicy(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async (body: CbrPolicyFormValues) =>
      parsePolicy(await apiFetch(path(id), { method: "PUT", body })),
    onSuccess: invalidate,
  });
}

export function useSetCbrPolicyEnabled(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async (enabled: boolean) =>
      parsePolicy(await apiFetch(path(id), { method: "PATCH", body: { enabled } })),
    onSuccess: invalidate,
  });
}

export function useDeleteCbrPolicy(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async () => {
      await apiFetch(path(id), { method: "DELETE" });
    },
    onSuccess: invalidate,
  });
}

export function useBindCbrPolicy(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async (vaultId: string) =>
      parsePolicy(await apiFetch(`${path(id)}/vaults`, { method: "POST", body: { vaultId } })),
    onSuccess: invalidate,
  });
}

export function useUnbindCbrPolicy(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async (vaultId: string) =>
      parsePolicy(
        await apiFetch(`${path(id)}/vaults/${encodeURIComponent(vaultId)}`, { method: "DELETE" }),
      ),
    onSuccess: invalidate,
  });
}

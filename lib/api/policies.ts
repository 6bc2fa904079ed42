import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import {
  type CreatePolicyBody,
  candidateServersResponseSchema,
  type ExecutePolicyBody,
  executeResponseSchema,
  policyListResponseSchema,
  policyResponseSchema,
  type SetEnabledBody,
  type UpdatePolicyBody,
} from "@/lib/schemas/policy";
import { apiFetch } from "./fetcher";

export const policyKeys = {
  all: ["policies"] as const,
  lists: () => [...policyKeys.all, "list"] as const,
  details: () => [...policyKeys.all, "detail"] as const,
  detail: (id: string) => [...policyKeys.details(), id] as const,
  candidates: () => [...policyKeys.all, "candidate-servers"] as const,
};

const path = (id: string) => `/api/policies/${encodeURIComponent(id)}`;

/** Every policy of the project with its latest backup. */
export function policiesQuery() {
  return queryOptions({
    queryKey: policyKeys.lists(),
    queryFn: async ({ signal }) =>
      policyListResponseSchema.parse(await apiFetch("/api/policies", { signal })),
  });
}

export function policyQuery(id: string) {
  return queryOptions({
    queryKey: policyKeys.detail(id),
    queryFn: async ({ signal }) =>
      policyResponseSchema.parse(await apiFetch(path(id), { signal })).policy,
  });
}

/** The project's servers as the editor offers them, and the backups quota. */
export function candidateServersQuery() {
  return queryOptions({
    queryKey: policyKeys.candidates(),
    queryFn: async ({ signal }) =>
      candidateServersResponseSchema.parse(await apiFetch("/api/servers/protectable", { signal })),
  });
}

function useInvalidatePolicies() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: policyKeys.all });
}

export function useCreatePolicy() {
  const invalidate = useInvalidatePolicies();
  return useMutation({
    mutationFn: async (body: CreatePolicyBody) =>
      policyResponseSchema.parse(await apiFetch("/api/policies", { method: "POST", body })).policy,
    onSuccess: invalidate,
  });
}

export function useUpdatePolicy(id: string) {
  const invalidate = useInvalidatePolicies();
  return useMutation({
    mutationFn: async (body: UpdatePolicyBody) =>
      policyResponseSchema.parse(await apiFetch(path(id), { method: "PUT", body })).policy,
    onSuccess: invalidate,
  });
}

export function useSetPolicyEnabled() {
  const invalidate = useInvalidatePolicies();
  return useMutation({
    mutationFn: async ({ id, ...body }: SetEnabledBody & { id: string }) =>
      policyResponseSchema.parse(await apiFetch(path(id), { method: "PATCH", body })).policy,
    onSuccess: invalidate,
  });
}

export function useDeletePolicy() {
  const invalidate = useInvalidatePolicies();
  return useMutation({
    mutationFn: async (id: string) => {
      await apiFetch(path(id), { method: "DELETE" });
    },
    onSuccess: invalidate,
  });
}

export function useExecutePolicy() {
  const invalidate = useInvalidatePolicies();
  return useMutation({
    mutationFn: async ({ id, ...body }: ExecutePolicyBody & { id: string }) =>
      executeResponseSchema.parse(await apiFetch(`${path(id)}/execute`, { method: "POST", body })),
    onSuccess: invalidate,
  });
}

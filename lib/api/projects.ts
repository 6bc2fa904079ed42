import { queryOptions } from "@tanstack/react-query";
import { projectsResponseSchema } from "@/lib/schemas/session";
import { apiFetch } from "./fetcher";

export const projectKeys = {
  all: ["auth", "projects"] as const,
};

/** The signed-in user's projects, from IAM through `GET /api/auth/projects`. */
export function projectsQuery() {
  return queryOptions({
    queryKey: projectKeys.all,
    queryFn: async ({ signal }) =>
      projectsResponseSchema.parse(await apiFetch("/api/auth/projects", { signal })).projects,
    staleTime: 5 * 60_000,
  });
}

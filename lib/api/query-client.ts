import { QueryClient } from "@tanstack/react-query";
import { isApiError } from "./errors";

const MAX_QUERY_RETRIES = 2;

/**
 * Whether a failed read is worth another try: only when the console or the cloud could not
 * answer (network, 5xx). A 4xx would fail the same way again, and a 401 is already on its way to
 * the login page.
 */
export function shouldRetryQuery(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_QUERY_RETRIES) return false;
  if (isApiError(error)) return error.status === 0 || error.status >= 500;
  // Anything that is not an ApiError is a bug or a parse failure: retrying will not fix it.
  return false;
}

/** One per browser tab (see app/providers.tsx). */
export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Above zero so that data prefetched on the server is not refetched at once on hydration.
        staleTime: 30_000,
        retry: shouldRetryQuery,
        refetchOnWindowFocus: true,
      },
      // Nothing that changes the cloud is retried automatically (design.md).
      mutations: { retry: false },
    },
  });
}

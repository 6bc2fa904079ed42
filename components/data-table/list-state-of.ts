/** What a list view shows in place of its rows. */
export type ListStateKind = "error" | "loading" | "empty" | "ready";

/** The parts of a TanStack query result that decide it. */
export type ListQuery = { isError: boolean; data: unknown };

/**
 * Pure: an error hides the rows only when there are none to show (a failed refresh keeps the
 * last ones on screen, the view says they are stale); no data yet is loading; then empty or ready.
 */
export function listStateOf(query: ListQuery, isEmpty: boolean): ListStateKind {
  if (query.data === undefined) return query.isError ? "error" : "loading";
  return isEmpty ? "empty" : "ready";
}

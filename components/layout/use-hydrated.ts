import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/**
 * False while the server renders and while the browser hydrates that HTML, true afterwards (and at
 * once on a client-side navigation). For what depends on the reader's clock or zone: the server's
 * are not the reader's, and a mismatch would make React throw the server's HTML away.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

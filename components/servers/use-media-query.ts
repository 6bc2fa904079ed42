import { useCallback, useSyncExternalStore } from "react";

/**
 * Whether a CSS media query matches, following it as the window changes. The server (and the
 * hydration that follows it) answer `serverValue`: there is no window there.
 */
export function useMediaQuery(query: string, serverValue = false): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const list = window.matchMedia(query);
      list.addEventListener("change", onChange);
      return () => list.removeEventListener("change", onChange);
    },
    [query],
  );
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(query).matches,
    () => serverValue,
  );
}

import { useRef } from "react";

/**
 * A click runs the action once: a second click while it is in flight does nothing (nothing that
 * changes the cloud may go twice).
 */
export function useOnce() {
  const busy = useRef(false);
  return async (action: () => Promise<void>) => {
    if (busy.current) return;
    busy.current = true;
    try {
      await action();
    } finally {
      busy.current = false;
    }
  };
}

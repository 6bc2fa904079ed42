"use client";

import { useEffect, useRef, useState } from "react";
import {
  type Announcement,
  announce,
  finishedTransition,
  type Politeness,
  subscribeAnnouncements,
} from "@/lib/a11y/announcer";

export { announce };

/**
 * The shell's live regions, mounted once by the console layout. They exist empty from the first
 * render: screen readers only announce changes to regions they already know. No status/alert
 * role: pages' own `getByRole("alert")` lookups must not find these.
 */
export function LiveAnnouncer() {
  const [text, setText] = useState<Record<Politeness, string>>({ polite: "", assertive: "" });
  useEffect(() => {
    const timers = new Set<number>();
    const stop = subscribeAnnouncements((a: Announcement) => {
      // Empty first, then the words: the same sentence twice in a row is announced twice.
      setText((prev) => ({ ...prev, [a.politeness]: "" }));
      const timer = window.setTimeout(() => {
        timers.delete(timer);
        setText((prev) => ({ ...prev, [a.politeness]: a.message }));
      }, 50);
      timers.add(timer);
    });
    return () => {
      stop();
      for (const timer of timers) window.clearTimeout(timer);
    };
  }, []);
  return (
    <div className="sr-only" data-testid="live-announcer">
      <div aria-live="polite" aria-atomic="true" data-politeness="polite">
        {text.polite}
      </div>
      <div aria-live="assertive" aria-atomic="true" data-politeness="assertive">
        {text.assertive}
      </div>
    </div>
  );
}

/**
 * Announces once when a polled job leaves its running states: `message(status)` gives the words for
 * the final status, or null to stay silent. A page opened after the job ended says nothing.
 */
export function useAnnounceWhenFinished(
  status: string | undefined,
  running: readonly string[],
  message: (finalStatus: string) => string | null,
): void {
  const previous = useRef<string | undefined>(undefined);
  const describe = useRef(message);
  describe.current = message;
  useEffect(() => {
    const before = previous.current;
    previous.current = status;
    if (status === undefined || !finishedTransition(before, status, running)) return;
    const words = describe.current(status);
    if (words) announce(words, { politeness: status === "error" ? "assertive" : "polite" });
  }, [status, running]);
}

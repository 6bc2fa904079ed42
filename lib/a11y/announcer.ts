/**
 * Screen-reader announcements for things that finish while the user looks elsewhere ("Backup of
 * web-01 finished", "Restore of db-02 failed: …"). One polite and one assertive live region live in
 * the console's shell (components/layout/live-announcer.tsx); any client code calls `announce()`,
 * also from outside React (a mutation's onSuccess, a polling callback).
 *
 * Use it for the end of a job the user started (backup now, restore, delete, run policy now) and
 * for failures; not for every refresh tick, which would talk all day.
 */
export type Politeness = "polite" | "assertive";
export type Announcement = { id: number; message: string; politeness: Politeness };
type Listener = (announcement: Announcement) => void;

const listeners = new Set<Listener>();
let nextId = 1;

/** Says `message` once. Failures should be "assertive": they interrupt what is being read. */
export function announce(message: string, options: { politeness?: Politeness } = {}): void {
  const text = message.trim();
  if (!text) return;
  const announcement = { id: nextId++, message: text, politeness: options.politeness ?? "polite" };
  for (const listener of listeners) listener(announcement);
}

/** For the live regions: returns the unsubscribe function. */
export function subscribeAnnouncements(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/**
 * A job is "finished" when its status leaves the running set. Pure, so that pages can decide
 * what to say from the previous and the current status they poll.
 */
export function finishedTransition(
  previous: string | undefined,
  current: string | undefined,
  running: readonly string[],
): boolean {
  return (
    previous !== undefined &&
    current !== undefined &&
    running.includes(previous) &&
    !running.includes(current)
  );
}

import { describe, expect, it } from "vitest";
import {
  type Announcement,
  announce,
  finishedTransition,
  subscribeAnnouncements,
} from "./announcer";

describe("announce", () => {
  it("delivers each message to every live region once, polite by default", () => {
    const heard: Announcement[] = [];
    const stop = subscribeAnnouncements((a) => heard.push(a));
    announce("Backup of web-01 finished.");
    announce("Restore of db-02 failed.", { politeness: "assertive" });
    announce("   ");
    stop();
    announce("after unsubscribe");
    expect(heard.map((a) => [a.message, a.politeness])).toEqual([
      ["Backup of web-01 finished.", "polite"],
      ["Restore of db-02 failed.", "assertive"],
    ]);
    // The same words twice are two announcements (ids differ), so that both are spoken.
    expect(heard[0]?.id).not.toBe(heard[1]?.id);
  });
});

describe("finishedTransition", () => {
  const running = ["waiting_protect", "protecting"] as const;
  it("is true only when a running status turns into another one", () => {
    expect(finishedTransition("protecting", "available", running)).toBe(true);
    expect(finishedTransition("protecting", "error", running)).toBe(true);
    expect(finishedTransition("waiting_protect", "protecting", running)).toBe(false);
    expect(finishedTransition("available", "available", running)).toBe(false);
    // The first poll of a page opened after the end says nothing.
    expect(finishedTransition(undefined, "available", running)).toBe(false);
    expect(finishedTransition("protecting", undefined, running)).toBe(false);
  });
});

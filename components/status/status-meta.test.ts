import { describe, expect, it } from "vitest";
import { en, zh } from "@/lib/i18n/messages";
import { anyRunning, BACKUP_STATUSES, statusMeta } from "./status-meta";

describe("status language", () => {
  it("gives every state a word in both languages, an icon and a tone", () => {
    for (const status of BACKUP_STATUSES) {
      const meta = statusMeta(status);
      expect(meta.known).toBe(true);
      expect(en[meta.label]).toBeTruthy();
      expect(zh[meta.label]).toBeTruthy();
      expect(zh[meta.label]).not.toBe(en[meta.label]);
    }
  });

  it("uses the ui-guide's tones and Chinese words", () => {
    expect(statusMeta("available").tone).toBe("success");
    expect(statusMeta("protecting").tone).toBe("info");
    expect(statusMeta("restoring").tone).toBe("warning");
    expect(statusMeta("deleting").tone).toBe("muted");
    expect(statusMeta("error").tone).toBe("danger");
    expect(zh[statusMeta("waiting_protect").label]).toBe("等待备份");
    expect(zh[statusMeta("restoring").label]).toBe("恢复中");
    expect(zh[statusMeta("deleted").label]).toBe("已删除");
  });

  it("runs exactly in the six moving states", () => {
    // Written out, not read from RUNNING_STATUSES: the look takes its flag from that list, so
    // comparing the two would pass whatever the list said.
    const running = BACKUP_STATUSES.filter((s) => statusMeta(s).running);
    expect(running).toEqual([
      "waiting_protect",
      "protecting",
      "waiting_restore",
      "restoring",
      "waiting_delete",
      "deleting",
    ]);
    for (const still of ["available", "error", "deleted"] as const) {
      expect(statusMeta(still).running, still).toBe(false);
    }
    expect(anyRunning(["available", "error"])).toBe(false);
    expect(anyRunning(["available", "waiting_delete"])).toBe(true);
  });

  it("keeps an unknown state readable and still", () => {
    const meta = statusMeta("frozen");
    expect(meta).toMatchObject({ known: false, tone: "muted", running: false });
  });
});

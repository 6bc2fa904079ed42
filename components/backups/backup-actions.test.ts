import { describe, expect, it } from "vitest";
import { canDelete, canRename, canRestore, restoreHref } from "./backup-actions";

describe("actions by state", () => {
  it("offers delete for backups at rest of both services", () => {
    expect(canDelete({ service: "csbs", status: "available" })).toBe(true);
    expect(canDelete({ service: "csbs", status: "error" })).toBe(true);
    expect(canDelete({ service: "csbs", status: "protecting" })).toBe(false);
    expect(canDelete({ service: "csbs", status: "deleting" })).toBe(false);
    expect(canDelete({ service: "cbr", status: "available" })).toBe(true);
    expect(canDelete({ service: "cbr", status: "error" })).toBe(true);
    expect(canDelete({ service: "cbr", status: "restoring" })).toBe(false);
    expect(canDelete({ service: "cbr", status: "waiting_delete" })).toBe(false);
  });
  it("offers restore only when available, rename only on CBR at rest", () => {
    expect(canRestore({ service: "cbr", status: "available" })).toBe(true);
    expect(canRestore({ service: "csbs", status: "error" })).toBe(false);
    expect(canRename({ service: "cbr", status: "error" })).toBe(true);
    expect(canRename({ service: "cbr", status: "restoring" })).toBe(false);
    expect(canRename({ service: "csbs", status: "available" })).toBe(false);
  });
  it("links to the restore wizard with the service", () => {
    expect(restoreHref({ service: "cbr", id: "b1" })).toBe("/restore/b1?service=cbr");
    expect(restoreHref({ service: "csbs", id: "b1" })).toBe("/restore/b1");
  });
});

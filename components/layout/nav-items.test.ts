import { describe, expect, it } from "vitest";
import { isCurrentSection, navItems } from "./nav-items";

describe("isCurrentSection", () => {
  it("marks the overview only on the root", () => {
    expect(isCurrentSection("/", "/")).toBe(true);
    expect(isCurrentSection("/", "/backups")).toBe(false);
  });

  it("marks a section on its pages and sub-pages, not on look-alike paths", () => {
    expect(isCurrentSection("/backups", "/backups")).toBe(true);
    expect(isCurrentSection("/backups", "/backups/123")).toBe(true);
    expect(isCurrentSection("/backups", "/backupsx")).toBe(false);
  });

  it("lists the sections of the ui-guide in order, with Tasks after Vaults", () => {
    expect(navItems.map((i) => i.href)).toEqual([
      "/",
      "/backups",
      "/servers",
      "/policies",
      "/vaults",
      "/tasks",
      "/activity",
    ]);
  });
});

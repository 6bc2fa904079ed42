import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  autoExpandedSize,
  capacityAfter,
  checkAddResources,
  checkCreateSize,
  checkLockChange,
  checkLockedBackupDelete,
  checkMigration,
  checkRemoval,
  checkResize,
  checkResourceType,
  checkTag,
  checkTags,
  checkVaultDescription,
  checkVaultName,
  matchesBindRules,
  mergeTags,
  sameTags,
  tagChanges,
  usedGb,
} from "./rules";

describe("vault names", () => {
  it("takes 1–64 letters, digits, _ and -", () => {
    expect(checkVaultName("vault-f61e_2")).toBeNull();
    expect(checkVaultName("a".repeat(64))).toBeNull();
  });
  it("refuses empty, long and other characters", () => {
    expect(checkVaultName("")).toBe("name.empty");
    expect(checkVaultName("a".repeat(65))).toBe("name.tooLong");
    expect(checkVaultName("my vault")).toBe("name.chars");
    expect(checkVaultName("库")).toBe("name.chars");
    expect(checkVaultName("a.b")).toBe("name.chars");
  });
  it("limits the description to 64 characters", () => {
    expect(checkVaultDescription("x".repeat(64))).toBeNull();
    expect(checkVaultDescription("x".repeat(65))).toBe("description.tooLong");
  });
});

describe("capacity", () => {
  it("creates 10–10,485,760 GB, whole numbers", () => {
    expect(checkCreateSize(10)).toBeNull();
    expect(checkCreateSize(10_485_760)).toBeNull();
    expect(checkCreateSize(9)).toBe("size.belowMinimum");
    expect(checkCreateSize(10_485_761)).toBe("size.aboveMaximum");
    expect(checkCreateSize(10.5)).toBe("size.notInteger");
  });
  it("resizes upward only, never below what is used", () => {
    expect(checkResize(200, { sizeGb: 100, usedMb: 50_000 })).toBeNull();
    expect(checkResize(100, { sizeGb: 100, usedMb: 0 })).toBeNull();
    expect(checkResize(90, { sizeGb: 100, usedMb: 0 })).toBe("size.shrink");
    expect(checkResize(40, { sizeGb: 100, usedMb: 50 * 1024 })).toBe("size.belowUsed");
    expect(checkResize(150.5, { sizeGb: 100, usedMb: 0 })).toBe("size.notInteger");
    expect(checkResize(10_485_761, { sizeGb: 100, usedMb: 0 })).toBe("size.aboveMaximum");
  });
  it("rounds used space up to whole GB", () => {
    expect(usedGb(0)).toBe(0);
    expect(usedGb(1)).toBe(1);
    expect(usedGb(2048)).toBe(2);
  });
  it("auto-expands a full vault to 1.25 × its size, as often as the new backups need", () => {
    expect(autoExpandedSize(100)).toBe(125);
    expect(autoExpandedSize(10)).toBe(13);
    expect(autoExpandedSize(10_485_760)).toBe(10_485_760);
    const vault = { sizeGb: 100, usedMb: 100 * 1024, autoExpand: true };
    expect(capacityAfter(vault, 1)).toBe(125);
    expect(capacityAfter(vault, 30 * 1024)).toBe(157);
    expect(capacityAfter({ ...vault, autoExpand: false }, 1)).toBeNull();
    expect(capacityAfter({ ...vault, usedMb: 0 }, 1024)).toBe(100);
  });
});

describe("tags", () => {
  it("takes keys of 1–36 and values of 0–43 letters, digits, _ and -, trimmed", () => {
    expect(checkTag({ key: " env ", value: " prod " })).toBeNull();
    expect(checkTag({ key: "k".repeat(36), value: "v".repeat(43) })).toBeNull();
    expect(checkTag({ key: "env", value: "" })).toBeNull();
  });
  it("names what is wrong", () => {
    expect(checkTag({ key: "  ", value: "x" })).toBe("tag.keyEmpty");
    expect(checkTag({ key: "k".repeat(37), value: "" })).toBe("tag.keyTooLong");
    expect(checkTag({ key: "a=b", value: "" })).toBe("tag.keyChars");
    expect(checkTag({ key: "a/b", value: "" })).toBe("tag.keyChars");
    expect(checkTag({ key: "env", value: "v".repeat(44) })).toBe("tag.valueTooLong");
    expect(checkTag({ key: "env", value: "a,b" })).toBe("tag.valueChars");
  });
  it("refuses duplicate keys and more than 20 tags", () => {
    expect(
      checkTags([
        { key: "a", value: "" },
        { key: " a", value: "x" },
      ]),
    ).toEqual({
      index: 1,
      violation: "tag.duplicateKey",
    });
    const many = Array.from({ length: 21 }, (_, i) => ({ key: `k${i}`, value: "" }));
    expect(checkTags(many)?.violation).toBe("tag.tooMany");
    expect(checkTags(many.slice(0, 20))).toBeNull();
  });
  it("limits auto-bind rules to five tags", () => {
    const six = Array.from({ length: 6 }, (_, i) => ({ key: `k${i}`, value: "" }));
    expect(checkTags(six, 5)?.violation).toBe("bindRules.tooMany");
  });
  it("merges added tags over the current ones", () => {
    expect(
      mergeTags(
        [
          { key: "a", value: "1" },
          { key: "b", value: "2" },
        ],
        [{ key: "a ", value: "3" }],
      ),
    ).toEqual([
      { key: "a", value: "3" },
      { key: "b", value: "2" },
    ]);
  });
  it("turns one tag set into another with deletes and creates, touching nothing unchanged", () => {
    const current = [
      { key: "a", value: "1" },
      { key: "b", value: "2" },
      { key: "c", value: "3" },
    ];
    expect(
      tagChanges(current, [
        { key: "a", value: "1" },
        { key: "b", value: "9" },
        { key: "d", value: "" },
      ]),
    ).toEqual({
      remove: [{ key: "c", value: "3" }],
      set: [
        { key: "b", value: "9" },
        { key: "d", value: "" },
      ],
    });
    const tag = fc.record({
      key: fc.constantFrom("a", "b", "c", "d"),
      value: fc.constantFrom("", "1"),
    });
    const set = fc.uniqueArray(tag, { selector: (t) => t.key, maxLength: 4 });
    fc.assert(
      fc.property(set, set, (from, to) => {
        // Applying the changes as the tag API does gives the wanted set.
        const { remove, set: added } = tagChanges(from, to);
        const gone = new Set(remove.map((t) => t.key));
        const result = mergeTags(
          from.filter((t) => !gone.has(t.key)),
          added,
        );
        const byKey = (tags: { key: string; value: string }[]) =>
          [...tags].sort((x, y) => x.key.localeCompare(y.key));
        expect(byKey(result)).toEqual(byKey(to));
        expect(sameTags(result, to)).toBe(true);
      }),
    );
  });
  it("matches auto-bind rules on any tag, the value only when the rule gives one", () => {
    const tags = [{ key: "env", value: "prod" }];
    expect(matchesBindRules(tags, [{ key: "env" }])).toBe(true);
    expect(matchesBindRules(tags, [{ key: "env", value: "prod" }])).toBe(true);
    expect(matchesBindRules(tags, [{ key: "env", value: "dev" }])).toBe(false);
    expect(matchesBindRules(tags, [{ key: "team" }, { key: "env", value: "prod" }])).toBe(true);
    expect(matchesBindRules(tags, [])).toBe(false);
  });
});

describe("resources", () => {
  const serverVault = { id: "v1", objectType: "server", protectType: "backup", resourceCount: 0 };
  it("a server vault holds servers, a disk vault disks, a replication vault nothing", () => {
    expect(checkResourceType(serverVault, "OS::Nova::Server")).toBeNull();
    expect(checkResourceType(serverVault, "OS::Cinder::Volume")).toBe("resource.typeMismatch");
    expect(
      checkResourceType({ objectType: "disk", protectType: "backup" }, "OS::Cinder::Volume"),
    ).toBeNull();
    expect(
      checkResourceType({ objectType: "server", protectType: "replication" }, "OS::Nova::Server"),
    ).toBe("resource.replicationVault");
  });
  it("a resource sits in at most one vault", () => {
    const holder = (id: string) => (id === "s-other" ? "v2" : id === "s-here" ? "v1" : null);
    const server = (id: string) => ({ id, type: "OS::Nova::Server" });
    expect(checkAddResources(serverVault, [server("s-new")], holder)).toBeNull();
    expect(checkAddResources(serverVault, [server("s-new"), server("s-other")], holder)).toEqual({
      index: 1,
      violation: "resource.inOtherVault",
    });
    expect(checkAddResources(serverVault, [server("s-here")], holder)?.violation).toBe(
      "resource.alreadyInVault",
    );
    expect(checkAddResources(serverVault, [server("a"), server("a")], holder)?.violation).toBe(
      "resource.duplicate",
    );
    expect(
      checkAddResources({ ...serverVault, resourceCount: 256 }, [server("a")], holder)?.violation,
    ).toBe("resource.tooMany");
  });
  it("migrates to another unlocked vault of the same type with room", () => {
    const source = { id: "v1", objectType: "server", locked: false };
    const dest = {
      id: "v2",
      objectType: "server",
      protectType: "backup",
      locked: false,
      sizeGb: 10,
      usedMb: 0,
      autoExpand: false,
    };
    expect(checkMigration(source, dest, 1024)).toBeNull();
    expect(checkMigration(source, { ...dest, id: "v1" }, 0)).toBe("migrate.sameVault");
    expect(checkMigration({ ...source, locked: true }, dest, 0)).toBe("lock.forbidsMigration");
    expect(checkMigration(source, { ...dest, objectType: "disk" }, 0)).toBe("migrate.typeMismatch");
    expect(checkMigration(source, { ...dest, protectType: "replication" }, 0)).toBe(
      "migrate.typeMismatch",
    );
    expect(checkMigration(source, dest, 11 * 1024)).toBe("migrate.noRoom");
  });
  it("a locked vault keeps its resources", () => {
    expect(checkRemoval({ locked: false })).toBeNull();
    expect(checkRemoval({ locked: true })).toBe("lock.forbidsRemoval");
  });
});

describe("backup locking", () => {
  const now = new Date("2026-12-03T12:00:00Z");
  it("cannot be undone", () => {
    expect(checkLockChange(false, true)).toBeNull();
    expect(checkLockChange(true, true)).toBeNull();
    expect(checkLockChange(true, false)).toBe("lock.irreversible");
  });
  it("leaves manual backups deletable", () => {
    expect(
      checkLockedBackupDelete({ locked: true }, { autoTrigger: false, expiredAt: null }, now),
    ).toBeNull();
  });
  it("keeps policy backups until they expire", () => {
    const locked = { locked: true };
    expect(checkLockedBackupDelete(locked, { autoTrigger: true, expiredAt: null }, now)).toBe(
      "lock.policyBackup",
    );
    expect(
      checkLockedBackupDelete(
        locked,
        { autoTrigger: true, expiredAt: "2026-12-04T00:00:00Z" },
        now,
      ),
    ).toBe("lock.policyBackup");
    expect(
      checkLockedBackupDelete(
        locked,
        { autoTrigger: true, expiredAt: "2026-12-03T11:59:59Z" },
        now,
      ),
    ).toBeNull();
    expect(
      checkLockedBackupDelete({ locked: false }, { autoTrigger: true, expiredAt: null }, now),
    ).toBeNull();
  });
});

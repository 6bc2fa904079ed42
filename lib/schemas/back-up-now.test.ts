import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { backupNowConflicts, backupNowTarget, cbrNameMax } from "./back-up-now";
import { backupNameFor } from "./backups";

const vault = { id: "v1", name: "vault-prod-servers" };

describe("backupNowTarget", () => {
  it.each([
    [vault, true, { service: "cbr", vault }],
    [vault, false, { service: "cbr", vault }],
    [null, true, { service: "csbs" }],
    [null, false, { service: null }],
  ] as const)("vault %o, CSBS offered %s → %o", (v, offered, expected) => {
    expect(backupNowTarget(v, offered)).toEqual(expected);
  });
});

describe("backupNowConflicts", () => {
  const server = (id: string, excludeVolumes: string[] = []) => ({ id, excludeVolumes });
  const isCbr = (id: string) => id.startsWith("cbr");

  it("finds nothing to refuse when CSBS backs up every server", () => {
    expect(
      backupNowConflicts(
        {
          servers: [server("a", ["d1"]), server("b")],
          name: "x".repeat(250),
          tags: [{ key: "team", value: "ops" }],
        },
        isCbr,
      ),
    ).toEqual([]);
  });

  it("refuses tags, left-out disks of a CBR server and a name CBR cannot take, each at its field", () => {
    expect(
      backupNowConflicts(
        {
          servers: [server("a", ["d1"]), server("cbr-1", ["d2"])],
          name: "n".repeat(60),
          tags: [{ key: "team", value: "ops" }],
        },
        isCbr,
      ),
    ).toEqual([
      { field: "name", reason: "cbrName" },
      { field: "tags", reason: "cbrTags" },
      { field: "servers.1.excludeVolumes", reason: "cbrExclude" },
    ]);
  });

  it("takes the longest name whose suffixed form stays within CBR's 64 characters", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 64 }),
        fc.integer({ min: 1, max: 80 }),
        (count, length) => {
          const servers = Array.from({ length: count }, (_, i) => server(`cbr-${i}`));
          const name = "n".repeat(length);
          const fits = servers.every((_, i) => backupNameFor(name, i, count).length <= 64);
          const refused = backupNowConflicts({ servers, name, tags: [] }, isCbr).length > 0;
          expect(refused).toBe(!fits);
          expect(length <= cbrNameMax(count)).toBe(fits);
        },
      ),
    );
  });
});

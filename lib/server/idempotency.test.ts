import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  BUSY_HOLD_MS,
  type IdempotencyStore,
  memoryIdempotencyStore,
  type NewRestoreRecord,
  restoreFingerprint,
  sqliteIdempotencyStore,
} from "./idempotency";

const dir = mkdtempSync(join(tmpdir(), "idem-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const request = {
  service: "csbs" as const,
  backupId: "item-1",
  serverId: "srv-1",
  powerOn: true,
  mappings: [
    { backupId: "b-1", volumeId: "v-1" },
    { backupId: "b-2", volumeId: "v-2" },
  ],
};

function fresh(key: string, over: Partial<NewRestoreRecord> = {}): NewRestoreRecord {
  return {
    owner: "user@project",
    key,
    fingerprint: restoreFingerprint(request),
    service: "csbs",
    backupId: request.backupId,
    serverId: request.serverId,
    ...over,
  };
}

describe("restoreFingerprint", () => {
  it("ignores the order of the mappings", () => {
    const reversed = { ...request, mappings: [...request.mappings].reverse() };
    expect(restoreFingerprint(reversed)).toBe(restoreFingerprint(request));
  });

  it("changes with power on, the target or any mapping", () => {
    const base = restoreFingerprint(request);
    expect(restoreFingerprint({ ...request, powerOn: false })).not.toBe(base);
    expect(restoreFingerprint({ ...request, serverId: "srv-2" })).not.toBe(base);
    expect(
      restoreFingerprint({ ...request, mappings: [{ backupId: "b-1", volumeId: "v-2" }] }),
    ).not.toBe(base);
  });
});

const stores: [string, () => IdempotencyStore][] = [
  ["memory", () => memoryIdempotencyStore()],
  ["sqlite", () => sqliteIdempotencyStore(join(dir, `${Math.random()}.sqlite`))],
];

describe.each(stores)("%s idempotency store", (_, make) => {
  it("starts a new key once, then answers the same record", async () => {
    const store = make();
    const first = await store.begin(fresh("k1"), 1000);
    expect(first.kind).toBe("started");
    expect(first.record.state).toBe("submitting");
    const again = await store.begin(fresh("k1"), 1001);
    expect(again).toMatchObject({ kind: "existing", record: { key: "k1", createdAt: 1000 } });
  });

  it("refuses the key with another payload", async () => {
    const store = make();
    await store.begin(fresh("k1"), 1000);
    const other = await store.begin(fresh("k1", { fingerprint: "other" }), 1001);
    expect(other.kind).toBe("mismatch");
  });

  it("holds a backup while a restore of it is live, across keys", async () => {
    const store = make();
    await store.begin(fresh("k1"), 1000);
    expect((await store.begin(fresh("k2"), 1001)).kind).toBe("busy");
    await store.update("user@project", "k1", { state: "accepted", restoreId: "r-1" }, 1002);
    const busy = await store.begin(fresh("k2"), 1003);
    expect(busy).toMatchObject({ kind: "busy", record: { key: "k1", restoreId: "r-1" } });
    // Another backup is not held.
    expect((await store.begin(fresh("k3", { backupId: "item-2" }), 1004)).kind).toBe("started");
    await store.update("user@project", "k1", { state: "finished", outcome: "succeeded" }, 1005);
    expect((await store.begin(fresh("k2"), 1006)).kind).toBe("started");
  });

  it("holds a backup per project: another project's live restore of the same id holds nothing here", async () => {
    const store = make();
    await store.begin(fresh("k1", { owner: "alice@project-a" }), 1000);
    expect((await store.begin(fresh("k2", { owner: "bob@project-a" }), 1001)).kind).toBe("busy");
    expect((await store.begin(fresh("k3", { owner: "bob@project-b" }), 1002)).kind).toBe("started");
  });

  it("lets a stale live record go", async () => {
    const store = make();
    await store.begin(fresh("k1"), 1000);
    expect((await store.begin(fresh("k2"), 1000 + BUSY_HOLD_MS)).kind).toBe("started");
  });

  it("gives a refused key back", async () => {
    const store = make();
    await store.begin(fresh("k1"), 1000);
    await store.release("user@project", "k1");
    expect(await store.get("user@project", "k1")).toBeNull();
    const retry = await store.begin(fresh("k1", { fingerprint: "corrected" }), 1001);
    expect(retry.kind).toBe("started");
  });

  it("keeps keys apart per owner", async () => {
    const store = make();
    await store.begin(fresh("k1"), 1000);
    expect(await store.get("someone-else", "k1")).toBeNull();
  });

  it("updates and purges", async () => {
    const store = make();
    await store.begin(fresh("k1"), 1000);
    await store.update("user@project", "k1", { state: "in_doubt" }, 2000);
    expect(await store.get("user@project", "k1")).toMatchObject({
      state: "in_doubt",
      updatedAt: 2000,
    });
    await store.purgeOlderThan(1500);
    expect(await store.get("user@project", "k1")).toBeNull();
  });
});

describe("sqlite idempotency store", () => {
  it("is shared by two handles on the same file (two processes of one console)", async () => {
    const path = join(dir, "shared.sqlite");
    const a = sqliteIdempotencyStore(path);
    const b = sqliteIdempotencyStore(path);
    expect((await a.begin(fresh("k1"), 1000)).kind).toBe("started");
    expect((await b.begin(fresh("k1"), 1001)).kind).toBe("existing");
    expect((await b.begin(fresh("k2"), 1001)).kind).toBe("busy");
  });
});

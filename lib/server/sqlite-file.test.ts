import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { sqliteLoginThrottle } from "@/lib/auth/sqlite-login-throttle";
import { sqliteIdempotencyStore } from "./idempotency";
import { openPrivateDatabase } from "./sqlite-file";

const dir = mkdtempSync(join(tmpdir(), "cbc-sqlite-mode-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The bits that let the group or others read or write (a 022 umask leaves 0644 files). */
const shared = (path: string) => statSync(path).mode & 0o077;

describe("the console's SQLite files", () => {
  it("are the console user's only, the database and its WAL files, whatever the umask", async () => {
    const folder = join(dir, "new", "data");
    const path = join(folder, "x.sqlite");
    const db = openPrivateDatabase(path);
    db.pragma("journal_mode = WAL");
    db.exec("CREATE TABLE t (v TEXT); INSERT INTO t VALUES ('sealed token')");
    for (const file of [path, `${path}-wal`, `${path}-shm`]) {
      expect(existsSync(file), file).toBe(true);
      expect(shared(file), file).toBe(0);
    }
    expect(shared(folder)).toBe(0);
    db.close();
  });

  it("are made so by the stores that hold restore records and sign-in failures", async () => {
    const restores = join(dir, "restores.sqlite");
    await sqliteIdempotencyStore(restores).purgeOlderThan(0);
    const throttle = join(dir, "throttle.sqlite");
    await sqliteLoginThrottle({ path: throttle }).reserve({
      account: "demo",
      user: "admin",
      address: "192.0.2.1",
    });
    for (const file of [restores, throttle]) expect(shared(file), file).toBe(0);
  });
});

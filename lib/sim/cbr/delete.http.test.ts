// DELETE /cbr/v3/{project_id}/backups/{backup_id} over real HTTP: 204 at once, then waiting_delete
// → deleting → gone with a `delete` operation log, five at a time, and the refusals.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSim, type TestSim } from "../testing/start";
import { callCbr, type Json, until as untilWithin } from "./test-kit";

let sim: TestSim;
let token: string;
let projectId: string;

beforeAll(async () => {
  sim = await startTestSim({
    reset: true,
    durations: { protectMs: 1_500, restoreMs: 1_500, deleteMs: 700, tickMs: 100 },
  });
  ({ token, projectId } = await sim.adminToken());
});

afterAll(async () => {
  await sim?.close();
});

const call = (method: string, path: string, body?: unknown, as?: string) =>
  callCbr(sim, { token, projectId }, method, path, body, { token: as });
const get = (path: string) => call("GET", path);
/** Deletions queue five at a time: a longer wait than the other CBR lifecycles. */
const until = <T>(probe: () => Promise<T | undefined>) => untilWithin(probe, 10_000);
const remove = (id: string, as?: string) => call("DELETE", `/backups/${id}`, undefined, as);

function expectRefused(res: { status: number; json: Json }, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.json).toEqual({ error_code: code, error_msg: expect.any(String) });
}

async function vaultNamed(name: string): Promise<Json> {
  const { json } = await get(`/vaults?name=${name}`);
  const vault = json.vaults.find((v: Json) => v.name === name);
  if (!vault) throw new Error(`no vault ${name}`);
  return vault;
}

/** Available backups of a vault, oldest first, none the newest of its resource. */
async function olderBackups(vaultName: string): Promise<Json[]> {
  const vault = await vaultNamed(vaultName);
  const { json } = await get(`/backups?vault_id=${vault.id}&status=available&limit=1000`);
  const seen = new Set<string>();
  const older: Json[] = [];
  // Newest first: the first backup met for each resource is its newest.
  for (const b of json.backups as Json[]) {
    if (seen.has(b.resource_id)) older.push(b);
    seen.add(b.resource_id);
  }
  return older.reverse();
}

describe("deleting a CBR backup", () => {
  it("answers 204 with no body, then waiting_delete/deleting, then gone, followed by a log", async () => {
    const before = await vaultNamed("vault-prod-servers");
    const [backup] = await olderBackups("vault-prod-servers");
    if (!backup) throw new Error("no backup to delete");
    const res = await remove(backup.id);
    expect(res.status).toBe(204);
    expect(res.text).toBe("");

    const during = await get(`/backups/${backup.id}`);
    expect(["waiting_delete", "deleting"]).toContain(during.json.backup.status);
    expectRefused(await remove(backup.id), 400, "BackupService.6201");

    const logs = await get(
      `/operation-logs?operation_type=delete&resource_id=${backup.resource_id}`,
    );
    const log = logs.json.operation_logs[0];
    expect(log).toMatchObject({
      operation_type: "delete",
      status: "running",
      vault_id: before.id,
      checkpoint_id: backup.checkpoint_id,
      extra_info: { backup: { backup_id: backup.id, backup_name: backup.name } },
    });

    await until(async () =>
      (await get(`/backups/${backup.id}`)).status === 404 ? true : undefined,
    );
    expectRefused(await get(`/backups/${backup.id}`), 404, "BackupService.6200");
    const listed = await get(`/backups?vault_id=${before.id}&limit=1000`);
    expect(listed.json.backups.some((b: Json) => b.id === backup.id)).toBe(false);
    const done = await get(`/operation-logs/${log.id}`);
    expect(done.json.operation_log).toMatchObject({
      status: "success",
      ended_at: expect.any(String),
      extra_info: { common: { progress: 100 } },
    });
    const after = await vaultNamed("vault-prod-servers");
    expect(after.billing.used).toBeLessThan(before.billing.used);
  });

  it("runs five deletions at once and queues the rest", async () => {
    const backups = (await olderBackups("vault-prod-servers")).slice(0, 7);
    expect(backups).toHaveLength(7);
    for (const b of backups) expect((await remove(b.id)).status).toBe(204);
    const statuses = await Promise.all(
      backups.map(async (b) => (await get(`/backups/${b.id}`)).json.backup?.status),
    );
    expect(statuses.filter((s) => s === "deleting")).toHaveLength(5);
    expect(statuses.filter((s) => s === "waiting_delete")).toHaveLength(2);
    const waiting = await get("/operation-logs?operation_type=delete&status=waiting");
    expect(waiting.json.count).toBe(2);
    await until(async () => {
      const gone = await Promise.all(backups.map((b) => get(`/backups/${b.id}`)));
      return gone.every((r) => r.status === 404) ? true : undefined;
    });
  });

  it("deletes a failed backup", async () => {
    const { json } = await get("/backups?status=error&limit=1");
    const failed = json.backups[0];
    expect((await remove(failed.id)).status).toBe(204);
    await until(async () =>
      (await get(`/backups/${failed.id}`)).status === 404 ? true : undefined,
    );
  });

  it("refuses unknown, malformed, frozen and busy backups, and the read-only user; deletes a manual backup of a locked vault and keeps its policy backup", async () => {
    expectRefused(await remove("4827f2da-b008-4507-ab7d-42d0df5ed912"), 404, "BackupService.6200");
    expectRefused(await remove("not-a-uuid"), 400, "BackupService.9900");

    const locked = await vaultNamed("vault-dev-servers");
    expect(locked.locked).toBe(true);
    // Backup locking keeps policy backups only (vault-admin.http.test.ts): manual ones stay deletable.
    const kept = await olderBackups("vault-dev-servers");
    const manual = kept.find((b) => b.extend_info.auto_trigger === false);
    const policyMade = kept.find((b) => b.extend_info.auto_trigger === true);
    expect(manual && policyMade).toBeTruthy();
    expect((await remove(manual?.id)).status).toBe(204);
    expectRefused(await remove(policyMade?.id), 400, "BackupService.6220");

    const frozen = await vaultNamed("vault-archive-frozen");
    const inFrozen = await get(`/backups?vault_id=${frozen.id}&limit=1`);
    expect(inFrozen.json.backups.length).toBe(1);
    expectRefused(await remove(inFrozen.json.backups[0].id), 400, "BackupService.6201");

    const { token: auditor } = await sim.auditorToken();
    const [backup] = await olderBackups("vault-prod-servers");
    if (!backup) throw new Error("no backup");
    expect((await remove(backup.id, auditor)).status).toBe(403);
    expect((await get(`/backups/${backup.id}`)).json.backup.status).toBe("available");
  });

  it("refuses a backup that is being restored", async () => {
    const disks = await vaultNamed("vault-data-disks");
    const { json } = await get(`/backups?vault_id=${disks.id}&status=available&limit=1`);
    const backup = json.backups[0];
    const restore = await call("POST", `/backups/${backup.id}/restore`, {
      restore: { volume_id: backup.resource_id },
    });
    expect(restore.status).toBe(202);
    expectRefused(await remove(backup.id), 400, "BackupService.6201");
    await until(async () =>
      (await get(`/backups/${backup.id}`)).json.backup.status === "available" ? true : undefined,
    );
  });

  it("refuses the newest backup of a resource while a new backup of it runs", async () => {
    const disks = await vaultNamed("vault-data-disks");
    const resource = disks.resources[0];
    const newest = (
      await get(`/backups?vault_id=${disks.id}&resource_id=${resource.id}&status=available&limit=1`)
    ).json.backups[0];
    const checkpoint = await call("POST", "/checkpoints", {
      checkpoint: { vault_id: disks.id, parameters: { resources: [resource.id] } },
    });
    expect(checkpoint.status).toBe(200);
    expectRefused(await remove(newest.id), 400, "BackupService.6201");
  });
});

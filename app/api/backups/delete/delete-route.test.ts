import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { BackupDetail } from "@/lib/schemas/backups";
import { auditStore, setAuditStoreForTests } from "@/lib/server/audit";
import {
  idParams,
  noParams,
  type RouteHarness,
  startRouteHarness,
} from "@/lib/testing/route-harness";
import { GET as getOne } from "../[id]/route";
import { POST as remove } from "./route";

let h: RouteHarness;
const request: RouteHarness["request"] = (...args) => h.request(...args);

beforeAll(async () => {
  vi.spyOn(console, "info").mockImplementation(() => {});
  h = await startRouteHarness({ project: "eu-west-0" });
  setAuditStoreForTests();
});
afterAll(async () => {
  setAuditStoreForTests();
  await h.close();
});

type CbrBackup = {
  id: string;
  name: string;
  resource_id: string;
  vault_id: string;
  extend_info?: { auto_trigger?: boolean };
};

/** Straight from the simulator: CBR backups of a vault, newest first. */
async function cbrBackups(vaultName: string, status = "available"): Promise<CbrBackup[]> {
  const { token, projectId } = await h.sim.adminToken();
  const cbr = (path: string) =>
    fetch(`${h.sim.url}/cbr/v3/${projectId}${path}`, { headers: { "x-auth-token": token } }).then(
      (r) => r.json() as Promise<Record<string, unknown>>,
    );
  const vaults = (await cbr(`/vaults?name=${vaultName}`)).vaults as { id: string; name: string }[];
  const vault = vaults.find((v) => v.name === vaultName);
  if (!vault) throw new Error(`no vault ${vaultName}`);
  return (await cbr(`/backups?vault_id=${vault.id}&status=${status}&limit=1000`))
    .backups as CbrBackup[];
}

/** A backup that is not the newest of its resource (that one may be held by a running backup). */
async function olderBackup(vaultName: string): Promise<CbrBackup> {
  const seen = new Set<string>();
  for (const b of await cbrBackups(vaultName)) {
    if (seen.has(b.resource_id)) return b;
    seen.add(b.resource_id);
  }
  throw new Error("no older backup");
}

async function simChanges(): Promise<number> {
  return ((await (await fetch(`${h.sim.url}/_sim/stats`)).json()) as { changes: number }).changes;
}

describe("POST /api/backups/delete for CBR", () => {
  it("deletes a CBR backup once, even when asked twice; the backup moves to deleting", async () => {
    const backup = await olderBackup("vault-prod-servers");
    await fetch(`${h.sim.url}/_sim/stats/reset`, { method: "POST" });
    const res = await remove(
      request("POST", "/api/backups/delete", {
        service: "cbr",
        items: [{ id: backup.id }, { id: backup.id }],
      }),
      noParams,
    );
    expect(res.status).toBe(200);
    expect((await res.json()).results).toEqual([
      { id: backup.id, ok: true },
      { id: backup.id, ok: true },
    ]);
    expect(await simChanges()).toBe(1);
    const detail = (await (
      await getOne(request("GET", `/api/backups/${backup.id}?service=cbr`), idParams(backup.id))
    ).json()) as BackupDetail;
    expect(["waiting_delete", "deleting"]).toContain(detail.row.status);
  });

  it("answers each backup on its own: a locked vault's policy backup and an unknown backup are refused", async () => {
    const backup = await olderBackup("vault-prod-servers");
    // Backup locking keeps the policy's backups until they expire; manual ones stay deletable.
    const locked = (await cbrBackups("vault-dev-servers")).find(
      (b) => b.extend_info?.auto_trigger === true,
    );
    const unknown = "4827f2da-b008-4507-ab7d-42d0df5ed912";
    if (!locked) throw new Error("no backup in the locked vault");
    const res = await remove(
      request("POST", "/api/backups/delete", {
        service: "cbr",
        items: [{ id: locked.id }, { id: backup.id }, { id: unknown }],
      }),
      noParams,
    );
    expect(res.status).toBe(200);
    const { results } = (await res.json()) as {
      results: { id: string; ok: boolean; error?: { code: string; message: string } }[];
    };
    expect(results).toEqual([
      {
        id: locked.id,
        ok: false,
        error: { code: "BackupService.6220", message: expect.any(String) },
      },
      { id: backup.id, ok: true },
      {
        id: unknown,
        ok: false,
        error: { code: "BackupService.6200", message: expect.any(String) },
      },
    ]);

    const trail = await auditStore().list({
      account: "demo",
      actions: ["backup.delete"],
      limit: 10,
      offset: 0,
    });
    const of = (id: string) => trail.items.find((e) => e.target === id);
    expect(of(backup.id)).toMatchObject({ result: "succeeded", detail: "cbr", user: "admin" });
    expect(of(locked.id)).toMatchObject({ result: "failed", detail: "BackupService.6220" });
  });

  it("refuses ids that are not UUIDs, and a CSBS body without its checkpoint, before the cloud", async () => {
    await fetch(`${h.sim.url}/_sim/stats/reset`, { method: "POST" });
    const bad = await remove(
      request("POST", "/api/backups/delete", { service: "cbr", items: [{ id: "../vaults" }] }),
      noParams,
    );
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatchObject({ code: "VALIDATION", field: "items.0.id" });
    const csbs = await remove(
      request("POST", "/api/backups/delete", {
        service: "csbs",
        scope: "item",
        items: [{ id: "4827f2da-b008-4507-ab7d-42d0df5ed912" }],
      }),
      noParams,
    );
    expect(csbs.status).toBe(400);
    expect((await csbs.json()).error.field).toBe("items.0.checkpointId");
    const service = await remove(
      request("POST", "/api/backups/delete", { service: "vbs", items: [] }),
      noParams,
    );
    expect(service.status).toBe(400);
    expect((await service.json()).error.field).toBe("service");
    expect(await simChanges()).toBe(0);
  });
});

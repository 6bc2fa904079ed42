// CBR v3 over real HTTP against a whole simulator (sim-core's startTestSim): the request samples of
// the seeds and the reference answered with the documented shapes, the rules, and the lifecycles.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSim, type TestSim } from "../testing/start";
import { callCbr, type Json, until } from "./test-kit";

let sim: TestSim;
let token: string;
let projectId: string;

beforeAll(async () => {
  sim = await startTestSim({
    reset: true,
    durations: { protectMs: 1_500, restoreMs: 1_000, tickMs: 100 },
  });
  ({ token, projectId } = await sim.adminToken());
});

afterAll(async () => {
  await sim?.close();
});

const call = (
  method: string,
  path: string,
  body?: unknown,
  options: { token?: string; raw?: string } = {},
) => callCbr(sim, { token, projectId }, method, path, body, options);

const get = (path: string) => call("GET", path);

async function vaultNamed(name: string): Promise<Json> {
  const { json } = await get(`/vaults?name=${name}`);
  const vault = json.vaults.find((v: Json) => v.name === name);
  if (!vault) throw new Error(`no vault ${name}`);
  return vault;
}

/** Waits until no backup of the project is protecting or restoring. */
async function settled(): Promise<void> {
  await until(async () => {
    const { json } = await get("/backups?status=protecting&status=restoring");
    return json.count === 0 ? true : undefined;
  });
}

function expectCbrError(res: { status: number; json: Json }, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.json).toEqual({ error_code: code, error_msg: expect.any(String) });
}

const uuid = expect.stringMatching(/^[0-9a-f-]{36}$/);
const cbrTime = expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/);

describe("vaults", () => {
  it("lists vaults with the documented shape, count, limit and offset", async () => {
    const { status, json } = await get("/vaults");
    expect(status).toBe(200);
    expect(json).toMatchObject({ count: 5, limit: 1000, offset: 0 });
    const vault = json.vaults[0];
    expect(vault).toMatchObject({
      id: uuid,
      name: "vault-prod-servers",
      project_id: projectId,
      provider_id: "0daac4c5-6707-4851-97ba-169e36266b66",
      created_at: cbrTime,
      auto_bind: false,
      locked: false,
      billing: {
        object_type: "server",
        spec_code: "vault.backup.server.normal",
        status: "available",
        protect_type: "backup",
        charging_mode: "post_paid",
        size: expect.any(Number),
        used: expect.any(Number),
      },
    });
    // The reference's vault has no policy field: a vault's policies are read from /policies.
    expect(vault).not.toHaveProperty("policy_id");
    expect(vault.billing.used).toBeGreaterThan(0);
    expect(vault.billing.used).toBeLessThanOrEqual(vault.billing.size * 1024);
    expect(vault.resources.length).toBeGreaterThan(0);
    expect(vault.resources[0]).toMatchObject({
      id: uuid,
      type: "OS::Nova::Server",
      protect_status: expect.stringMatching(/^(available|protecting)$/),
      size: expect.any(Number),
      backup_count: expect.any(Number),
      backup_size: expect.any(Number),
      extra_info: { exclude_volumes: [] },
    });
  });

  it("filters by type, status, name and resource, and pages with limit/offset", async () => {
    const disk = await get("/vaults?object_type=disk");
    expect(disk.json.vaults.map((v: Json) => v.billing.object_type)).toEqual(["disk", "disk"]);
    const frozen = await get("/vaults?status=frozen");
    expect(frozen.json.vaults.map((v: Json) => v.name)).toEqual(["vault-archive-frozen"]);
    const prod = await vaultNamed("vault-prod-servers");
    const byResource = await get(`/vaults?resource_ids=${prod.resources[0].id}`);
    expect(byResource.json.vaults.map((v: Json) => v.id)).toEqual([prod.id]);
    const policies = await get(`/policies?vault_id=${prod.id}`);
    const byPolicy = await get(`/vaults?policy_id=${policies.json.policies[0].id}`);
    expect(byPolicy.json.vaults.map((v: Json) => v.id)).toEqual([prod.id]);
    const page = await get("/vaults?limit=2&offset=2");
    expect(page.json).toMatchObject({ count: 5, limit: 2, offset: 2 });
    expect(page.json.vaults.map((v: Json) => v.name)).toEqual(["vault-data-disks", "vault-empty"]);
  });

  it("shows one vault, and refuses unknown or malformed ids", async () => {
    const prod = await vaultNamed("vault-prod-servers");
    const shown = await get(`/vaults/${prod.id}`);
    expect(shown.status).toBe(200);
    expect(shown.json.vault).toEqual(prod);
    expectCbrError(
      await get("/vaults/3b5816b5-f29c-4172-9d9a-76c719a659ce"),
      404,
      "BackupService.6105",
    );
    expectCbrError(await get("/vaults/not-an-id"), 400, "BackupService.9900");
    expectCbrError(await get("/vaults?limit=0"), 400, "BackupService.9900");
    expectCbrError(await get("/vaults?object_type=tape"), 400, "BackupService.9900");
  });
});

describe("backups", () => {
  it("lists backups with filters, repeatable status, sort and paging", async () => {
    await settled();
    const all = await get("/backups");
    expect(all.status).toBe(200);
    expect(all.json).toMatchObject({ count: expect.any(Number), limit: 1000, offset: 0 });
    expect(all.json.count).toBeGreaterThan(100);
    const created = all.json.backups.map((b: Json) => b.created_at);
    expect(created).toEqual([...created].sort().reverse());

    const twoStatuses = await get("/backups?status=available&status=error");
    const statuses = new Set(twoStatuses.json.backups.map((b: Json) => b.status));
    expect([...statuses].sort()).toEqual(["available", "error"]);
    const errors = await get("/backups?status=error");
    const available = await get("/backups?status=available");
    expect(twoStatuses.json.count).toBe(errors.json.count + available.json.count);

    const disks = await vaultNamed("vault-data-disks");
    const inVault = await get(`/backups?vault_id=${disks.id}&resource_type=OS::Cinder::Volume`);
    expect(inVault.json.count).toBeGreaterThan(0);
    for (const b of inVault.json.backups) {
      expect(b).toMatchObject({
        vault_id: disks.id,
        provider_id: "d1603440-187d-4516-af25-121250c7cc97",
        children: [],
      });
    }

    const byName = await get("/backups?sort=name:asc,created_at:desc&limit=5&offset=3");
    expect(byName.json).toMatchObject({ limit: 5, offset: 3, count: all.json.count });
    const names = byName.json.backups.map((b: Json) => b.name);
    expect(names).toEqual([...names].sort());

    const first = all.json.backups[0];
    const byCheckpoint = await get(`/backups?checkpoint_id=${first.checkpoint_id}`);
    expect(
      byCheckpoint.json.backups.every((b: Json) => b.checkpoint_id === first.checkpoint_id),
    ).toBe(true);
    const since = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 19);
    const recent = await get(`/backups?start_time=${since}Z`);
    expect(recent.json.count).toBeGreaterThan(0);
    expect(recent.json.count).toBeLessThan(all.json.count);

    const marker = all.json.backups[9].id;
    const afterMarker = await get(`/backups?marker=${marker}&limit=3`);
    expect(afterMarker.json.backups.map((b: Json) => b.id)).toEqual(
      all.json.backups.slice(10, 13).map((b: Json) => b.id),
    );

    expectCbrError(await get("/backups?status=lost"), 400, "BackupService.9900");
    expectCbrError(await get("/backups?sort=size:asc"), 400, "BackupService.9900");
    expectCbrError(await get("/backups?start_time=yesterday"), 400, "BackupService.9900");
    expectCbrError(await get("/backups?limit=1001"), 400, "BackupService.9900");
  });

  it("shows a server backup with one child per disk, as the reference sample", async () => {
    const { json: list } = await get("/backups?resource_type=OS::Nova::Server&status=available");
    const summary = list.backups[0];
    const { status, json } = await get(`/backups/${summary.id}`);
    expect(status).toBe(200);
    const backup = json.backup;
    expect(backup).toMatchObject({
      id: summary.id,
      provider_id: "0daac4c5-6707-4851-97ba-169e36266b66",
      checkpoint_id: uuid,
      vault_id: uuid,
      image_type: "backup",
      resource_id: uuid,
      resource_type: "OS::Nova::Server",
      resource_size: expect.any(Number),
      status: "available",
      created_at: cbrTime,
      protected_at: cbrTime,
      extend_info: {
        auto_trigger: expect.any(Boolean),
        supported_restore_mode: "backup",
        contain_system_disk: true,
      },
    });
    const volumes = await fetch(`${sim.url}/evs/v2/${projectId}/volumes/detail`, {
      headers: { "x-auth-token": token },
    }).then((r) => r.json() as Promise<Json>);
    const attached = volumes.volumes.filter((v: Json) =>
      v.attachments.some((a: Json) => a.server_id === backup.resource_id),
    );
    expect(backup.children.map((c: Json) => c.resource_id).sort()).toEqual(
      attached.map((v: Json) => v.id).sort(),
    );
    for (const child of backup.children) {
      expect(child).toMatchObject({
        id: uuid,
        parent_id: backup.id,
        resource_type: "OS::Cinder::Volume",
        checkpoint_id: backup.checkpoint_id,
        status: backup.status,
        children: [],
        extend_info: { bootable: expect.any(Boolean), snapshot_id: uuid },
      });
    }
    expect(backup.children.filter((c: Json) => c.extend_info.bootable)).toHaveLength(1);
    const children = await get(`/backups?parent_id=${backup.id}`);
    expect(children.json.backups.map((c: Json) => c.id)).toEqual(
      backup.children.map((c: Json) => c.id),
    );
    expectCbrError(
      await get("/backups/6df2b54c-dd62-4059-a07c-1b8f24f2725d"),
      404,
      "BackupService.6200",
    );
  });

  it("renames a backup (seed 002) and refuses names outside 1-64 of [A-Za-z0-9_-]", async () => {
    const { json: list } = await get("/backups?limit=1");
    const id = list.backups[0].id;
    const renamed = await call("PUT", `/backups/${id}`, {
      backup: { name: "renamed_backup-01", description: "kept for the audit" },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.json.backup).toMatchObject({
      id,
      name: "renamed_backup-01",
      description: "kept for the audit",
      updated_at: cbrTime,
    });
    expect((await get(`/backups/${id}`)).json.backup.name).toBe("renamed_backup-01");
    for (const name of ["", "x".repeat(65), "with space", "ümlaut", "a.b"]) {
      expectCbrError(
        await call("PUT", `/backups/${id}`, { backup: { name } }),
        400,
        "BackupService.9900",
      );
    }
    expect((await call("PUT", `/backups/${id}`, { backup: { name: "x".repeat(64) } })).status).toBe(
      200,
    );
    expectCbrError(
      await call("PUT", `/backups/${id}`, { backup: { description: "d".repeat(256) } }),
      400,
      "BackupService.9900",
    );
    // The seed's own sample body (`{"backup": "string"}`) is malformed: refused as such.
    expectCbrError(
      await call("PUT", `/backups/${id}`, { backup: "string" }),
      400,
      "BackupService.9900",
    );
    expectCbrError(
      await call("PUT", `/backups/${id}`, undefined, { raw: "{not json" }),
      400,
      "BackupService.9900",
    );
    expectCbrError(
      await call("PUT", "/backups/6df2b54c-dd62-4059-a07c-1b8f24f2725d", { backup: { name: "a" } }),
      404,
      "BackupService.6200",
    );
    const auditor = await sim.auditorToken();
    const denied = await call("PUT", `/backups/${id}`, { backup: { name: "nope" } }, auditor);
    expect(denied.status).toBe(403);
  });
});

describe("checkpoints", () => {
  it("backs up a whole vault (seed 004) and the backups reach available", async () => {
    await settled();
    const vault = await vaultNamed("vault-dev-servers");
    const { status, json } = await call("POST", "/checkpoints", {
      checkpoint: {
        parameters: {
          auto_trigger: false,
          description: "backup_description",
          incremental: true,
          name: "backup_name",
        },
        vault_id: vault.id,
      },
    });
    expect(status).toBe(200);
    const checkpoint = json.checkpoint;
    expect(checkpoint).toMatchObject({
      id: uuid,
      project_id: projectId,
      status: "protecting",
      created_at: cbrTime,
      vault: { id: vault.id, name: vault.name, skipped_resources: [] },
      extra_info: {
        name: "backup_name",
        description: "backup_description",
        retention_duration: -1,
      },
    });
    expect(checkpoint.vault.resources.map((r: Json) => r.id)).toEqual(
      vault.resources.map((r: Json) => r.id),
    );
    expect(checkpoint.vault.resources[0]).toMatchObject({
      type: "OS::Nova::Server",
      protect_status: "protecting",
      resource_size: expect.any(Number),
    });

    const running = await get(`/backups?checkpoint_id=${checkpoint.id}`);
    expect(running.json.count).toBe(vault.resources.length);
    expect(running.json.backups.every((b: Json) => b.status === "protecting")).toBe(true);
    expect((await get(`/vaults/${vault.id}`)).json.vault.resources[0].protect_status).toBe(
      "protecting",
    );

    const done = await until(async () => {
      const { json: cp } = await get(`/checkpoints/${checkpoint.id}`);
      return cp.checkpoint.status === "available" ? cp.checkpoint : undefined;
    });
    expect(done.vault.resources.every((r: Json) => r.protect_status === "available")).toBe(true);
    const finished = await get(`/backups?checkpoint_id=${checkpoint.id}`);
    for (const backup of finished.json.backups) {
      expect(backup).toMatchObject({
        status: "available",
        name: "backup_name",
        protected_at: cbrTime,
      });
      expect(backup.children.length).toBeGreaterThan(0);
    }
    const logs = await get(`/operation-logs?checkpoint_id=${checkpoint.id}`);
    expect(logs.json.operation_logs.map((l: Json) => [l.operation_type, l.status])).toEqual(
      vault.resources.map(() => ["backup", "success"]),
    );
    expect(logs.json.operation_logs[0].extra_info).toMatchObject({
      common: { progress: 100 },
      backup: { backup_name: "backup_name", incremental: expect.stringMatching(/^(true|false)$/) },
    });
  });

  it("backs up a subset and skips the resource that is already being backed up", async () => {
    await settled();
    const vault = await vaultNamed("vault-prod-servers");
    const [busy, free] = vault.resources;
    const first = await call("POST", "/checkpoints", {
      checkpoint: { vault_id: vault.id, parameters: { resources: [busy.id] } },
    });
    expect(first.status).toBe(200);
    const second = await call("POST", "/checkpoints", {
      checkpoint: {
        vault_id: vault.id,
        parameters: {
          name: "subset",
          resource_details: [
            { id: busy.id, type: "OS::Nova::Server", name: busy.name },
            { id: free.id, type: "OS::Nova::Server", name: free.name },
          ],
        },
      },
    });
    expect(second.status).toBe(200);
    expect(second.json.checkpoint.vault.resources.map((r: Json) => r.id)).toEqual([free.id]);
    expect(second.json.checkpoint.vault.skipped_resources).toEqual([
      {
        id: busy.id,
        type: "OS::Nova::Server",
        name: busy.name,
        code: "BackupService.0002",
        reason: "The resource is being backed up.",
      },
    ]);
    const shown = await get(`/checkpoints/${second.json.checkpoint.id}`);
    expect(shown.json.checkpoint.vault.skipped_resources).toHaveLength(1);

    expectCbrError(
      await call("POST", "/checkpoints", {
        checkpoint: { vault_id: vault.id, parameters: { resources: [busy.id] } },
      }),
      400,
      "BackupService.0001",
    );
    await settled();
  });

  it("refuses an empty vault, a frozen vault, foreign resources and bad parameters", async () => {
    const empty = await vaultNamed("vault-empty");
    expectCbrError(
      await call("POST", "/checkpoints", { checkpoint: { vault_id: empty.id } }),
      400,
      "BackupService.0001",
    );
    const frozen = await vaultNamed("vault-archive-frozen");
    expectCbrError(
      await call("POST", "/checkpoints", { checkpoint: { vault_id: frozen.id } }),
      400,
      "BackupService.6113",
    );
    const prod = await vaultNamed("vault-prod-servers");
    expectCbrError(
      await call("POST", "/checkpoints", {
        checkpoint: { vault_id: prod.id, parameters: { resources: [frozen.resources[0].id] } },
      }),
      400,
      "BackupService.6135",
    );
    expectCbrError(
      await call("POST", "/checkpoints", {
        checkpoint: { vault_id: prod.id, parameters: { name: "bad name" } },
      }),
      400,
      "BackupService.9900",
    );
    expectCbrError(
      await call("POST", "/checkpoints", {
        checkpoint: { vault_id: prod.id, parameters: { description: "d".repeat(256) } },
      }),
      400,
      "BackupService.9900",
    );
    expectCbrError(
      await call("POST", "/checkpoints", { checkpoint: {} }),
      400,
      "BackupService.9900",
    );
    expectCbrError(
      await call("POST", "/checkpoints", {
        checkpoint: { vault_id: "3b5816b5-f29c-4172-9d9a-76c719a659ce" },
      }),
      404,
      "BackupService.6105",
    );
    expectCbrError(
      await get("/checkpoints/8b0851a8-adf3-4f4c-a914-dead08bf9664"),
      404,
      "BackupService.6217",
    );
  });
});

describe("the simulated clock", () => {
  it("finishes a backup as soon as the clock has moved past its duration", async () => {
    await settled();
    const vault = await vaultNamed("vault-data-disks");
    const { json } = await call("POST", "/checkpoints", {
      checkpoint: { vault_id: vault.id, parameters: { resources: [vault.resources[0].id] } },
    });
    const id = json.checkpoint.id;
    const advanced = await fetch(`${sim.url}/_sim/clock`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ advanceMs: 1_600 }),
    });
    expect(advanced.status).toBe(200);
    expect((await get(`/checkpoints/${id}`)).json.checkpoint.status).toBe("available");
    const backups = await get(`/backups?checkpoint_id=${id}`);
    expect(backups.json.backups[0].status).toBe("available");
  });
});

describe("bad requests", () => {
  it("answers unknown routes and wrong methods with JSON errors", async () => {
    const unknown = await get("/nothing-here");
    expect(unknown.status).toBe(404);
    expect(unknown.json.error_code).toEqual(expect.any(String));
    const wrongMethod = await call("DELETE", "/vaults");
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.json.error_code).toEqual(expect.any(String));
    expect((await call("GET", "/vaults", undefined, { token: "forged" })).status).toBe(401);
  });
});

describe("restore and operation logs", () => {
  async function restorableBackup(): Promise<Json> {
    await settled();
    const dev = await vaultNamed("vault-dev-servers");
    const { json } = await get(`/backups?vault_id=${dev.id}&status=available&limit=1`);
    return (await get(`/backups/${json.backups[0].id}`)).json.backup;
  }

  it("restores with the reference's request shape and follows the job through operation logs", async () => {
    const backup = await restorableBackup();
    const res = await call("POST", `/backups/${backup.id}/restore`, {
      restore: {
        mappings: backup.children.map((c: Json) => ({ backup_id: c.id, volume_id: c.resource_id })),
        power_on: true,
        server_id: backup.resource_id,
      },
    });
    expect(res.status).toBe(202);
    expect(res.json).toEqual({ job_id: uuid });
    expect((await get(`/backups/${backup.id}`)).json.backup.status).toBe("restoring");

    const log = await get(`/operation-logs/${res.json.job_id}`);
    expect(log.status).toBe(200);
    expect(log.json.operation_log).toMatchObject({
      id: res.json.job_id,
      operation_type: "restore",
      status: "running",
      project_id: projectId,
      vault_id: backup.vault_id,
      checkpoint_id: backup.checkpoint_id,
      started_at: cbrTime,
      extra_info: {
        restore: {
          backup_id: backup.id,
          backup_name: backup.name,
          target_resource_id: backup.resource_id,
        },
        resource: { id: backup.resource_id, type: "OS::Nova::Server" },
        common: { progress: expect.any(Number) },
      },
    });
    expectCbrError(
      await call("POST", `/backups/${backup.id}/restore`, {
        restore: { mappings: [], server_id: backup.resource_id },
      }),
      400,
      "BackupService.2010",
    );

    const done = await until(async () => {
      const { json } = await get(`/operation-logs/${res.json.job_id}`);
      return json.operation_log.status === "success" ? json.operation_log : undefined;
    });
    expect(done).toMatchObject({ ended_at: cbrTime, extra_info: { common: { progress: 100 } } });
    expect((await get(`/backups/${backup.id}`)).json.backup.status).toBe("available");

    const restores = await get(
      `/operation-logs?operation_type=restore&vault_id=${backup.vault_id}`,
    );
    expect(restores.json.operation_logs[0].id).toBe(res.json.job_id);
    expect(restores.json.operation_logs.every((l: Json) => l.operation_type === "restore")).toBe(
      true,
    );
    const byResource = await get(
      `/operation-logs?resource_id=${backup.resource_id}&status=success`,
    );
    expect(byResource.json.count).toBeGreaterThan(0);
  });

  it("refuses an invalid mapping with CBR's code", async () => {
    const backup = await restorableBackup();
    const system = backup.children.find((c: Json) => c.extend_info.bootable);
    const data = backup.children.find((c: Json) => !c.extend_info.bootable);
    expect(data).toBeDefined();
    expectCbrError(
      await call("POST", `/backups/${backup.id}/restore`, {
        restore: {
          mappings: [{ backup_id: data.id, volume_id: system.resource_id }],
          server_id: backup.resource_id,
          power_on: false,
        },
      }),
      400,
      "BackupService.2013",
    );
    expectCbrError(
      await call("POST", `/backups/${backup.id}/restore`, {
        restore: {
          mappings: [
            { backup_id: "5d822633-2bbf-4af8-a16e-5ab1c7705235", volume_id: data.resource_id },
          ],
          server_id: backup.resource_id,
        },
      }),
      400,
      "BackupService.9900",
    );
    expectCbrError(
      await call("POST", `/backups/${backup.id}/restore`, { restore: { power_on: true } }),
      400,
      "BackupService.9900",
    );
    expect((await get(`/backups/${backup.id}`)).json.backup.status).toBe("available");
  });

  it("lists operation logs with the documented shape and filters", async () => {
    const { status, json } = await get("/operation-logs?limit=5");
    expect(status).toBe(200);
    expect(json).toMatchObject({ count: expect.any(Number), limit: 5, offset: 0 });
    expect(json.operation_logs).toHaveLength(5);
    expect(json.operation_logs[0]).toMatchObject({
      id: uuid,
      provider_id: expect.any(String),
      operation_type: expect.any(String),
      status: expect.any(String),
      created_at: cbrTime,
      error_info: { code: expect.any(String), message: expect.any(String) },
    });
    const failed = await get("/operation-logs?status=failed&operation_type=backup");
    expect(failed.json.count).toBeGreaterThan(0);
    expect(failed.json.operation_logs[0].error_info.code).toMatch(/^BackupService\./);
    expectCbrError(await get("/operation-logs?status=done"), 400, "BackupService.9900");
    expectCbrError(
      await get("/operation-logs/4827f2da-b008-4507-ab7d-42d0df5ed912"),
      404,
      "BackupService.6500",
    );
  });
});

// Last: it moves the simulated clock by up to a day.
describe("vault policy", () => {
  it("fires at its UTC time and creates auto_trigger backups of the vault", async () => {
    await settled();
    const clock = (await fetch(`${sim.url}/_sim/clock`).then((r) => r.json())) as Json;
    const now = Date.parse(clock.now);
    const next = new Date(now);
    next.setUTCHours(2, 0, 0, 0);
    if (next.getTime() <= now) next.setUTCDate(next.getUTCDate() + 1);
    const jump = await fetch(`${sim.url}/_sim/clock`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ advanceMs: next.getTime() - now + 60_000 }),
    });
    expect(jump.status).toBe(200);
    const prod = await vaultNamed("vault-prod-servers");
    const { json } = await get(`/backups?vault_id=${prod.id}&limit=${prod.resources.length}`);
    const expected = next.toISOString().replace("Z", "+00:00");
    expect(json.backups.map((b: Json) => b.created_at)).toEqual(prod.resources.map(() => expected));
    expect(json.backups.every((b: Json) => b.extend_info.auto_trigger === true)).toBe(true);
    expect(json.backups.map((b: Json) => b.status)).toEqual(prod.resources.map(() => "available"));
    const logs = await get(`/operation-logs?checkpoint_id=${json.backups[0].checkpoint_id}`);
    const policies = await get(`/policies?vault_id=${prod.id}`);
    expect(logs.json.operation_logs[0].policy_id).toBe(policies.json.policies[0].id);
  });
});

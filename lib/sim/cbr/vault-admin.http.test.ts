// Vault management in the simulated CBR over real HTTP: create, update, delete, resources (add,
// remove, migrate), protectables, summary and storage usage, tags, auto-bind, auto-expand and
// backup locking, each rule with the cloud's code. The tests run in order on one simulator.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSim, type TestSim } from "../testing/start";
import { callCbr, type Json, until as untilWithin } from "./test-kit";

let sim: TestSim;
let token: string;
let projectId: string;

beforeAll(async () => {
  sim = await startTestSim({
    reset: true,
    durations: { protectMs: 1_200, restoreMs: 1_000, deleteMs: 300, tickMs: 100 },
  });
  ({ token, projectId } = await sim.adminToken());
});

afterAll(async () => {
  await sim?.close();
});

const call = (method: string, path: string, body?: unknown, as?: string) =>
  callCbr(sim, { token, projectId }, method, path, body, { token: as });
const get = (path: string) => call("GET", path);
const until = <T>(probe: () => Promise<T | undefined>) => untilWithin(probe, 15_000);

function expectCbrError(res: { status: number; json: Json }, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.json).toEqual({ error_code: code, error_msg: expect.any(String) });
}

async function vaultNamed(name: string): Promise<Json> {
  const { json } = await get(`/vaults?name=${name}`);
  const vault = json.vaults.find((v: Json) => v.name === name);
  if (!vault) throw new Error(`no vault ${name}`);
  return vault;
}

async function vaultById(id: string): Promise<Json> {
  return (await get(`/vaults/${id}`)).json.vault;
}

async function servers(): Promise<Json[]> {
  const all: Json[] = [];
  for (let offset = 0; ; offset += 50) {
    const { json } = await get(`/protectables/server/instances?limit=50&offset=${offset}`);
    all.push(...json.instances);
    if (json.instances.length < 50) return all;
  }
}

/** Servers no vault holds and that can be backed up, by name. */
async function freeServers(): Promise<Json[]> {
  return (await servers()).filter((s) => s.protectable.result === true);
}

async function settled(): Promise<void> {
  await until(async () => {
    const { json } = await get("/backups?status=protecting&status=restoring");
    return json.count === 0 ? true : undefined;
  });
}

const serverVault = (name: string, resources: Json[] = [], extra: Json = {}) => ({
  vault: {
    name,
    billing: {
      consistent_level: "crash_consistent",
      object_type: "server",
      protect_type: "backup",
      size: 2000,
    },
    resources: resources.map((s) => ({ id: s.id, type: "OS::Nova::Server" })),
    ...extra,
  },
});

const created: Record<string, string> = {};

describe("protectables", () => {
  it("says which vault holds a server and whether the others can be protected", async () => {
    const all = await servers();
    expect(all.length).toBeGreaterThanOrEqual(20);
    const prod = await vaultNamed("vault-prod-servers");
    const held = all.find((s) => s.id === prod.resources[0].id);
    expect(held?.protectable).toMatchObject({
      result: false,
      code: "BackupService.6103",
      vault: { id: prod.id, name: "vault-prod-servers" },
    });
    const byName = (name: string) => all.find((s) => s.name === name);
    expect(byName("pxe-01")?.protectable).toMatchObject({
      result: false,
      code: "BackupService.7108",
    });
    expect(byName("build-01")?.protectable).toMatchObject({
      result: false,
      code: "BackupService.7101",
    });
    expect(byName("file-01")?.protectable).toMatchObject({
      result: false,
      code: "BackupService.7106",
    });
    const free = all.filter((s) => s.protectable.result);
    expect(free.length).toBeGreaterThanOrEqual(3);
    const one = free[0] as Json;
    expect(one).toMatchObject({ type: "OS::Nova::Server", protectable: { vault: null } });
    expect(one.children.length).toBeGreaterThan(0);
    expect(one.size).toBe(one.children.reduce((s: number, d: Json) => s + d.size, 0));
    expect(one.children[0]).toMatchObject({ type: "OS::Cinder::Volume", size: expect.any(Number) });
  });

  it("shows one instance, lists a server's disks, and refuses unknown types and ids", async () => {
    const [one] = await freeServers();
    const single = await get(`/protectables/server/instances/${one?.id}`);
    expect(single.json.instance.id).toBe(one?.id);
    const disks = await get(`/protectables/disk/instances?server_id=${one?.id}`);
    expect(disks.json.instances.map((d: Json) => d.id).sort()).toEqual(
      one?.children.map((d: Json) => d.id).sort(),
    );
    expectCbrError(await get("/protectables/turbo/instances"), 400, "BackupService.9900");
    expectCbrError(
      await get("/protectables/server/instances/4827f2da-b008-4507-ab7d-42d0df5ed912"),
      404,
      "BackupService.6302",
    );
    expectCbrError(await get("/protectables/server/instances?limit=51"), 400, "BackupService.9900");
  });
});

describe("creating a vault", () => {
  it("creates a server vault with two servers, a policy, tags and auto-expand", async () => {
    const [a, b] = await freeServers();
    const policy = (await get("/policies?operation_type=backup")).json.policies[0];
    const res = await call(
      "POST",
      "/vaults",
      serverVault("vault-new-web", [a as Json, b as Json], {
        backup_policy_id: policy.id,
        tags: [{ key: " team ", value: " web " }],
        auto_expand: true,
        description: "web servers",
      }),
    );
    expect(res.status).toBe(200);
    const vault = res.json.vault;
    expect(vault).toMatchObject({
      name: "vault-new-web",
      description: "web servers",
      auto_expand: true,
      locked: false,
      tags: [{ key: "team", value: "web" }],
      billing: {
        object_type: "server",
        protect_type: "backup",
        consistent_level: "crash_consistent",
        size: 2000,
        used: 0,
        status: "available",
      },
    });
    expect(vault.resources.map((r: Json) => r.id)).toEqual([a?.id, b?.id]);
    expect(vault.billing.allocated).toBe((a?.size ?? 0) + (b?.size ?? 0));
    created.web = vault.id;
    // A vault names no policy (the cloud has no such field): the policy names its vaults.
    expect(vault).not.toHaveProperty("policy_id");
    const bound = (await get(`/policies/${policy.id}`)).json.policy.associated_vaults;
    expect(bound.map((v: Json) => v.vault_id)).toContain(vault.id);
    const again = await get(`/protectables/server/instances/${a?.id}`);
    expect(again.json.instance.protectable).toMatchObject({
      result: false,
      code: "BackupService.6103",
      vault: { id: vault.id },
    });
  });

  it("refuses what the cloud refuses, each with its code", async () => {
    const prod = await vaultNamed("vault-prod-servers");
    const disks = await vaultNamed("vault-data-disks");
    const [free] = await freeServers();
    const post = (body: unknown) => call("POST", "/vaults", body);
    const base = serverVault("vault-x");
    const billing = (b: Json) => ({
      vault: { ...base.vault, billing: { ...base.vault.billing, ...b } },
    });
    const withVault = (v: Json) => ({ vault: { ...base.vault, ...v } });

    const badName = await post(withVault({ name: "my vault" }));
    expectCbrError(badName, 400, "BackupService.9900");
    expect(badName.json.error_msg).toContain("vault.name");
    expectCbrError(await post(withVault({ name: "a".repeat(65) })), 400, "BackupService.9900");
    expectCbrError(
      await post(withVault({ description: "d".repeat(65) })),
      400,
      "BackupService.9900",
    );
    expectCbrError(await post(billing({ size: 9 })), 400, "BackupService.6101");
    expectCbrError(await post(billing({ size: 10.5 })), 400, "BackupService.6101");
    expectCbrError(await post(billing({ size: 10_485_761 })), 400, "BackupService.6101");
    expectCbrError(await post(billing({ object_type: "turbo" })), 400, "BackupService.9900");
    expectCbrError(
      await post(billing({ object_type: "disk", consistent_level: "app_consistent" })),
      400,
      "BackupService.9900",
    );
    const missing = await post({ vault: { name: "vault-x", resources: [] } });
    expectCbrError(missing, 400, "BackupService.9900");
    expect(missing.json.error_msg).toContain("vault.billing");
    expectCbrError(await post(withVault({ tags: [] })), 400, "BackupService.9900");
    const tags = Array.from({ length: 21 }, (_, i) => ({ key: `k${i}`, value: "" }));
    expectCbrError(await post(withVault({ tags })), 400, "BackupService.6600");
    const badTag = await post(withVault({ tags: [{ key: "a=b", value: "" }] }));
    expectCbrError(badTag, 400, "BackupService.9900");
    expect(badTag.json.error_msg).toContain("vault.tags[0]");
    expectCbrError(
      await post(
        withVault({
          tags: [
            { key: "a", value: "1" },
            { key: "a", value: "2" },
          ],
        }),
      ),
      400,
      "BackupService.9900",
    );
    const sixRules = Array.from({ length: 6 }, (_, i) => ({ key: `k${i}` }));
    expectCbrError(
      await post(withVault({ bind_rules: { tags: sixRules } })),
      400,
      "BackupService.9900",
    );
    const held = { id: prod.resources[0].id, type: "OS::Nova::Server" };
    expectCbrError(await post(withVault({ resources: [held] })), 400, "BackupService.6103");
    const twice = { id: free?.id, type: "OS::Nova::Server" };
    expectCbrError(await post(withVault({ resources: [twice, twice] })), 400, "BackupService.6104");
    const disk = { id: disks.resources[0].id, type: "OS::Cinder::Volume" };
    expectCbrError(await post(withVault({ resources: [disk] })), 400, "BackupService.6102");
    expectCbrError(
      await post({
        vault: { ...billing({ protect_type: "replication" }).vault, resources: [twice] },
      }),
      400,
      "BackupService.6102",
    );
    const unknown = { id: "4827f2da-b008-4507-ab7d-42d0df5ed912", type: "OS::Nova::Server" };
    expectCbrError(await post(withVault({ resources: [unknown] })), 404, "BackupService.7100");
    expectCbrError(
      await post(withVault({ backup_policy_id: "4827f2da-b008-4507-ab7d-42d0df5ed912" })),
      404,
      "BackupService.6000",
    );
    const { token: auditor } = await sim.auditorToken();
    expect((await call("POST", "/vaults", base, auditor)).status).toBe(403);
    // Nothing refused was created.
    expect((await get("/vaults?name=vault-x")).json.count).toBe(0);
  });

  it("binds the servers its auto-bind rules match and no vault holds", async () => {
    const free = await freeServers();
    const os = (s: Json) => s.detail.tags.find((t: Json) => t.key === "os_type")?.value;
    const target = os(free[0] as Json);
    const matching = free.filter((s) => os(s) === target).map((s) => s.id);
    const res = await call(
      "POST",
      "/vaults",
      serverVault("vault-auto", [], {
        auto_bind: true,
        bind_rules: { tags: [{ key: "os_type", value: target }] },
      }),
    );
    expect(res.status).toBe(200);
    expect(res.json.vault.bind_rules).toEqual({ tags: [{ key: "os_type", value: target }] });
    expect(res.json.vault.resources.map((r: Json) => r.id).sort()).toEqual(matching.sort());
    expect(res.json.vault.resources.every((r: Json) => r.auto_protect)).toBe(true);
    // Give them back, so the rest of the file has free servers: turn auto-bind off, remove them.
    await call("PUT", `/vaults/${res.json.vault.id}`, { vault: { auto_bind: false } });
    const removed = await call("POST", `/vaults/${res.json.vault.id}/removeresources`, {
      resource_ids: matching,
    });
    expect(removed.json).toEqual({ remove_resource_ids: matching });
    created.auto = res.json.vault.id;
  });
});

describe("resources of a vault", () => {
  it("adds a free server, refusing a held one, a duplicate, a wrong type and a foreign disk", async () => {
    const web = created.web as string;
    const [free, other] = await freeServers();
    const add = (resources: Json[]) => call("POST", `/vaults/${web}/addresources`, { resources });
    const res = await add([{ id: free?.id, type: "OS::Nova::Server" }]);
    expect(res.json).toEqual({ add_resource_ids: [free?.id] });
    expectCbrError(
      await add([{ id: free?.id, type: "OS::Nova::Server" }]),
      400,
      "BackupService.7116",
    );
    const prod = await vaultNamed("vault-prod-servers");
    expectCbrError(
      await add([{ id: prod.resources[0].id, type: "OS::Nova::Server" }]),
      400,
      "BackupService.6103",
    );
    const disks = await vaultNamed("vault-data-disks");
    expectCbrError(
      await add([{ id: disks.resources[0].id, type: "OS::Cinder::Volume" }]),
      400,
      "BackupService.6102",
    );
    const foreign = await add([
      {
        id: other?.id,
        type: "OS::Nova::Server",
        extra_info: { exclude_volumes: [disks.resources[0].id] },
      },
    ]);
    expectCbrError(foreign, 400, "BackupService.9900");
    expectCbrError(await add([]), 400, "BackupService.9900");
    expectCbrError(
      await call("POST", "/vaults/4827f2da-b008-4507-ab7d-42d0df5ed912/addresources", {
        resources: [{ id: other?.id, type: "OS::Nova::Server" }],
      }),
      404,
      "BackupService.6105",
    );
  });

  it("refuses to migrate while a task runs in the source vault", async () => {
    const prod = await vaultNamed("vault-prod-servers");
    const running = await get(`/backups?vault_id=${prod.id}&status=protecting`);
    if (running.json.count === 0) return; // the seeded running backup has already ended
    const res = await call("POST", `/vaults/${prod.id}/migrateresources`, {
      destination_vault_id: created.web,
      resource_ids: [prod.resources[0].id],
    });
    expectCbrError(res, 400, "BackupService.6112");
  });

  it("migrates a server with its backups, which keep their ids and size", async () => {
    await settled();
    const prod = await vaultNamed("vault-prod-servers");
    const web = await vaultById(created.web as string);
    const moving = prod.resources[0];
    const before = await get(`/backups?vault_id=${prod.id}&resource_id=${moving.id}&limit=1000`);
    expect(before.json.count).toBeGreaterThan(0);
    const res = await call("POST", `/vaults/${prod.id}/migrateresources`, {
      destination_vault_id: web.id,
      resource_ids: [moving.id],
    });
    expect(res.json).toEqual({ migrated_resources: [moving.id] });
    const after = await get(`/backups?vault_id=${web.id}&resource_id=${moving.id}&limit=1000`);
    expect(after.json.backups.map((b: Json) => b.id).sort()).toEqual(
      before.json.backups.map((b: Json) => b.id).sort(),
    );
    const prodAfter = await vaultById(prod.id);
    const webAfter = await vaultById(web.id);
    expect(prodAfter.resources.some((r: Json) => r.id === moving.id)).toBe(false);
    expect(webAfter.resources.find((r: Json) => r.id === moving.id)).toMatchObject({
      backup_count: moving.backup_count,
      backup_size: moving.backup_size,
    });
    expect(webAfter.billing.used - web.billing.used).toBe(moving.backup_size);
    expect(prod.billing.used - prodAfter.billing.used).toBe(moving.backup_size);
  });

  it("refuses migrations the cloud refuses", async () => {
    const prod = await vaultNamed("vault-prod-servers");
    const dev = await vaultNamed("vault-dev-servers");
    const disks = await vaultNamed("vault-data-disks");
    const migrate = (from: string, to: string, ids: string[]) =>
      call("POST", `/vaults/${from}/migrateresources`, {
        destination_vault_id: to,
        resource_ids: ids,
      });
    const id = prod.resources[0].id;
    expectCbrError(
      await migrate(prod.id, "4827f2da-b008-4507-ab7d-42d0df5ed912", [id]),
      400,
      "BackupService.6120",
    );
    expectCbrError(
      await migrate(prod.id, created.web as string, [dev.resources[0].id]),
      400,
      "BackupService.6135",
    );
    expectCbrError(await migrate(prod.id, disks.id, [id]), 400, "BackupService.6102");
    expectCbrError(await migrate(prod.id, prod.id, [id]), 400, "BackupService.9900");
    expectCbrError(
      await migrate(dev.id, prod.id, [dev.resources[0].id]),
      400,
      "BackupService.6112",
    );
    const small = await call("POST", "/vaults", {
      vault: {
        ...serverVault("vault-small").vault,
        billing: { ...serverVault("x").vault.billing, size: 10 },
      },
    });
    const big = prod.resources.find((r: Json) => r.backup_size > 10 * 1024);
    if (big)
      expectCbrError(
        await migrate(prod.id, small.json.vault.id, [big.id]),
        400,
        "BackupService.6129",
      );
    created.small = small.json.vault.id;
  });

  it("removes a server: its backups go through deleting, a remove_resource task counts them", async () => {
    const web = await vaultById(created.web as string);
    const withBackups = web.resources.find((r: Json) => r.backup_count > 0);
    const res = await call("POST", `/vaults/${web.id}/removeresources`, {
      resource_ids: [withBackups.id],
    });
    expect(res.json).toEqual({ remove_resource_ids: [withBackups.id] });
    const during = await get(
      `/backups?vault_id=${web.id}&resource_id=${withBackups.id}&limit=1000`,
    );
    // Failed backups store nothing (not in backup_count) but are deleted all the same.
    expect(during.json.count).toBeGreaterThanOrEqual(withBackups.backup_count);
    for (const b of during.json.backups) expect(["waiting_delete", "deleting"]).toContain(b.status);
    const log = await until(async () => {
      const { json } = await get(
        `/operation-logs?operation_type=remove_resource&resource_id=${withBackups.id}`,
      );
      return json.operation_logs[0]?.status === "success" ? json.operation_logs[0] : undefined;
    });
    expect(log).toMatchObject({
      vault_id: web.id,
      extra_info: {
        resource: { id: withBackups.id },
        remove_resources: { total_count: during.json.count, fail_count: 0 },
        common: { progress: 100 },
      },
    });
    const gone = await get(`/backups?vault_id=${web.id}&resource_id=${withBackups.id}`);
    expect(gone.json.count).toBe(0);
    expect((await vaultById(web.id)).billing.used).toBe(web.billing.used - withBackups.backup_size);
  });

  it("refuses removals the cloud refuses", async () => {
    const dev = await vaultNamed("vault-dev-servers");
    const prod = await vaultNamed("vault-prod-servers");
    const remove = (vault: string, ids: string[]) =>
      call("POST", `/vaults/${vault}/removeresources`, { resource_ids: ids });
    expectCbrError(await remove(dev.id, [dev.resources[0].id]), 400, "BackupService.6112");
    expectCbrError(await remove(prod.id, [dev.resources[0].id]), 400, "BackupService.6135");
    expectCbrError(await remove(prod.id, []), 400, "BackupService.9900");
    const id = prod.resources[0].id;
    expectCbrError(await remove(prod.id, [id, id]), 400, "BackupService.6104");
  });
});

describe("updating a vault", () => {
  it("renames, grows, switches auto-expand and sets threshold", async () => {
    const id = created.web as string;
    const res = await call("PUT", `/vaults/${id}`, {
      vault: { name: "vault-web", billing: { size: 2500 }, auto_expand: false, threshold: 90 },
    });
    expect(res.json.vault).toMatchObject({
      name: "vault-web",
      auto_expand: false,
      threshold: 90,
      billing: { size: 2500 },
    });
  });

  it("refuses a shrink, a size below the used space, a bad name and a bad threshold", async () => {
    const prod = await vaultNamed("vault-prod-servers");
    const put = (id: string, vault: Json) => call("PUT", `/vaults/${id}`, { vault });
    expectCbrError(
      await put(created.web as string, { billing: { size: 2400 } }),
      400,
      "BackupService.6101",
    );
    const usedGb = Math.ceil(prod.billing.used / 1024);
    expectCbrError(
      await put(prod.id, { billing: { size: usedGb - 1 } }),
      400,
      "BackupService.6101",
    );
    expectCbrError(await put(prod.id, { name: "a b" }), 400, "BackupService.9900");
    expectCbrError(await put(prod.id, { threshold: 101 }), 400, "BackupService.9900");
    const frozen = await vaultNamed("vault-archive-frozen");
    expectCbrError(await put(frozen.id, { name: "x" }), 400, "BackupService.6110");
  });

  it("auto-expands a full vault to 1.25 × its size after a backup", async () => {
    const [free] = (await freeServers()).filter((s) => s.size >= 40);
    const res = await call(
      "POST",
      "/vaults",
      serverVault("vault-tiny", [free as Json], {
        auto_expand: true,
        billing: { ...serverVault("x").vault.billing, size: 10 },
      }),
    );
    const id = res.json.vault.id;
    await call("POST", "/checkpoints", {
      checkpoint: { vault_id: id, parameters: { name: "fill" } },
    });
    await settled();
    const vault = await until(async () => {
      const v = await vaultById(id);
      return v.billing.used > 0 ? v : undefined;
    });
    if (vault.billing.used > 10 * 1024) {
      expect(vault.billing.size).toBeGreaterThanOrEqual(13);
      expect(vault.billing.size * 1024).toBeGreaterThanOrEqual(vault.billing.used);
    } else {
      expect(vault.billing.size).toBe(10);
    }
    created.tiny = id;
  });
});

let expiring: Json | undefined;

describe("backup locking", () => {
  it("is enabled once and never undone", async () => {
    const prod = await vaultNamed("vault-prod-servers");
    const locked = await call("PUT", `/vaults/${prod.id}`, { vault: { locked: true } });
    expect(locked.json.vault.locked).toBe(true);
    expectCbrError(
      await call("PUT", `/vaults/${prod.id}`, { vault: { locked: false } }),
      400,
      "BackupService.6110",
    );
  });

  it("keeps policy backups until they expire and lets manual ones go", async () => {
    await settled();
    const prod = await vaultNamed("vault-prod-servers");
    const { json } = await get(
      `/backups?vault_id=${prod.id}&status=available&limit=1000&sort=created_at:asc`,
    );
    const policy = json.backups.find((b: Json) => b.extend_info.auto_trigger);
    const manual = json.backups.find((b: Json) => !b.extend_info.auto_trigger);
    expectCbrError(await call("DELETE", `/backups/${policy.id}`), 400, "BackupService.6220");
    expect((await call("DELETE", `/backups/${manual.id}`)).status).toBe(204);
    // The vault cannot be deleted either while it keeps them.
    expectCbrError(await call("DELETE", `/vaults/${prod.id}`), 400, "BackupService.6111");
    expiring = policy;
  });
});

describe("deleting a vault", () => {
  it("deletes its backups through deleting, then the vault, followed by a vault_delete task", async () => {
    await settled();
    const id = created.tiny as string;
    const vault = await vaultById(id);
    const backups = await get(`/backups?vault_id=${id}&limit=1000`);
    expect(backups.json.count).toBeGreaterThan(0);
    const res = await call("DELETE", `/vaults/${id}`);
    expect(res.status).toBe(204);
    expect(res.text).toBe("");
    const during = await get(`/vaults/${id}`);
    if (during.status === 200) expect(during.json.vault.billing.status).toBe("deleting");
    const log = await until(async () => {
      const { json } = await get(`/operation-logs?operation_type=vault_delete&vault_id=${id}`);
      return json.operation_logs[0]?.status === "success" ? json.operation_logs[0] : undefined;
    });
    expect(log).toMatchObject({
      vault_name: vault.name,
      extra_info: { vault_delete: { total_count: backups.json.count, fail_count: 0 } },
    });
    expectCbrError(await get(`/vaults/${id}`), 404, "BackupService.6105");
    expect((await get(`/backups?vault_id=${id}`)).json.count).toBe(0);
  });

  it("deletes an empty vault at once, refuses a frozen one and unknown ids", async () => {
    const empty = await vaultNamed("vault-empty");
    expect((await call("DELETE", `/vaults/${empty.id}`)).status).toBe(204);
    expectCbrError(await get(`/vaults/${empty.id}`), 404, "BackupService.6105");
    const frozen = await vaultNamed("vault-archive-frozen");
    expectCbrError(await call("DELETE", `/vaults/${frozen.id}`), 400, "BackupService.6111");
    expectCbrError(
      await call("DELETE", "/vaults/4827f2da-b008-4507-ab7d-42d0df5ed912"),
      404,
      "BackupService.6105",
    );
  });
});

describe("summary and storage usage", () => {
  it("add up to the vaults and their backups", async () => {
    await settled();
    const { json: list } = await get("/vaults?limit=1000");
    const summary = (await get("/vaults/summary")).json;
    expect(summary).toEqual({
      size: list.vaults.reduce((s: number, v: Json) => s + v.billing.size, 0),
      used_size: list.vaults.reduce((s: number, v: Json) => s + v.billing.used, 0),
    });
    const usage = (await get("/storage_usage")).json;
    expect(usage.resource_count).toBe(usage.storage_usage.length);
    const total = usage.storage_usage.reduce((s: number, r: Json) => s + r.backup_size, 0);
    expect(total).toBe(summary.used_size);
    const resources = list.vaults.flatMap((v: Json) => v.resources);
    for (const row of usage.storage_usage) {
      const resource = resources.find((r: Json) => r.id === row.resource_id);
      if (resource) expect(row.backup_size).toBe(resource.backup_size);
    }
    const one = usage.storage_usage[0];
    const filtered = (await get(`/storage_usage?resource_id=${one.resource_id}`)).json;
    expect(filtered.storage_usage).toEqual([one]);
  });
});

describe("vault tags", () => {
  it("adds, lists, updates, batches and deletes tags", async () => {
    const id = created.small as string;
    expect(
      (await call("POST", `/vault/${id}/tags`, { tag: { key: "env", value: "prod" } })).status,
    ).toBe(204);
    expect(
      (await call("POST", `/vault/${id}/tags`, { tag: { key: "env", value: "test" } })).status,
    ).toBe(204);
    expect((await get(`/vault/${id}/tags`)).json).toEqual({
      tags: [{ key: "env", value: "test" }],
    });
    const batch = await call("POST", `/vault/${id}/tags/action`, {
      action: "create",
      tags: [
        { key: "team", value: "ops" },
        { key: "tier", value: "" },
      ],
    });
    expect(batch.status).toBe(204);
    await call("POST", `/vault/${id}/tags/action`, { action: "delete", tags: [{ key: "tier" }] });
    expect((await get(`/vault/${id}/tags`)).json.tags.map((t: Json) => t.key)).toEqual([
      "env",
      "team",
    ]);
    expect((await call("DELETE", `/vault/${id}/tags/team`)).status).toBe(204);
    expectCbrError(await call("DELETE", `/vault/${id}/tags/team`), 404, "BackupService.6601");
    expectCbrError(
      await call("POST", `/vault/${id}/tags`, { tag: { key: "a|b", value: "" } }),
      400,
      "BackupService.9900",
    );
    const many = Array.from({ length: 20 }, (_, i) => ({ key: `k${i}`, value: "" }));
    expectCbrError(
      await call("POST", `/vault/${id}/tags/action`, { action: "create", tags: many }),
      400,
      "BackupService.6600",
    );
    expectCbrError(
      await call("POST", `/vault/${id}/tags/action`, { action: "drop", tags: many }),
      400,
      "BackupService.9900",
    );
  });

  it("lists the project's tags and finds vaults by tag", async () => {
    const project = (await get("/vault/tags")).json.tags;
    expect(project.find((t: Json) => t.key === "env")?.values).toContain("test");
    const found = await call("POST", "/vault/resource_instances/action", {
      action: "filter",
      tags: [{ key: "env", values: ["test"] }],
    });
    expect(found.json.total_count).toBe(1);
    expect(found.json.resources[0]).toMatchObject({
      resource_id: created.small,
      resource_name: "vault-small",
      tags: [{ key: "env", value: "test" }],
      resource_detail: { vault: { id: created.small } },
    });
    const count = await call("POST", "/vault/resource_instances/action", {
      action: "count",
      not_tags: [{ key: "env", values: [] }],
    });
    const vaults = (await get("/vaults?limit=1000")).json.vaults as Json[];
    const withoutEnv = vaults.filter((v) => !v.tags.some((t: Json) => t.key === "env"));
    expect(count.json).toEqual({ total_count: withoutEnv.length });
    expectCbrError(
      await call("POST", "/vault/resource_instances/action", { action: "list" }),
      400,
      "BackupService.9900",
    );
  });
});

// Last: it moves the simulated clock a month ahead (tokens are taken again, as they expire).
describe("backup locking, a month later", () => {
  it("lets a policy backup go once it has expired: its policy's retention deletes it", async () => {
    const policy = expiring as Json;
    await fetch(`${sim.url}/_sim/clock`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ advanceMs: Date.parse(policy.expired_at) - Date.now() + 60_000 }),
    });
    ({ token, projectId } = await sim.adminToken());
    await settled();
    // The vault's 30-day policy fires on the new day and prunes what has expired; locking keeps
    // policy backups only until then.
    await until(async () =>
      (await get(`/backups/${policy.id}`)).status === 404 ? true : undefined,
    );
  });
});

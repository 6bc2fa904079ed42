import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { VaultListResponse, VaultView } from "@/lib/schemas/vault";
import type { AddResourcesResult, RemovalResult, VaultCandidate } from "@/lib/schemas/vault-admin";
import {
  idParams,
  noParams,
  type RouteHarness,
  startRouteHarness,
} from "@/lib/testing/route-harness";
import { POST as deleteBackups } from "../backups/delete/route";
import { POST as addResources } from "./[id]/add-resources/route";
import { GET as vaultBackups } from "./[id]/backups/route";
import { GET as candidates } from "./[id]/candidates/route";
import { POST as deleteVault } from "./[id]/delete/route";
import { POST as lockVault } from "./[id]/lock/route";
import { POST as removeResources } from "./[id]/remove-resources/route";
import { PATCH as changeVault, GET as getVault } from "./[id]/route";
import { GET as listVaults } from "./route";

let h: RouteHarness;
const request: RouteHarness["request"] = (...args) => h.request(...args);

beforeAll(async () => {
  // Backups and deletions finish fast: a migration must wait for no task in either vault.
  h = await startRouteHarness({
    project: "cn-north-4",
    sim: { durations: { protectMs: 200, deleteMs: 200 } },
  });
});
afterAll(() => h.close());

async function vaultNamed(name: string): Promise<VaultView> {
  const res = await listVaults(request("GET", `/api/vaults?name=${name}`), noParams);
  const found = ((await res.json()) as VaultListResponse).vaults.find((v) => v.name === name);
  if (!found) throw new Error(`no vault ${name}`);
  return found;
}

async function changes(route: string): Promise<number> {
  return h.sim.changeRoutes()[route] ?? 0;
}

async function answer<T>(res: Response) {
  return { status: res.status, body: (await res.json()) as T };
}
type Refusal = { error: { code: string; field?: string; message: string } };

describe("vault management routes against the simulator", () => {
  it("renames and grows a vault; refuses a shrink at the capacity field, sending nothing", async () => {
    const vault = await vaultNamed("vault-data-disks");
    const size = vault.capacityGb ?? 0;
    const patch = (body: unknown) =>
      changeVault(request("PATCH", `/api/vaults/${vault.id}`, body), idParams(vault.id));

    const shrink = await answer<Refusal>(await patch({ sizeGb: size - 1 }));
    expect(shrink.status).toBe(400);
    expect(shrink.body.error.field).toBe("sizeGb");
    const badName = await answer<Refusal>(await patch({ name: "has spaces" }));
    expect(badName.status).toBe(400);
    expect(badName.body.error.field).toBe("name");
    expect(await changes("PUT /cbr/v3/:project_id/vaults/:vault_id")).toBe(0);

    const grown = await answer<{ vault: VaultView }>(
      await patch({ name: "vault-data-disks-2", sizeGb: size + 10, autoExpand: true }),
    );
    expect(grown.status).toBe(200);
    expect(grown.body.vault).toMatchObject({
      name: "vault-data-disks-2",
      capacityGb: size + 10,
      autoExpand: true,
    });
    expect(await changes("PUT /cbr/v3/:project_id/vaults/:vault_id")).toBe(1);
  });

  it("replaces a vault's tags and sets auto-bind rules; refuses a bad tag at its field", async () => {
    const vault = await vaultNamed("vault-empty");
    const patch = (body: unknown) =>
      changeVault(request("PATCH", `/api/vaults/${vault.id}`, body), idParams(vault.id));
    const first = await answer<{ vault: VaultView }>(
      await patch({
        tags: [
          { key: "team", value: "ops" },
          { key: "cost", value: "42" },
        ],
      }),
    );
    expect(first.status).toBe(200);
    expect(first.body.vault.tags).toEqual(
      expect.arrayContaining([
        { key: "team", value: "ops" },
        { key: "cost", value: "42" },
      ]),
    );
    const second = await answer<{ vault: VaultView }>(
      await patch({
        tags: [{ key: "team", value: "dba" }],
        autoBind: true,
        bindRules: [{ key: "team", value: "nobody" }],
      }),
    );
    expect(second.status).toBe(200);
    expect(second.body.vault.tags).toEqual([{ key: "team", value: "dba" }]);
    expect(second.body.vault).toMatchObject({
      autoBind: true,
      bindRules: [{ key: "team", value: "nobody" }],
    });

    const before = await changes("POST /cbr/v3/:project_id/vault/:vault_id/tags/action");
    const bad = await answer<Refusal>(await patch({ tags: [{ key: "team", value: "has space" }] }));
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe("tags.0.value");
    const noRule = await answer<Refusal>(await patch({ autoBind: true, bindRules: [] }));
    expect(noRule.body.error.field).toBe("bindRules");
    expect(await changes("POST /cbr/v3/:project_id/vault/:vault_id/tags/action")).toBe(before);
  });

  it("removes a resource only after the vault's name, counting the backups it deletes", async () => {
    const vault = await vaultNamed("vault-prod-servers");
    const resource = vault.resources[0];
    if (!resource) throw new Error("no resource");
    expect(resource.backupCount).toBeGreaterThan(0);
    const remove = (confirmName: string) =>
      removeResources(
        request("POST", `/api/vaults/${vault.id}/remove-resources`, {
          resourceIds: [resource.id],
          confirmName,
        }),
        idParams(vault.id),
      );
    const route = "POST /cbr/v3/:project_id/vaults/:vault_id/removeresources";

    const mistyped = await answer<Refusal>(await remove("vault-prod"));
    expect(mistyped.status).toBe(400);
    expect(mistyped.body.error.field).toBe("confirmName");
    expect(await changes(route)).toBe(0);

    const done = await answer<RemovalResult>(await remove(vault.name));
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ removed: [resource.id], backups: resource.backupCount });
    expect(done.body.sizeMb).toBe(resource.backupSizeMb);
    expect(await changes(route)).toBe(1);
    const after = await answer<{ vault: VaultView }>(
      await getVault(request("GET", `/api/vaults/${vault.id}`), idParams(vault.id)),
    );
    expect(after.body.vault.resources.map((r) => r.id)).not.toContain(resource.id);
  });

  it("refuses removals from a locked vault before the cloud", async () => {
    const vault = await vaultNamed("vault-dev-servers");
    expect(vault.locked).toBe(true);
    const res = await answer<Refusal>(
      await removeResources(
        request("POST", `/api/vaults/${vault.id}/remove-resources`, {
          resourceIds: [vault.resources[0]?.id],
          confirmName: vault.name,
        }),
        idParams(vault.id),
      ),
    );
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/locking/i);
    expect(await changes("POST /cbr/v3/:project_id/vaults/:vault_id/removeresources")).toBe(1);
  });

  it("offers the servers with their state, adds a free one and moves one with its backups", async () => {
    const empty = await vaultNamed("vault-empty");
    const prod = await vaultNamed("vault-prod-servers");
    const list = await answer<{ candidates: VaultCandidate[] }>(
      await candidates(request("GET", `/api/vaults/${empty.id}/candidates`), idParams(empty.id)),
    );
    expect(list.status).toBe(200);
    const byState = (state: VaultCandidate["state"]) =>
      list.body.candidates.filter((c) => c.state === state);
    const free = byState("free")[0];
    const held = byState("elsewhere").find((c) => c.vault?.id === prod.id);
    expect(free).toBeDefined();
    expect(held?.backups).toBeGreaterThan(0);
    expect(held?.disks.length).toBeGreaterThan(0);
    // Bare-metal and failed servers cannot be protected: the cloud says why. Nor can servers of
    // a locked vault move (vault-dev-servers is locked in the seed).
    expect(byState("refused").every((c) => (c.reason ?? "") !== "")).toBe(true);
    const dev = await vaultNamed("vault-dev-servers");
    for (const r of dev.resources) {
      expect(list.body.candidates.find((c) => c.id === r.id)).toMatchObject({
        state: "refused",
        vault: { id: dev.id },
      });
    }
    if (!free || !held) return;

    // Room for the moved backups first.
    const grown = await changeVault(
      request("PATCH", `/api/vaults/${empty.id}`, { sizeGb: 100_000 }),
      idParams(empty.id),
    );
    expect(grown.status).toBe(200);
    // The cloud moves nothing while either vault has a task running (the removal above is still
    // deleting backups): BackupService.6112, in plain words.
    const early = await answer<Refusal>(
      await addResources(
        request("POST", `/api/vaults/${empty.id}/add-resources`, {
          move: [{ id: held.id, fromVaultId: prod.id }],
        }),
        idParams(empty.id),
      ),
    );
    if (early.status !== 200) {
      expect(early.body.error).toMatchObject({ code: "BackupService.6112", field: "move" });
      expect(early.body.error.message).toMatch(/wait until its running tasks/);
    }
    const busy = async () => {
      const res = await vaultBackups(
        request("GET", `/api/vaults/${prod.id}/backups`),
        idParams(prod.id),
      );
      const body = (await res.json()) as { backups: { status: string }[] };
      const left = body.backups.filter((b) => !["available", "error"].includes(b.status));
      return left.length;
    };
    await expect.poll(busy, { timeout: 20_000 }).toBe(0);
    const done = await answer<AddResourcesResult>(
      await addResources(
        request("POST", `/api/vaults/${empty.id}/add-resources`, {
          add: [free.id],
          ...(early.status === 200 ? {} : { move: [{ id: held.id, fromVaultId: prod.id }] }),
        }),
        idParams(empty.id),
      ),
    );
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.added).toEqual([free.id]);
    const after = await vaultNamed("vault-empty");
    expect(after.resources.map((r) => r.id).sort()).toEqual([free.id, held.id].sort());
    expect(after.resources.find((r) => r.id === held.id)?.backupCount).toBe(held.backups);
    expect((await vaultNamed("vault-prod-servers")).resources.map((r) => r.id)).not.toContain(
      held.id,
    );
  });

  it("locks a vault for good: then a policy backup is refused for deletion, a manual one deleted", async () => {
    const prod = await vaultNamed("vault-prod-servers");
    const lock = (confirmName: string) =>
      lockVault(request("POST", `/api/vaults/${prod.id}/lock`, { confirmName }), idParams(prod.id));
    const puts = await changes("PUT /cbr/v3/:project_id/vaults/:vault_id");
    expect((await lock("prod")).status).toBe(400);
    expect(await changes("PUT /cbr/v3/:project_id/vaults/:vault_id")).toBe(puts);
    const locked = await answer<{ vault: VaultView }>(await lock(prod.name));
    expect(locked.status).toBe(200);
    expect(locked.body.vault.locked).toBe(true);
    // Locked already: nothing more is sent.
    expect((await lock(prod.name)).status).toBe(200);
    expect(await changes("PUT /cbr/v3/:project_id/vaults/:vault_id")).toBe(puts + 1);

    const res = await vaultBackups(
      request("GET", `/api/vaults/${prod.id}/backups`),
      idParams(prod.id),
    );
    const rows = (
      (await res.json()) as { backups: { id: string; auto?: boolean; status: string }[] }
    ).backups.filter((b) => b.status === "available");
    const policyMade = rows.find((b) => b.auto === true);
    const manual = rows.find((b) => b.auto === false);
    if (!policyMade || !manual) throw new Error("the prod vault has policy and manual backups");
    const del = await answer<{ results: { id: string; ok: boolean; error?: { code: string } }[] }>(
      await deleteBackups(
        request("POST", "/api/backups/delete", {
          service: "cbr",
          items: [{ id: policyMade.id }, { id: manual.id }],
        }),
        noParams,
      ),
    );
    expect(del.status).toBe(200);
    expect(del.body.results).toEqual([
      {
        id: policyMade.id,
        ok: false,
        error: expect.objectContaining({ code: "BackupService.6220" }),
      },
      { id: manual.id, ok: true },
    ]);
  });

  it("deletes a vault after its name, and it goes", async () => {
    const vault = await vaultNamed("vault-empty");
    const del = (confirmName: string) =>
      deleteVault(
        request("POST", `/api/vaults/${vault.id}/delete`, { confirmName }),
        idParams(vault.id),
      );
    expect((await del("")).status).toBe(400);
    expect(await changes("DELETE /cbr/v3/:project_id/vaults/:vault_id")).toBe(0);
    const done = await answer<RemovalResult>(await del(vault.name));
    expect(done.status).toBe(200);
    // It now holds the server moved in above, with its backups: all of them are counted.
    expect(done.body.removed.sort()).toEqual(vault.resources.map((r) => r.id).sort());
    expect(done.body.backups).toBe(
      vault.resources.reduce((sum, r) => sum + (r.backupCount ?? 0), 0),
    );
    expect(done.body.backups).toBeGreaterThan(0);
    await expect
      .poll(
        async () =>
          (await getVault(request("GET", `/api/vaults/${vault.id}`), idParams(vault.id))).status,
        { timeout: 15_000 },
      )
      .toBe(404);
  });
});

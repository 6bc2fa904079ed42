import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { VaultListResponse, VaultView } from "@/lib/schemas/vault";
import type { RemovalResult } from "@/lib/schemas/vault-admin";
import {
  idParams,
  noParams,
  type RouteHarness,
  startRouteHarness,
} from "@/lib/testing/route-harness";
import { POST as deleteVault } from "./[id]/delete/route";
import { POST as removeResources } from "./[id]/remove-resources/route";
import { PATCH as changeVault, GET as getVault } from "./[id]/route";
import { GET as listVaults } from "./route";

let h: RouteHarness;
const request: RouteHarness["request"] = (...args) => h.request(...args);

beforeAll(async () => {
  h = await startRouteHarness({ project: "cn-north-4" });
});
afterAll(() => h.close());

async function vaultNamed(name: string): Promise<VaultView> {
  const res = await listVaults(request("GET", `/api/vaults?name=${name}`), noParams);
  const found = ((await res.json()) as VaultListResponse).vaults.find((v) => v.name === name);
  if (!found) throw new Error(`no vault ${name}`);
  return found;
}

async function changes(route: string): Promise<number> {
  const stats = (await (await fetch(`${h.sim.url}/_sim/stats`)).json()) as {
    changeRoutes: Record<string, number>;
  };
  return stats.changeRoutes[route] ?? 0;
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
    expect(done.body).toEqual({ removed: [], backups: 0, sizeMb: 0 });
    await expect
      .poll(
        async () =>
          (await getVault(request("GET", `/api/vaults/${vault.id}`), idParams(vault.id))).status,
        { timeout: 15_000 },
      )
      .toBe(404);
  });
});

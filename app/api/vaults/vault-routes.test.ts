import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type {
  CheckpointView,
  VaultBackupsResponse,
  VaultListResponse,
  VaultView,
} from "@/lib/schemas/vault";
import {
  idParams,
  noParams,
  type RouteHarness,
  startRouteHarness,
} from "@/lib/testing/route-harness";
import { GET as getCheckpoint } from "../checkpoints/[id]/route";
import { POST as createCheckpoint } from "../checkpoints/route";
import { GET as vaultBackups } from "./[id]/backups/route";
import { GET as vaultTasks } from "./[id]/operation-logs/route";
import { GET as getVault } from "./[id]/route";
import { GET as listVaults } from "./route";

let h: RouteHarness;
const request: RouteHarness["request"] = (...args) => h.request(...args);

beforeAll(async () => {
  h = await startRouteHarness({ project: "cn-north-4", sim: { durations: { protectMs: 60_000 } } });
});
afterAll(() => h.close());

async function vaults(query = ""): Promise<VaultListResponse> {
  const res = await listVaults(request("GET", `/api/vaults${query}`), noParams);
  expect(res.status).toBe(200);
  return res.json();
}

async function vaultNamed(name: string): Promise<VaultView> {
  const found = (await vaults(`?name=${name}`)).vaults.find((v) => v.name === name);
  if (!found) throw new Error(`no vault ${name}`);
  return found;
}

async function backUp(body: unknown) {
  const res = await createCheckpoint(request("POST", "/api/checkpoints", body), noParams);
  return { status: res.status, json: await res.json() };
}

describe("vault routes against the simulator", () => {
  it("lists vaults with type, status, capacity, policy, resources and locking", async () => {
    const data = await vaults("?figures=1");
    expect(data.count).toBe(5);
    expect(data.page).toBe(1);
    const prod = data.vaults.find((v) => v.name === "vault-prod-servers");
    expect(prod).toMatchObject({ type: "server", status: "available", locked: false });
    expect(prod?.policyId).toBeTruthy();
    expect(prod?.capacityGb).toBeGreaterThan(0);
    expect(prod?.usedMb).toBeGreaterThan(0);
    expect(prod?.resources.length).toBe(5);
    expect(data.vaults.find((v) => v.name === "vault-dev-servers")?.locked).toBe(true);
    expect(data.vaults.find((v) => v.name === "vault-empty")?.resources).toEqual([]);
    // The project's total is the cloud's summary: every vault, whatever the page or filter shows.
    const sum = (pick: (v: (typeof data.vaults)[number]) => number | undefined) =>
      data.vaults.reduce((total, v) => total + (pick(v) ?? 0), 0);
    expect(data.total).toEqual({
      capacityGb: sum((v) => v.capacityGb),
      usedMb: sum((v) => v.usedMb),
    });
    expect((await vaults("?type=disk&figures=1")).total).toEqual(data.total);
    // Without figures (the pickers), neither is read.
    const plain = await vaults();
    expect(plain.total).toBeUndefined();
    expect(plain.vaults.every((v) => v.forecast === undefined)).toBe(true);
    // Days left at the last 14 days' pace: the prod vault's policy backs up daily; the empty one
    // does not fill.
    expect(prod?.forecast?.mbPerDay).toBeGreaterThan(0);
    expect(prod?.forecast?.daysLeft).toBeGreaterThanOrEqual(0);
    expect(data.vaults.find((v) => v.name === "vault-empty")?.forecast).toEqual({
      mbPerDay: null,
      daysLeft: null,
    });
  });

  it("filters and pages through the cloud", async () => {
    const disks = await vaults("?type=disk");
    expect(disks.vaults.map((v) => v.type)).toEqual(disks.vaults.map(() => "disk"));
    expect(disks.count).toBe(2);
    expect((await vaults("?status=frozen")).vaults.map((v) => v.name)).toEqual([
      "vault-archive-frozen",
    ]);
    const page2 = await vaults("?size=10&page=2");
    expect(page2.vaults).toEqual([]);
    expect(page2.count).toBe(5);
    // A bad value is dropped, not refused.
    expect((await vaults("?status=bogus")).count).toBe(5);
  });

  it("shows one vault with its resources' protection, backup count and size", async () => {
    const dev = await vaultNamed("vault-dev-servers");
    const res = await getVault(request("GET", `/api/vaults/${dev.id}`), idParams(dev.id));
    expect(res.status).toBe(200);
    const { vault } = (await res.json()) as { vault: VaultView };
    expect(vault.resources.length).toBe(3);
    for (const r of vault.resources) {
      expect(r.type).toBe("OS::Nova::Server");
      expect(r.protectStatus).toBeTruthy();
      expect(r.backupCount).toBeGreaterThan(0);
    }
    const bad = await getVault(request("GET", "/api/vaults/nope"), idParams("nope"));
    expect(bad.status).toBe(400);
  });

  it("backs up a whole vault, then a subset whose running resource comes back skipped", async () => {
    const disks = await vaultNamed("vault-data-disks");
    const whole = await backUp({ vaultId: disks.id, name: "route_whole", incremental: true });
    expect(whole.status).toBe(200);
    const created = whole.json.checkpoint as CheckpointView;
    expect(created.resources.map((r) => r.id).sort()).toEqual(
      disks.resources.map((r) => r.id).sort(),
    );
    expect(created.skipped).toEqual([]);
    expect(created.name).toBe("route_whole");

    const dev = await vaultNamed("vault-dev-servers");
    const [a, b] = dev.resources;
    if (!a || !b) throw new Error("vault-dev-servers has fewer than two servers");
    expect(
      (await backUp({ vaultId: dev.id, name: "route_one", incremental: true, resources: [a.id] }))
        .status,
    ).toBe(200);
    const subset = await backUp({
      vaultId: dev.id,
      name: "route_subset",
      incremental: false,
      resources: [a.id, b.id],
    });
    expect(subset.status).toBe(200);
    const checkpoint = subset.json.checkpoint as CheckpointView;
    expect(checkpoint.resources.map((r) => r.id)).toEqual([b.id]);
    expect(checkpoint.skipped).toEqual([
      expect.objectContaining({ id: a.id, code: "BackupService.0002", reason: expect.any(String) }),
    ]);

    const again = await getCheckpoint(
      request("GET", `/api/checkpoints/${checkpoint.id}`),
      idParams(checkpoint.id),
    );
    expect(
      ((await again.json()) as { checkpoint: CheckpointView }).checkpoint.skipped,
    ).toHaveLength(1);

    const res = await vaultBackups(
      request("GET", `/api/vaults/${dev.id}/backups`),
      idParams(dev.id),
    );
    const recent = (await res.json()) as VaultBackupsResponse;
    const running = recent.backups.filter((r) => r.checkpointId === checkpoint.id);
    expect(running).toHaveLength(1);
    expect(running[0]).toMatchObject({ status: "protecting", incremental: false, serverId: b.id });
    expect(running[0]?.progress).toBeGreaterThanOrEqual(0);

    const tasks = await vaultTasks(
      request("GET", `/api/vaults/${dev.id}/operation-logs`),
      idParams(dev.id),
    );
    const { tasks: list } = (await tasks.json()) as {
      tasks: { checkpointId?: string; status: string }[];
    };
    expect(list.some((t) => t.checkpointId === checkpoint.id && t.status === "running")).toBe(true);
  });

  it("puts refusals at their field", async () => {
    const empty = await vaultNamed("vault-empty");
    const none = await backUp({ vaultId: empty.id, name: "x", incremental: true });
    expect(none.status).toBe(400);
    expect(none.json.error.field).toBe("resources");

    const prod = await vaultNamed("vault-prod-servers");
    const other = await vaultNamed("vault-data-disks");
    const foreign = other.resources[0]?.id;
    const wrong = await backUp({
      vaultId: prod.id,
      name: "x",
      incremental: true,
      resources: [foreign],
    });
    expect(wrong.status).toBe(400);
    expect(wrong.json.error.field).toBe("resources");

    const badName = await backUp({ vaultId: prod.id, name: "a b", incremental: true });
    expect(badName.status).toBe(400);
    expect(badName.json.error.field).toBe("name");

    // Everything already running: the cloud refuses (BackupService.0001) at the resources.
    const dev = await vaultNamed("vault-dev-servers");
    const first = dev.resources[0]?.id;
    const allBusy = await backUp({
      vaultId: dev.id,
      name: "x",
      incremental: true,
      resources: [first],
    });
    expect(allBusy.status).toBe(400);
    expect(allBusy.json.error).toMatchObject({ code: "BackupService.0001", field: "resources" });

    const frozen = await vaultNamed("vault-archive-frozen");
    const refused = await backUp({ vaultId: frozen.id, name: "x", incremental: true });
    expect(refused.status).toBe(400);
    expect(refused.json.error.field).toBeUndefined();
  });
});

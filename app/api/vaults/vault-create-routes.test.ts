import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CbrPolicyView } from "@/lib/schemas/cbr-policy-form";
import type { VaultListResponse, VaultView } from "@/lib/schemas/vault";
import type { CreateVaultResult, VaultCandidate } from "@/lib/schemas/vault-admin";
import {
  idParams,
  noParams,
  type RouteHarness,
  startRouteHarness,
} from "@/lib/testing/route-harness";
import { matchesBindRules } from "@/lib/vaults/rules";
import { GET as listPolicies } from "../cbr-policies/route";
import { GET as getVault } from "./[id]/route";
import { GET as candidates } from "./candidates/route";
import { POST as createVault, GET as listVaults } from "./route";

let h: RouteHarness;
const request: RouteHarness["request"] = (...args) => h.request(...args);
const CREATE = "POST /cbr/v3/:project_id/vaults";
const MIGRATE = "POST /cbr/v3/:project_id/vaults/:vault_id/migrateresources";

beforeAll(async () => {
  // The CBR-only project; moves wait for no task in either vault, so backups finish fast.
  h = await startRouteHarness({
    project: "eu-de",
    sim: { durations: { protectMs: 200, deleteMs: 200 } },
  });
});
afterAll(() => h.close());

async function answer<T>(res: Response) {
  return { status: res.status, body: (await res.json()) as T };
}
type Refusal = { error: { code: string; field?: string; message: string } };

const changes = (route: string) => h.sim.changeRoutes()[route] ?? 0;

async function serverCandidates(): Promise<VaultCandidate[]> {
  const res = await candidates(request("GET", "/api/vaults/candidates?type=server"), noParams);
  expect(res.status).toBe(200);
  return ((await res.json()) as { candidates: VaultCandidate[] }).candidates;
}

async function vaultNamed(name: string): Promise<VaultView> {
  const res = await listVaults(request("GET", `/api/vaults?name=${name}`), noParams);
  const found = ((await res.json()) as VaultListResponse).vaults.find((v) => v.name === name);
  if (!found) throw new Error(`no vault ${name}`);
  return found;
}

async function vaultById(id: string): Promise<VaultView> {
  const res = await getVault(request("GET", `/api/vaults/${id}`), idParams(id));
  return ((await res.json()) as { vault: VaultView }).vault;
}

const post = (body: unknown) => createVault(request("POST", "/api/vaults", body), noParams);

describe("creating a vault against the simulator", () => {
  it("offers the protectable servers with their tags, their disks and the vault holding them", async () => {
    const list = await serverCandidates();
    const prod = await vaultNamed("vault-prod-servers");
    const held = list.find((c) => c.id === prod.resources[0]?.id);
    expect(held).toMatchObject({
      state: "elsewhere",
      vault: { id: prod.id, name: prod.name },
      backups: prod.resources[0]?.backupCount,
    });
    const free = list.filter((c) => c.state === "free");
    expect(free.length).toBeGreaterThan(2);
    expect(free[0]?.tags.some((t) => t.key === "os_type")).toBe(true);
    expect(free[0]?.disks.length).toBeGreaterThan(0);
  });

  it("refuses each broken rule at its field and sends nothing", async () => {
    const base = { name: "vault-new", objectType: "server", sizeGb: 100 };
    const cases: [unknown, string][] = [
      [{ ...base, name: "has spaces" }, "name"],
      [{ ...base, sizeGb: 5 }, "sizeGb"],
      [{ ...base, sizeGb: 10.5 }, "sizeGb"],
      [{ ...base, objectType: "disk", consistency: "app_consistent" }, "consistency"],
      [
        {
          ...base,
          tags: [
            { key: "team", value: "a" },
            { key: "team", value: "b" },
          ],
        },
        "tags.1.key",
      ],
      [{ ...base, tags: [{ key: "k", value: "has space" }] }, "tags.0.value"],
      [{ ...base, autoBind: true }, "bindRules"],
      [
        {
          ...base,
          bindRules: Array.from({ length: 6 }, (_, i) => ({ key: `k${i}`, value: "" })),
        },
        "bindRules",
      ],
    ];
    for (const [body, field] of cases) {
      const res = await answer<Refusal>(await post(body));
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.field, JSON.stringify(body)).toBe(field);
    }
    expect(changes(CREATE)).toBe(0);
  });

  it("passes the cloud's refusal of a held server on at the resources", async () => {
    const prod = await vaultNamed("vault-prod-servers");
    const res = await answer<Refusal>(
      await post({
        name: "vault-takes-held",
        objectType: "server",
        sizeGb: 100,
        add: [prod.resources[0]?.id],
      }),
    );
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe("add");
    expect(res.body.error.code).toBe("BackupService.6103");
    expect(changes(CREATE)).toBe(1);
  });

  it("creates a server vault with two servers, a policy and tags, and moves a third in with its backups", async () => {
    const list = await serverCandidates();
    const [first, second] = list.filter((c) => c.state === "free");
    const prod = await vaultNamed("vault-prod-servers");
    const moving = prod.resources[0];
    if (!first || !second || !moving) throw new Error("the seed has free and held servers");
    const policies = (
      (await (await listPolicies(request("GET", "/api/cbr-policies"), noParams)).json()) as {
        policies: CbrPolicyView[];
      }
    ).policies;
    const policy = policies.find((p) => p.operationType === "backup");
    if (!policy) throw new Error("the seed has a CBR backup policy");
    const creates = changes(CREATE);
    const migrates = changes(MIGRATE);

    const res = await answer<CreateVaultResult>(
      await post({
        name: "vault-created",
        objectType: "server",
        sizeGb: 2000,
        policyId: policy.id,
        add: [first.id, second.id],
        move: [{ id: moving.id, fromVaultId: prod.id }],
        tags: [{ key: "team", value: "ops" }],
      }),
    );
    expect(res.status).toBe(200);
    expect(res.body.moveProblem).toBeUndefined();
    expect(res.body.added.sort()).toEqual([first.id, second.id].sort());
    expect(res.body.moved).toEqual([moving.id]);
    expect(changes(CREATE)).toBe(creates + 1);
    expect(changes(MIGRATE)).toBe(migrates + 1);

    const made = await vaultById(res.body.vault.id);
    expect(made).toMatchObject({ name: "vault-created", capacityGb: 2000, policyId: policy.id });
    expect(made.resources.map((r) => r.id).sort()).toEqual([first.id, second.id, moving.id].sort());
    expect(made.resources.find((r) => r.id === moving.id)?.backupCount).toBe(moving.backupCount);
    expect((await vaultById(prod.id)).resources.map((r) => r.id)).not.toContain(moving.id);
  });

  it("binds with auto-bind exactly the free servers the preview's rule matches", async () => {
    const before = await serverCandidates();
    const rule = [{ key: "os_type", value: "Windows" }];
    const expected = before
      .filter((c) => c.state === "free" && matchesBindRules(c.tags, rule))
      .map((c) => c.id)
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    const res = await answer<CreateVaultResult>(
      await post({
        name: "vault-auto-bound",
        objectType: "server",
        sizeGb: 1000,
        autoBind: true,
        bindRules: rule,
      }),
    );
    expect(res.status).toBe(200);
    const made = await vaultById(res.body.vault.id);
    expect(made.resources.map((r) => r.id).sort()).toEqual(expected);
  });

  it("says so when the vault was made but a move was refused, and does not fail the creation", async () => {
    const locked = (
      (await (await listVaults(request("GET", "/api/vaults?size=100"), noParams)).json()) as {
        vaults: VaultView[];
      }
    ).vaults.find((v) => v.locked && v.resources.length > 0);
    const held = locked?.resources[0];
    if (!locked || !held) throw new Error("the seed has a locked vault with a resource");
    const res = await answer<CreateVaultResult>(
      await post({
        name: "vault-move-refused",
        objectType: "server",
        sizeGb: 100,
        move: [{ id: held.id, fromVaultId: locked.id }],
      }),
    );
    expect(res.status).toBe(200);
    expect(res.body.moved).toEqual([]);
    expect(res.body.moveProblem).toBeTruthy();
    expect((await vaultById(res.body.vault.id)).resources).toEqual([]);
    expect((await vaultById(locked.id)).resources.map((r) => r.id)).toContain(held.id);
  });
});

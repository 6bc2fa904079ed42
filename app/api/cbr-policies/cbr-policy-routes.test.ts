import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OverviewResponse, ServerRow } from "@/lib/schemas/backups";
import type { CbrPolicyFormValues, CbrPolicyView } from "@/lib/schemas/cbr-policy-form";
import type { VaultListResponse } from "@/lib/schemas/vault";
import {
  idParams,
  noParams,
  type RouteHarness,
  startRouteHarness,
} from "@/lib/testing/route-harness";
import { GET as overview } from "../overview/route";
import { DELETE as deleteCsbsPolicy } from "../policies/[id]/route";
import { GET as listCsbsPolicies } from "../policies/route";
import { GET as listServers } from "../servers/route";
import { GET as listVaults } from "../vaults/route";
import {
  DELETE as deletePolicy,
  GET as getPolicy,
  PUT as savePolicy,
  PATCH as setEnabled,
} from "./[id]/route";
import { DELETE as unbind } from "./[id]/vaults/[vaultId]/route";
import { POST as bind } from "./[id]/vaults/route";
import { POST as createPolicy, GET as listPolicies } from "./route";

let h: RouteHarness;
const request: RouteHarness["request"] = (...args) => h.request(...args);

beforeAll(async () => {
  h = await startRouteHarness({ project: "cn-north-4" });
});
afterAll(() => h.close());

const form = (over: Partial<CbrPolicyFormValues> = {}): CbrPolicyFormValues => ({
  name: "nightly-berlin",
  enabled: true,
  pattern: ["FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=1;BYMINUTE=00"],
  retention: { kind: "count", count: 7 },
  longTerm: { day: 0, week: 4, month: 12, year: 0 },
  timezone: "UTC+01:00",
  ...over,
});

async function json<T>(res: Response): Promise<{ status: number; body: T }> {
  return { status: res.status, body: (await res.json()) as T };
}

async function vaultId(name: string): Promise<string> {
  const res = await listVaults(request("GET", `/api/vaults?name=${name}`), noParams);
  const data = (await res.json()) as VaultListResponse;
  const vault = data.vaults.find((v) => v.name === name);
  if (!vault) throw new Error(name);
  return vault.id;
}

describe("CBR policy routes against the simulator", () => {
  it("lists the seeded policies with their vaults' names", async () => {
    const { status, body } = await json<{ policies: CbrPolicyView[] }>(
      await listPolicies(request("GET", "/api/cbr-policies"), noParams),
    );
    expect(status).toBe(200);
    const daily = body.policies.find((p) => p.name === "daily-prod-0200utc");
    expect(daily).toMatchObject({
      enabled: true,
      operationType: "backup",
      pattern: ["FREQ=DAILY;INTERVAL=1;BYHOUR=2;BYMINUTE=00"],
      vaults: [{ name: "vault-prod-servers", resources: 5 }],
    });
  });

  it("creates, saves, disables, binds, unbinds and deletes a policy; the vault shows it", async () => {
    const created = await json<{ policy: CbrPolicyView }>(
      await createPolicy(request("POST", "/api/cbr-policies", form()), noParams),
    );
    expect(created.status).toBe(200);
    const id = created.body.policy.id;
    expect(created.body.policy.definition).toMatchObject({
      max_backups: 7,
      retention_duration_days: -1,
      week_backups: 4,
      month_backups: 12,
      timezone: "UTC+01:00",
    });

    const saved = await json<{ policy: CbrPolicyView }>(
      await savePolicy(
        request("PUT", `/api/cbr-policies/${id}`, form({ retention: { kind: "days", days: 14 } })),
        idParams(id),
      ),
    );
    expect(saved.body.policy.definition).toMatchObject({
      retention_duration_days: 14,
      max_backups: -1,
    });
    expect(saved.body.policy.definition).not.toHaveProperty("week_backups");

    const off = await json<{ policy: CbrPolicyView }>(
      await setEnabled(
        request("PATCH", `/api/cbr-policies/${id}`, { enabled: false }),
        idParams(id),
      ),
    );
    expect(off.body.policy.enabled).toBe(false);

    const disks = await vaultId("vault-data-disks");
    const bound = await json<{ policy: CbrPolicyView }>(
      await bind(
        request("POST", `/api/cbr-policies/${id}/vaults`, { vaultId: disks }),
        idParams(id),
      ),
    );
    expect(bound.body.policy.vaults.map((v) => v.name)).toEqual(["vault-data-disks"]);
    const vaults = (await (
      await listVaults(request("GET", "/api/vaults"), noParams)
    ).json()) as VaultListResponse;
    expect(vaults.vaults.find((v) => v.id === disks)).toMatchObject({
      policyId: id,
      policyName: "nightly-berlin",
      policyEnabled: false,
    });

    const unbound = await json<{ policy: CbrPolicyView }>(
      await unbind(request("DELETE", `/api/cbr-policies/${id}/vaults/${disks}`), {
        params: Promise.resolve({ id, vaultId: disks }),
      }),
    );
    expect(unbound.body.policy.vaults).toEqual([]);

    const gone = await deletePolicy(request("DELETE", `/api/cbr-policies/${id}`), idParams(id));
    expect(gone.status).toBe(204);
    const read = await json<{ error: { code: string } }>(
      await getPolicy(request("GET", `/api/cbr-policies/${id}`), idParams(id)),
    );
    expect(read.status).toBe(404);
  });

  it.each([
    ["a name with a space", form({ name: "bad name" }), "name"],
    ["no time", form({ pattern: [] }), "pattern"],
    ["a monthly rule", form({ pattern: ["FREQ=MONTHLY;BYHOUR=1;BYMINUTE=00"] }), "pattern"],
    ["a zone name", form({ timezone: "Europe/Berlin" }), "timezone"],
    ["101 weeks", form({ longTerm: { day: 0, week: 101, month: 0, year: 0 } }), "longTerm.week"],
    ["0 backups", form({ retention: { kind: "count", count: 0 } }), "retention.count"],
  ])("refuses %s at the field, before the cloud", async (_, body, field) => {
    const res = await json<{ error: { code: string; field?: string } }>(
      await createPolicy(request("POST", "/api/cbr-policies", body), noParams),
    );
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe(field);
  });

  it("shows the cloud's refusal to bind a second backup policy at the vault, with its code", async () => {
    const created = await json<{ policy: CbrPolicyView }>(
      await createPolicy(request("POST", "/api/cbr-policies", form({ name: "second" })), noParams),
    );
    const id = created.body.policy.id;
    const prod = await vaultId("vault-prod-servers");
    const res = await json<{ error: { code: string; field?: string; message: string } }>(
      await bind(
        request("POST", `/api/cbr-policies/${id}/vaults`, { vaultId: prod }),
        idParams(id),
      ),
    );
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ field: "vaultId" });
    // The console names the policy the vault follows (the cloud's own text is not passed on).
    expect(res.body.error).toMatchObject({ code: "BackupService.6127" });
    expect(res.body.error.message).toContain("It follows the policy “daily-prod-0200utc”");
    await deletePolicy(request("DELETE", `/api/cbr-policies/${id}`), idParams(id));
  });

  it("counts a vault's servers as protected in the overview and /servers exactly while an enabled policy is bound", async () => {
    const vaults = (await (
      await listVaults(request("GET", "/api/vaults?name=vault-dev-servers"), noParams)
    ).json()) as VaultListResponse;
    const dev = vaults.vaults.find((v) => v.name === "vault-dev-servers");
    if (!dev) throw new Error("vault-dev-servers");
    const inVault = new Set(dev.resources.map((r) => r.id));
    const unprotected = async () => {
      const body = (await (
        await overview(request("GET", "/api/overview"), noParams)
      ).json()) as OverviewResponse;
      return body.coverage.withoutPolicy.filter((s) => inVault.has(s.id)).map((s) => s.id);
    };
    const policyOf = async (id: string) => {
      const body = (await (await listServers(request("GET", "/api/servers"), noParams)).json()) as {
        servers: ServerRow[];
      };
      return body.servers.find((s) => s.id === id)?.policy?.name ?? null;
    };
    // The seed binds no CBR policy to the dev vault, but CSBS policies list its servers: without
    // them (this file's own simulator) the vault's servers are protected by nothing.
    const csbs = (await (
      await listCsbsPolicies(request("GET", "/api/policies"), noParams)
    ).json()) as {
      policies: { id: string; resources: { id: string }[] }[];
    };
    for (const p of csbs.policies.filter((p) => p.resources.some((r) => inVault.has(r.id)))) {
      const res = await deleteCsbsPolicy(
        request("DELETE", `/api/policies/${p.id}`),
        idParams(p.id),
      );
      expect(res.status).toBe(204);
    }
    const before = await unprotected();
    expect(before.sort()).toEqual([...inVault].sort());
    const first = before[0] as string;
    expect(await policyOf(first)).toBeNull();

    const created = await json<{ policy: CbrPolicyView }>(
      await createPolicy(
        request("POST", "/api/cbr-policies", form({ name: "dev-nightly" })),
        noParams,
      ),
    );
    const id = created.body.policy.id;
    await bind(
      request("POST", `/api/cbr-policies/${id}/vaults`, { vaultId: dev.id }),
      idParams(id),
    );
    expect(await unprotected()).toEqual([]);
    expect(await policyOf(first)).toBe("dev-nightly");
    const scheduled = (
      (await (await overview(request("GET", "/api/overview"), noParams)).json()) as OverviewResponse
    ).scheduled.filter((run) => run.policyId === id);
    // Weekdays at 01:00 UTC: one or two runs in the next 24 hours, each for the vault's servers.
    for (const run of scheduled) expect(run.servers).toBe(dev.resources.length);

    // Disabled, the policy protects nothing; deleted, nothing either.
    await setEnabled(request("PATCH", `/api/cbr-policies/${id}`, { enabled: false }), idParams(id));
    expect((await unprotected()).sort()).toEqual(before);
    await deletePolicy(request("DELETE", `/api/cbr-policies/${id}`), idParams(id));
    expect(await policyOf(first)).toBeNull();
  });
});

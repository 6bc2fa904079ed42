import { describe, expect, it } from "vitest";
import { cbrProtectionByResource } from "./protection";

const vaults = [
  { id: "v-prod", name: "prod", resources: [{ id: "s1" }, { id: "s2" }] },
  { id: "v-dev", name: "dev", resources: [{ id: "s3" }] },
  { id: "v-off", name: "off", resources: [{ id: "s4" }] },
  { id: "v-copy", name: "copy", resources: [{ id: "s5" }] },
];
const policies = [
  {
    id: "p-daily",
    name: "daily",
    enabled: true,
    operation_type: "backup",
    associated_vaults: [{ vault_id: "v-prod" }, { vault_id: "v-dev" }],
  },
  {
    id: "p-off",
    name: "disabled",
    enabled: false,
    operation_type: "backup",
    associated_vaults: [{ vault_id: "v-off" }],
  },
  {
    id: "p-rep",
    name: "replicate",
    operation_type: "replication",
    associated_vaults: [{ vault_id: "v-copy" }],
  },
];

describe("CBR protection", () => {
  it("protects every resource of a vault bound to an enabled backup policy", () => {
    const map = cbrProtectionByResource(vaults, policies);
    expect([...map.keys()].sort()).toEqual(["s1", "s2", "s3"]);
    expect(map.get("s3")).toEqual({
      vaultId: "v-dev",
      vaultName: "dev",
      policyId: "p-daily",
      policyName: "daily",
    });
  });

  it("does not count a disabled policy, a replication policy or a vault with no policy", () => {
    const map = cbrProtectionByResource(vaults, policies);
    for (const id of ["s4", "s5"]) expect(map.has(id), id).toBe(false);
    expect(cbrProtectionByResource(vaults, []).size).toBe(0);
  });

  it("takes an enabled policy when the cloud leaves `enabled` out (its default)", () => {
    const [first] = policies;
    if (!first) throw new Error("no policy");
    const { enabled: _enabled, ...implicit } = first;
    expect(cbrProtectionByResource(vaults, [implicit]).size).toBe(3);
  });
});

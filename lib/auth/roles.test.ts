import { describe, expect, it } from "vitest";
import { domainAllowed, isReadOnlyRoles, readOnlyFor } from "./roles";

describe("read-only roles", () => {
  it("recognises read-only system roles", () => {
    expect(isReadOnlyRoles(["readonly", "op_service"])).toBe(true);
    expect(isReadOnlyRoles(["tenant_guest"])).toBe(true);
    expect(isReadOnlyRoles(["CSBS ReadOnlyAccess"])).toBe(true);
  });

  it("lets an admin or full-access role win, and unknown roles write", () => {
    expect(isReadOnlyRoles(["te_admin", "op_service"])).toBe(false);
    expect(isReadOnlyRoles(["readonly", "CBR FullAccess"])).toBe(false);
    expect(isReadOnlyRoles(["custom_backup_team"])).toBe(false);
    expect(isReadOnlyRoles([])).toBe(false);
  });
});

describe("AK/SK mode: the console is the only authorization", () => {
  const aksk = (changeRoles: string[]) => ({ aksk: true, changeRoles });
  it("denies changes by default, whatever the role is called", () => {
    expect(readOnlyFor(["te_admin"], aksk([]))).toBe(true);
    expect(readOnlyFor(["custom_backup_team"], aksk([]))).toBe(true);
    expect(readOnlyFor(["ECS FullAccess"], aksk(["cbr admin"]))).toBe(true);
  });
  it("lets only the configured roles change, case-insensitively", () => {
    expect(readOnlyFor(["CBR Admin", "readonly"], aksk(["cbr admin"]))).toBe(false);
    expect(readOnlyFor(["te_admin"], { aksk: false, changeRoles: [] })).toBe(false);
  });
  it("allows any account without a list, else only the listed ids", () => {
    expect(domainAllowed("d1", [])).toBe(true);
    expect(domainAllowed("d1", ["d2"])).toBe(false);
    expect(domainAllowed("d2", ["d1", "d2"])).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import { isReadOnlyRoles } from "./roles";

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

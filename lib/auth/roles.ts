/**
 * Whether IAM roles give only read access. Huawei Cloud and OTC name read-only system roles
 * "readonly", "tenant_guest" or "… ReadOnlyAccess"; an admin or full-access role always wins,
 * so an unknown custom role never locks a real administrator out of writing.
 */
const READ_ONLY = /read[_ -]?only|guest|viewer/i;
const WRITE = /admin|full[_ -]?access|operator/i;

export function isReadOnlyRoles(roles: readonly string[]): boolean {
  return roles.some((role) => READ_ONLY.test(role)) && !roles.some((role) => WRITE.test(role));
}

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

/**
 * Whether a session may change nothing. With a user token the cloud checks every call itself and
 * this only hides what it would refuse. In AK/SK mode the cloud sees the service account, so the
 * console is the only authorization: deny by default, and only the configured roles may change.
 */
export function readOnlyFor(
  roles: readonly string[],
  policy: { aksk: boolean; changeRoles: readonly string[] },
): boolean {
  if (!policy.aksk) return isReadOnlyRoles(roles);
  return !roles.some((role) => policy.changeRoles.includes(role.toLowerCase()));
}

/** Whether an account (domain) id may sign in: any when the list is empty. */
export function domainAllowed(domainId: string, allowed: readonly string[]): boolean {
  return allowed.length === 0 || allowed.includes(domainId);
}

import type { ProjectState, Server, Volume } from "../state";
import { type CsbsFailure, failure } from "./errors";
import type { CsbsState } from "./types";

export const SERVER_TYPE = "OS::Nova::Server";
export const BARE_METAL_TYPE = "OS::Ironic::BareMetalServer";

export type ProtectableServer = { server: Server; volumes: Volume[] };

/** Both kinds of server CSBS backs up (seeds/000: `resource_type`). */
export const PROTECTABLE_TYPES: readonly string[] = [SERVER_TYPE, BARE_METAL_TYPE];

export function typeOf(server: Server): string {
  return server.bareMetal ? BARE_METAL_TYPE : SERVER_TYPE;
}

/**
 * Whether a server can be backed up now: the one rule set behind "back up a resource", "execute a
 * policy", policy firing and `check_protectable`. Without a type, the server's own is assumed
 * (the reference defaults to a cloud server; a bare-metal server is then meant all the same).
 */
export function checkProtectable(
  project: ProjectState,
  resourceId: string,
  resourceType?: string,
): CsbsFailure | ProtectableServer {
  if (resourceType !== undefined && !PROTECTABLE_TYPES.includes(resourceType)) {
    return failure("CSBS.6003", resourceId, resourceType);
  }
  const server = project.servers.find((s) => s.id === resourceId);
  if (!server) return failure("CSBS.6000");
  // A cloud server named as bare metal or the reverse: "this type of server does not support backup".
  if (resourceType !== undefined && resourceType !== typeOf(server)) {
    return failure("CSBS.6006", server.id, resourceType);
  }
  if (server.status === "ERROR") return failure("CSBS.6005", server.id);
  const volumes = attachedVolumes(project, server);
  if (volumes.length === 0) return failure("CSBS.6007", server.id);
  const shared = volumes.find((v) => v.multiattach);
  if (shared) return failure("CSBS.6010", shared.id, server.id);
  return { server, volumes };
}

/** `check_protectable` also says no for a server that is already a member of a policy. */
export function checkPolicyMember(
  csbs: CsbsState,
  serverId: string,
  exceptPolicyId?: string,
): CsbsFailure | null {
  const owner = csbs.policies.find(
    (p) => p.id !== exceptPolicyId && p.resources.some((r) => r.id === serverId),
  );
  return owner ? failure("CSBS.6004", serverId) : null;
}

/** The server's volumes in attachment order (system disk first). */
export function attachedVolumes(project: ProjectState, server: Server): Volume[] {
  const byId = new Map(project.volumes.map((v) => [v.id, v]));
  return server.volumeIds.flatMap((id) => {
    const v = byId.get(id);
    return v ? [v] : [];
  });
}

export function deviceOf(volume: Volume, serverId: string): string {
  return volume.attachments.find((a) => a.serverId === serverId)?.device ?? "";
}

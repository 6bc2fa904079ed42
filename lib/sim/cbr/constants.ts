import type { CbrObjectType, CbrResourceType } from "./types";

// Provider ids as the CBR API reference lists them (ListBackups, `provider_id`).
export const providerIds = {
  server: "0daac4c5-6707-4851-97ba-169e36266b66",
  disk: "d1603440-187d-4516-af25-121250c7cc97",
} as const satisfies Record<CbrObjectType, string>;

export const specCodes = {
  server: "vault.backup.server.normal",
  disk: "vault.backup.volume.normal",
} as const satisfies Record<CbrObjectType, string>;

export const resourceTypeOf = {
  server: "OS::Nova::Server",
  disk: "OS::Cinder::Volume",
} as const satisfies Record<CbrObjectType, CbrResourceType>;

export function objectTypeOf(type: CbrResourceType): CbrObjectType {
  return type === "OS::Nova::Server" ? "server" : "disk";
}

/** Resource types a checkpoint's `resource_details[].type` may name (CreateCheckpoint, Resource). */
export const knownResourceTypes = [
  "OS::Nova::Server",
  "OS::Cinder::Volume",
  "OS::Ironic::BareMetalServer",
  "OS::Sfs::Turbo",
] as const;

export const backupStatuses = [
  "available",
  "protecting",
  "deleting",
  "restoring",
  "error",
  "waiting_protect",
  "waiting_delete",
  "waiting_restore",
] as const;

export const operationTypes = [
  "backup",
  "restore",
  "delete",
  "vault_delete",
  "remove_resource",
  "sync",
  "replication",
] as const;

export const operationStatuses = [
  "success",
  "skipped",
  "failed",
  "running",
  "timeout",
  "waiting",
] as const;

/** Backup statuses during which the resource counts as "being backed up". */
export const protectingStatuses = new Set(["protecting", "waiting_protect"]);

/** CBR backup and task names: 1-64 of letters, digits, `_` and `-` (CreateCheckpoint, `name`). */
export const backupNamePattern = /^[A-Za-z0-9_-]{1,64}$/;
export const descriptionMax = 255;
export const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

import type { CbrState } from "./cbr/types";
import type { CsbsState } from "./csbs/types";

export type ServerStatus = "ACTIVE" | "SHUTOFF" | "ERROR";

export type Flavor = { id: string; name: string; vcpus: number; ram: number; disk: number };

/** One Nova address entry; `addresses` groups them by network name as Nova does. */
export type ServerAddress = {
  addr: string;
  version: 4 | 6;
  type: "fixed" | "floating";
  macAddr: string;
};

export type Server = {
  id: string;
  name: string;
  status: ServerStatus;
  flavor: Flavor;
  availabilityZone: string;
  addresses: Record<string, ServerAddress[]>;
  /** CSBS `imagetype` of the server's image ("gold", "private", …). */
  imageType?: string;
  imageId: string;
  bareMetal: boolean;
  createdAt: string;
  updatedAt: string;
  metadata: Record<string, string>;
  /** Attached volumes in attachment order: the system disk first. */
  volumeIds: string[];
};

export type VolumeStatus = "available" | "in-use" | "error" | "creating" | "restoring-backup";

export type VolumeAttachment = {
  serverId: string;
  device: string;
  attachmentId: string;
  attachedAt: string;
};

export type Volume = {
  id: string;
  name: string;
  description: string;
  sizeGb: number;
  bootable: boolean;
  multiattach: boolean;
  status: VolumeStatus;
  volumeType: string;
  availabilityZone: string;
  attachments: VolumeAttachment[];
  createdAt: string;
  updatedAt: string;
};

export type ProjectState = {
  id: string;
  name: string;
  servers: Server[];
  volumes: Volume[];
  csbs: CsbsState;
  cbr: CbrState;
};

export type TokenScope =
  | { kind: "project"; projectId: string }
  | { kind: "domain"; domainId: string }
  | { kind: "unscoped" };

/** An issued IAM token. Stored under the SHA-256 of the token, never the token itself. */
export type TokenRecord = {
  userId: string;
  scope: TokenScope;
  methods: string[];
  issuedAt: string;
  expiresAt: string;
};

export type SimState = {
  version: 1;
  seededAt: string;
  projects: Record<string, ProjectState>;
  tokens: Record<string, TokenRecord>;
};

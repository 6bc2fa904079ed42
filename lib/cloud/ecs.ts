import "server-only";
import type { CloudContext } from "./context";
import { nextMarker } from "./schemas/common";
import {
  type Server,
  serverListSchema,
  serverResponseSchema,
  type VolumeAttachment,
  volumeAttachmentListSchema,
} from "./schemas/ecs";
import { pickQuery, serviceCall } from "./service";
import { param } from "./url";

export type ServerQuery = {
  limit?: number;
  marker?: string;
  name?: string;
  status?: string;
  /** Exact IPv4 match (Nova `ip` is a regex; the console only sends addresses). */
  ip?: string;
  flavor?: string;
  changes_since?: string;
};
const SERVER_KEYS = ["limit", "marker", "name", "status", "ip", "flavor"] as const;

export type ServerPage = { items: Server[]; nextMarker?: string };

/** `GET /servers/detail`. */
export async function listServers(ctx: CloudContext, query?: ServerQuery): Promise<ServerPage> {
  const q = pickQuery(query, SERVER_KEYS);
  const data = await serviceCall(ctx, "ecs", "GET", ["servers", "detail"], {
    query: query?.changes_since ? { ...q, "changes-since": query.changes_since } : q,
    schema: serverListSchema,
  });
  const marker = nextMarker(data.servers_links);
  return { items: data.servers, ...(marker ? { nextMarker: marker } : {}) };
}

/**
 * Every server of the project, page by page (the cloud's marker), up to `maxPages` of 100: past
 * that the project is larger than any view of the console lists at once.
 */
export async function listAllServers(ctx: CloudContext, maxPages = 20): Promise<Server[]> {
  const all: Server[] = [];
  let marker: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const result = await listServers(ctx, { limit: 100, ...(marker ? { marker } : {}) });
    all.push(...result.items);
    marker = result.nextMarker;
    if (!marker) break;
  }
  return all;
}

export async function getServer(ctx: CloudContext, serverId: string): Promise<Server> {
  const data = await serviceCall(ctx, "ecs", "GET", ["servers", param("server_id", serverId)], {
    schema: serverResponseSchema,
  });
  return data.server;
}

/** `GET /servers/{server_id}/os-volume_attachments`: the server's disks and their devices. */
export async function listServerVolumeAttachments(
  ctx: CloudContext,
  serverId: string,
): Promise<VolumeAttachment[]> {
  const data = await serviceCall(
    ctx,
    "ecs",
    "GET",
    ["servers", param("server_id", serverId), "os-volume_attachments"],
    { schema: volumeAttachmentListSchema },
  );
  return data.volumeAttachments;
}

export type { Server, VolumeAttachment } from "./schemas/ecs";

import "server-only";
import type { CloudContext } from "./context";
import { nextMarker } from "./schemas/common";
import { type Volume, volumeListSchema, volumeResponseSchema } from "./schemas/evs";
import { pickQuery, serviceCall } from "./service";
import { param } from "./url";

export type VolumeQuery = {
  limit?: number;
  marker?: string;
  offset?: number;
  name?: string;
  status?: string;
  availability_zone?: string;
  sort?: string;
};
const VOLUME_KEYS = [
  "limit",
  "marker",
  "offset",
  "name",
  "status",
  "availability_zone",
  "sort",
] as const;

export type VolumePage = { items: Volume[]; nextMarker?: string };

/** `GET /volumes/detail`. */
export async function listVolumes(ctx: CloudContext, query?: VolumeQuery): Promise<VolumePage> {
  const data = await serviceCall(ctx, "evs", "GET", ["volumes", "detail"], {
    query: pickQuery(query, VOLUME_KEYS),
    schema: volumeListSchema,
  });
  const marker = nextMarker(data.volumes_links);
  return { items: data.volumes, ...(marker ? { nextMarker: marker } : {}) };
}

export async function getVolume(ctx: CloudContext, volumeId: string): Promise<Volume> {
  const data = await serviceCall(ctx, "evs", "GET", ["volumes", param("volume_id", volumeId)], {
    schema: volumeResponseSchema,
  });
  return data.volume;
}

export type { Volume } from "./schemas/evs";

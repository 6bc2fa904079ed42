import { z } from "zod";
import { bool, date, dict, linksSchema, looseString, num, str } from "./common";

const attachmentSchema = z.object({
  server_id: str,
  attachment_id: str,
  attached_at: date,
  device: str,
  host_name: str,
  id: str,
  volume_id: str,
});

export const volumeSchema = z.object({
  id: looseString,
  name: str,
  description: str,
  status: z.string(),
  /** GB. */
  size: num,
  /** Cinder sends "true"/"false". */
  bootable: bool,
  multiattach: bool,
  /** Huawei's older name for multiattach. */
  shareable: bool,
  encrypted: bool,
  availability_zone: str,
  volume_type: str,
  snapshot_id: str,
  source_volid: str,
  created_at: date,
  updated_at: date,
  attachments: z.array(attachmentSchema).default([]),
  metadata: dict,
  volume_image_metadata: dict,
  "os-vol-tenant-attr:tenant_id": str,
});
/** An EVS (Cinder) volume. */
export type Volume = z.infer<typeof volumeSchema>;
export type VolumeAttachmentInfo = z.infer<typeof attachmentSchema>;
export const volumeListSchema = z.object({
  volumes: z.array(volumeSchema),
  volumes_links: linksSchema,
  count: num,
});
export const volumeResponseSchema = z.object({ volume: volumeSchema });

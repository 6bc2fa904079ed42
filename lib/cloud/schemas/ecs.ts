import { z } from "zod";
import { bool, date, dict, linksSchema, looseString, num, str } from "./common";

const addressSchema = z.object({
  addr: looseString,
  version: num,
  "OS-EXT-IPS:type": str,
  "OS-EXT-IPS-MAC:mac_addr": str,
});

export const serverSchema = z.object({
  id: looseString,
  name: z.string(),
  status: z.string(),
  description: str,
  created: date,
  updated: date,
  tenant_id: str,
  user_id: str,
  key_name: str,
  locked: bool,
  flavor: z
    .object({ id: str, name: str, vcpus: num, ram: num, disk: num, original_name: str })
    .optional()
    .catch(undefined),
  /** Nova sends `""` for boot-from-volume servers and `{id}` otherwise. */
  image: z
    .union([z.object({ id: looseString }), z.string().transform(() => undefined)])
    .optional()
    .catch(undefined),
  addresses: z.record(z.string(), z.array(addressSchema)).optional().catch(undefined),
  metadata: z.record(z.string(), looseString).optional().catch(undefined),
  tags: z.array(looseString).optional().catch(undefined),
  "OS-EXT-AZ:availability_zone": str,
  "OS-EXT-STS:power_state": num,
  "OS-EXT-STS:task_state": str,
  "OS-EXT-STS:vm_state": str,
  "OS-EXT-SRV-ATTR:instance_name": str,
  "os-extended-volumes:volumes_attached": z
    .array(z.object({ id: looseString, delete_on_termination: bool }))
    .default([]),
  extra: dict,
});
/** An ECS (Nova) server. */
export type Server = z.infer<typeof serverSchema>;
export const serverListSchema = z.object({
  servers: z.array(serverSchema),
  servers_links: linksSchema,
  count: num,
});
export const serverResponseSchema = z.object({ server: serverSchema });

export const volumeAttachmentSchema = z.object({
  id: looseString,
  serverId: str,
  volumeId: looseString,
  device: str,
});
/** A volume attached to a server (`os-volume_attachments`). */
export type VolumeAttachment = z.infer<typeof volumeAttachmentSchema>;
export const volumeAttachmentListSchema = z.object({
  volumeAttachments: z.array(volumeAttachmentSchema),
});

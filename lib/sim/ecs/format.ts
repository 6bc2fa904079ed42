import type { Flavor, Server, Volume } from "../state";

/** Nova prints times without fractions: 2026-11-22T08:30:01Z. */
export function novaTime(iso: string): string {
  return iso.replace(/\.\d{3}Z$/, "Z");
}

function links(base: string, projectId: string, kind: string, id: string) {
  return [
    { rel: "self", href: `${base}/v2.1/${projectId}/${kind}/${id}` },
    { rel: "bookmark", href: `${base}/${projectId}/${kind}/${id}` },
  ];
}

const vmState = { ACTIVE: "active", SHUTOFF: "stopped", ERROR: "error" } as const;
const powerState = { ACTIVE: 1, SHUTOFF: 4, ERROR: 0 } as const;

export function flavorBrief(f: Flavor, base: string, projectId: string) {
  return { id: f.id, name: f.name, links: links(base, projectId, "flavors", f.id) };
}

/** A Nova flavour: `ram` in MB, `disk` in GB (0: the system disk is a volume, as on ECS). */
export function flavorDetail(f: Flavor, base: string, projectId: string) {
  return {
    ...flavorBrief(f, base, projectId),
    vcpus: f.vcpus,
    ram: f.ram,
    disk: f.disk,
    swap: "",
    rxtx_factor: 1.0,
    "OS-FLV-EXT-DATA:ephemeral": 0,
    "OS-FLV-DISABLED:disabled": false,
    "os-flavor-access:is_public": true,
  };
}

export function serverBrief(s: Server, base: string, projectId: string) {
  return { id: s.id, name: s.name, links: links(base, projectId, "servers", s.id) };
}

/** A Nova 2.1 server, with the embedded flavor fields of later microversions (name, vcpus, ram). */
export function serverDetail(s: Server, base: string, projectId: string, userId: string) {
  return {
    id: s.id,
    name: s.name,
    status: s.status,
    tenant_id: projectId,
    user_id: userId,
    metadata: s.metadata,
    hostId: s.status === "ERROR" ? "" : s.id.replace(/-/g, "").slice(0, 28),
    image: s.imageId ? { id: s.imageId, links: links(base, projectId, "images", s.imageId) } : "",
    flavor: {
      id: s.flavor.id,
      name: s.flavor.name,
      original_name: s.flavor.name,
      vcpus: s.flavor.vcpus,
      ram: s.flavor.ram,
      disk: s.flavor.disk,
      links: links(base, projectId, "flavors", s.flavor.id),
    },
    created: novaTime(s.createdAt),
    updated: novaTime(s.updatedAt),
    addresses: Object.fromEntries(
      Object.entries(s.addresses).map(([net, list]) => [
        net,
        list.map((a) => ({
          version: a.version,
          addr: a.addr,
          "OS-EXT-IPS:type": a.type,
          "OS-EXT-IPS-MAC:mac_addr": a.macAddr,
        })),
      ]),
    ),
    accessIPv4: "",
    accessIPv6: "",
    links: links(base, projectId, "servers", s.id),
    progress: 0,
    key_name: null,
    config_drive: "",
    "OS-DCF:diskConfig": "MANUAL",
    "OS-EXT-AZ:availability_zone": s.availabilityZone,
    "OS-EXT-STS:vm_state": vmState[s.status],
    "OS-EXT-STS:power_state": powerState[s.status],
    "OS-EXT-STS:task_state": null,
    "OS-SRV-USG:launched_at": s.status === "ERROR" ? null : s.createdAt.replace(/Z$/, "000"),
    "OS-SRV-USG:terminated_at": null,
    "os-extended-volumes:volumes_attached": s.volumeIds.map((id) => ({
      id,
      delete_on_termination: false,
    })),
    security_groups: [{ name: "default" }],
  };
}

export function volumeAttachmentsOf(s: Server, volumes: Volume[]) {
  return s.volumeIds.flatMap((volumeId) => {
    const attachment = volumes
      .find((v) => v.id === volumeId)
      ?.attachments.find((a) => a.serverId === s.id);
    return attachment
      ? [{ id: volumeId, volumeId, serverId: s.id, device: attachment.device }]
      : [];
  });
}

/** Cinder v2 prints microseconds without a zone: 2026-11-22T08:30:01.123000. */
export function cinderTime(iso: string): string {
  return iso.replace(/\.(\d{3})Z$/, ".$1000");
}

export function volumeBrief(v: Volume, base: string, projectId: string, version = "v2") {
  return {
    id: v.id,
    name: v.name,
    links: links(base, projectId, "volumes", v.id).map((l) => ({
      ...l,
      href: l.href.replace("/v2.1/", `/${version}/`),
    })),
  };
}

/** A Cinder v2 volume: `bootable` is the string "true"/"false", as Cinder sends it. */
export function volumeDetail(
  v: Volume,
  base: string,
  projectId: string,
  userId: string,
  version = "v2",
) {
  return {
    ...volumeBrief(v, base, projectId, version),
    status: v.status,
    size: v.sizeGb,
    availability_zone: v.availabilityZone,
    created_at: cinderTime(v.createdAt),
    updated_at: cinderTime(v.updatedAt),
    description: v.description,
    volume_type: v.volumeType,
    bootable: v.bootable ? "true" : "false",
    multiattach: v.multiattach,
    shareable: v.multiattach ? "true" : "false",
    encrypted: false,
    metadata: {},
    attachments: v.attachments.map((a) => ({
      id: v.id,
      attachment_id: a.attachmentId,
      volume_id: v.id,
      server_id: a.serverId,
      device: a.device,
      host_name: null,
      attached_at: cinderTime(a.attachedAt),
    })),
    replication_status: "disabled",
    consistencygroup_id: null,
    source_volid: null,
    snapshot_id: null,
    user_id: userId,
    "os-vol-tenant-attr:tenant_id": projectId,
    "os-vol-host-attr:host": `evs-${v.availabilityZone}@sim#${v.volumeType}`,
  };
}

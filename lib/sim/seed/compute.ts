import type { SimScale } from "../config";
import { uuidFromRng } from "../ids";
import { intBetween, pick } from "../rng";
import type { Flavor, Server, ServerStatus, Volume } from "../state";

const flavors = {
  small: { id: "s3.medium.2", name: "s3.medium.2", vcpus: 1, ram: 2048, disk: 0 },
  medium: { id: "s3.large.2", name: "s3.large.2", vcpus: 2, ram: 4096, disk: 0 },
  compute: { id: "c3.xlarge.2", name: "c3.xlarge.2", vcpus: 4, ram: 8192, disk: 0 },
  memory: { id: "m3.2xlarge.8", name: "m3.2xlarge.8", vcpus: 8, ram: 65536, disk: 0 },
  bareMetal: {
    id: "physical.s4.large",
    name: "physical.s4.large",
    vcpus: 32,
    ram: 196608,
    disk: 0,
  },
} satisfies Record<string, Flavor>;

type Kind = "normal" | "shared" | "shutoff" | "diskless" | "error" | "bareMetal";

type Plan = { name: string; flavor: Flavor; kind: Kind; dataDisks: number };

const roleFlavor: Record<string, Flavor> = {
  web: flavors.small,
  app: flavors.medium,
  db: flavors.memory,
  cache: flavors.compute,
  mq: flavors.medium,
  file: flavors.medium,
  batch: flavors.compute,
  mon: flavors.small,
};

const dataDiskSizes = [10, 20, 40, 50, 100, 200, 500, 1024];
const volumeTypes = ["SSD", "SAS", "SATA", "GPSSD"];
const images = [
  { name: "Ubuntu 22.04 server 64bit", type: "gold", os: "Linux" },
  { name: "CentOS 7.9 64bit", type: "gold", os: "Linux" },
  { name: "Windows Server 2019 Datacenter 64bit", type: "gold", os: "Windows" },
  { name: "app-base-2026-03", type: "private", os: "Linux" },
];

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/**
 * The demo servers: a few flavours, each with a system disk and 0–3 data disks, plus one of each
 * special case the console must handle (shared disk, bare metal, stopped, no disk, error).
 */
function plans(rand: () => number, scale: SimScale): Plan[] {
  const dataDisks = () => intBetween(rand, 0, 3);
  const list: Plan[] = [];
  const roles: [string, number][] =
    scale === "large"
      ? [
          ["web", 120],
          ["app", 120],
          ["db", 60],
          ["cache", 60],
          ["mq", 40],
          ["batch", 50],
          ["mon", 43],
        ]
      : [
          ["web", 4],
          ["app", 4],
          ["db", 3],
          ["cache", 2],
          ["mq", 1],
        ];
  const width = scale === "large" ? 3 : 2;
  for (const [role, count] of roles) {
    for (let i = 1; i <= count; i++) {
      const flavor = roleFlavor[role] ?? flavors.small;
      // Databases always have data disks: they are what people restore.
      list.push({
        name: `${role}-${pad(i, width)}`,
        flavor,
        kind: "normal",
        dataDisks: role === "db" ? Math.max(1, dataDisks()) : dataDisks(),
      });
    }
  }
  list.push(
    { name: "file-01", flavor: flavors.medium, kind: "shared", dataDisks: 1 },
    { name: "file-02", flavor: flavors.medium, kind: "shared", dataDisks: 0 },
    { name: "batch-legacy", flavor: flavors.compute, kind: "shutoff", dataDisks: 1 },
    { name: "pxe-01", flavor: flavors.small, kind: "diskless", dataDisks: 0 },
    { name: "build-01", flavor: flavors.compute, kind: "error", dataDisks: 1 },
    { name: "bms-01", flavor: flavors.bareMetal, kind: "bareMetal", dataDisks: 2 },
  );
  return list;
}

const statusOf: Record<Kind, ServerStatus> = {
  normal: "ACTIVE",
  shared: "ACTIVE",
  shutoff: "SHUTOFF",
  diskless: "ACTIVE",
  error: "ERROR",
  bareMetal: "ACTIVE",
};

/** OpenStack's fa:16:3e prefix and three random bytes. */
function mac(rand: () => number): string {
  const bytes = Array.from({ length: 3 }, () =>
    intBetween(rand, 0, 255).toString(16).padStart(2, "0"),
  );
  return `fa:16:3e:${bytes.join(":")}`;
}

/** Servers and volumes of one project; deterministic for a given PRNG, clock and scale. */
export function seedCompute(
  projectName: string,
  rand: () => number,
  now: Date,
  scale: SimScale,
): { servers: Server[]; volumes: Volume[] } {
  const zones = [`${projectName}a`, `${projectName}b`];
  const servers: Server[] = [];
  const volumes: Volume[] = [];
  const dayMs = 24 * 3600 * 1000;
  const network = `subnet-${projectName}`;
  let sharedVolume: Volume | null = null;

  const makeVolume = (
    name: string,
    sizeGb: number,
    bootable: boolean,
    zone: string,
    createdAt: string,
    multiattach = false,
  ): Volume => {
    const v: Volume = {
      id: uuidFromRng(rand),
      name,
      description: "",
      sizeGb,
      bootable,
      multiattach,
      status: "available",
      volumeType: pick(rand, volumeTypes),
      availabilityZone: zone,
      attachments: [],
      createdAt,
      updatedAt: createdAt,
    };
    volumes.push(v);
    return v;
  };

  const attach = (v: Volume, server: Server, device: string) => {
    v.attachments.push({
      serverId: server.id,
      device,
      attachmentId: uuidFromRng(rand),
      attachedAt: server.createdAt,
    });
    v.status = "in-use";
    server.volumeIds.push(v.id);
  };

  plans(rand, scale).forEach((plan, index) => {
    const zone = plan.kind === "shared" ? (zones[0] as string) : pick(rand, zones);
    const createdAt = new Date(
      now.getTime() - intBetween(rand, 20, 400) * dayMs - intBetween(rand, 0, 86_399) * 1000,
    );
    const created = createdAt.toISOString();
    const image = pick(rand, images);
    const imageId = uuidFromRng(rand);
    const zoneIndex = zones.indexOf(zone);
    const addresses: Server["addresses"] = {
      [network]: [
        {
          addr: `192.168.${zoneIndex * 16 + Math.floor(index / 250)}.${(index % 250) + 4}`,
          version: 4,
          type: "fixed",
          macAddr: mac(rand),
        },
      ],
    };
    if (plan.name.startsWith("web-") && index < 4) {
      addresses[network]?.push({
        addr: `100.93.${intBetween(rand, 1, 254)}.${intBetween(rand, 1, 254)}`,
        version: 4,
        type: "floating",
        macAddr: addresses[network]?.[0]?.macAddr ?? "",
      });
    }
    const server: Server = {
      id: uuidFromRng(rand),
      name: plan.name,
      status: statusOf[plan.kind],
      flavor: plan.flavor,
      availabilityZone: zone,
      addresses,
      imageType: image.type,
      imageId,
      bareMetal: plan.kind === "bareMetal",
      createdAt: created,
      updatedAt: created,
      metadata: {
        "metering.image_id": imageId,
        "metering.imagetype": image.type,
        "metering.cloudServiceType":
          plan.kind === "bareMetal" ? "hws.service.type.bms" : "hws.service.type.ec2",
        image_name: image.name,
        os_type: image.os,
      },
      volumeIds: [],
    };
    servers.push(server);
    if (plan.kind === "diskless") return;

    const system = makeVolume(
      `${plan.name}-sys`,
      image.os === "Windows" ? 60 : 40,
      true,
      zone,
      created,
    );
    attach(system, server, "/dev/vda");
    for (let d = 0; d < plan.dataDisks; d++) {
      const data = makeVolume(
        `${plan.name}-data-${d + 1}`,
        pick(rand, dataDiskSizes),
        false,
        zone,
        created,
      );
      attach(data, server, `/dev/vd${String.fromCharCode(98 + d)}`);
    }
    if (plan.kind === "shared") {
      // One SCSI shared disk attached to both file servers (CSBS refuses to back those up: CSBS.6010).
      sharedVolume ??= makeVolume("file-shared-data", 500, false, zone, created, true);
      attach(sharedVolume, server, `/dev/vd${String.fromCharCode(98 + plan.dataDisks)}`);
    }
  });

  // Unattached volumes, as every real project has some.
  for (let i = 1; i <= 3; i++) {
    const created = new Date(now.getTime() - intBetween(rand, 1, 60) * dayMs).toISOString();
    makeVolume(`spare-${pad(i)}`, pick(rand, dataDiskSizes), false, pick(rand, zones), created);
  }
  return { servers, volumes };
}

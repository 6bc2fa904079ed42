import type { ProjectState } from "../state";

export type ImsImage = {
  id: string;
  name: string;
  visibility: "public" | "private";
  imageType: string;
  osType: string;
  platform: string;
  minDiskGb: number;
  sizeBytes: number;
  owner: string;
  bareMetal: boolean;
  createdAt: string;
};

/** Owner of the public (gold) images: not a tenant's project. */
const publicOwner = "1bed856811654c1cb661a6ca845ebc77";

const GiB = 1024 ** 3;

function platformOf(name: string, os: string): string {
  if (os === "Windows") return "Windows";
  const first = name.split(" ")[0] ?? "";
  return ["Ubuntu", "CentOS", "Debian", "EulerOS", "SUSE"].includes(first) ? first : "Other";
}

/**
 * The images a project can see: those its servers boot from, derived from the servers (the seed
 * gives each server its image id, name and type), one per image id, in server order.
 */
export function imagesOf(project: ProjectState): ImsImage[] {
  const byId = new Map<string, ImsImage>();
  for (const s of project.servers) {
    if (!s.imageId || byId.has(s.imageId)) continue;
    const name = s.metadata.image_name ?? "image";
    const os = s.metadata.os_type ?? "Linux";
    const imageType = s.imageType ?? s.metadata["metering.imagetype"] ?? "private";
    const gold = imageType === "gold";
    byId.set(s.imageId, {
      id: s.imageId,
      name,
      visibility: gold ? "public" : "private",
      imageType,
      osType: os,
      platform: platformOf(name, os),
      minDiskGb: os === "Windows" ? 60 : 40,
      sizeBytes: (os === "Windows" ? 14 : 2) * GiB,
      owner: gold ? publicOwner : project.id,
      bareMetal: s.bareMetal,
      createdAt: s.createdAt,
    });
  }
  return [...byId.values()];
}

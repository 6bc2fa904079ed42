import type { MessageKey } from "@/lib/i18n/messages";
import type { Translate } from "@/lib/i18n/translate";

const TYPE_LABELS: Record<string, MessageKey> = {
  server: "vaults.type.server",
  disk: "vaults.type.disk",
  turbo: "vaults.type.turbo",
};
const STATUS_LABELS: Record<string, MessageKey> = {
  available: "vaults.status.available",
  lock: "vaults.status.lock",
  frozen: "vaults.status.frozen",
  deleting: "vaults.status.deleting",
  error: "vaults.status.error",
};
const RESOURCE_TYPE_LABELS: Record<string, MessageKey> = {
  "OS::Nova::Server": "vaults.type.server",
  "OS::Cinder::Volume": "vaults.type.disk",
  "OS::Sfs::Turbo": "vaults.type.turbo",
};
// An unknown value shows the cloud's own word rather than nothing.
const label = (table: Record<string, MessageKey>) => (t: Translate, value: string) => {
  const key = table[value];
  return key ? t(key) : value || "—";
};

export const vaultTypeLabel = label(TYPE_LABELS);
export const vaultStatusLabel = label(STATUS_LABELS);
export const resourceTypeLabel = label(RESOURCE_TYPE_LABELS);

/** Tone of a vault's state: only `available` is calm. */
export function vaultStatusTone(status: string): "success" | "warning" | "danger" | "muted" {
  if (status === "available") return "success";
  if (status === "error") return "danger";
  if (status === "deleting") return "muted";
  return "warning";
}

/** MB as the ui-guide writes sizes: MB below 1 GB, GB above. */
export function sizeText(mb: number, format: (n: number, o?: Intl.NumberFormatOptions) => string) {
  if (mb < 1024) return `${format(Math.round(mb))} MB`;
  return `${format(mb / 1024, { maximumFractionDigits: 1 })} GB`;
}

"use client";

import { AlertTriangleIcon, CheckIcon, LockIcon, SnowflakeIcon, TrashIcon } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { useT } from "@/lib/i18n/i18n-provider";
import { vaultStatusLabel, vaultStatusTone } from "./vault-labels";

const ICONS = {
  available: CheckIcon,
  lock: LockIcon,
  frozen: SnowflakeIcon,
  deleting: TrashIcon,
} as const;

/** A vault's state (not a backup's): word, icon and tone, so colour is never the only signal. */
export function VaultStatusBadge({ status }: { status: string }) {
  const t = useT();
  const Icon = ICONS[status as keyof typeof ICONS] ?? AlertTriangleIcon;
  return (
    <Badge variant={vaultStatusTone(status)} className="gap-1.5" data-vault-status={status}>
      <Icon aria-hidden="true" />
      {vaultStatusLabel(t, status)}
    </Badge>
  );
}

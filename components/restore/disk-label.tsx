"use client";

import { HardDriveIcon, ServerIcon } from "lucide-react";
import { useT } from "@/lib/i18n/i18n-provider";
import type { RestoreDisk } from "@/lib/schemas/restore";

/** A disk backup as people recognise it: its source volume, system or data, and its size. */
export function DiskLabel({ disk }: { disk: RestoreDisk }) {
  const t = useT();
  const Icon = disk.bootable ? ServerIcon : HardDriveIcon;
  return (
    <div className="flex min-w-0 items-start gap-3">
      <Icon aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-muted-foreground" />
      <div className="min-w-0">
        <div className="truncate font-medium" title={disk.sourceVolumeName || disk.name}>
          {disk.sourceVolumeName || disk.name}
        </div>
        <div className="flex flex-wrap gap-x-2 text-muted-foreground text-xs">
          <span>{disk.bootable ? t("restore.disk.system") : t("restore.disk.data")}</span>
          <span className="tabular-nums">{t("restore.gb", { size: disk.sizeGb })}</span>
          <span className="truncate font-mono" title={disk.id}>
            {disk.name}
          </span>
        </div>
      </div>
    </div>
  );
}

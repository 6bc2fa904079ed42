"use client";

import { BanIcon } from "lucide-react";
import { StatusBadge } from "@/components/status/status-badge";
import { statusMeta } from "@/components/status/status-meta";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { formatDateTime, formatRelativeTime } from "@/lib/i18n/format";
import { useLocale, useT } from "@/lib/i18n/i18n-provider";
import type { MessageKey } from "@/lib/i18n/messages";
import type { RestoreBackupView } from "@/lib/schemas/restore";
import { cloudDate } from "./cloud-time";
import { DiskLabel } from "./disk-label";
import { useCodeText } from "./words";

const MODES = new Set(["backup", "snapshot", "na"]);

/** Step 1: what is being restored, or why it cannot be. */
export function BackupStep({ backup }: { backup: RestoreBackupView }) {
  const t = useT();
  const codeText = useCodeText();
  const locale = useLocale();
  const created = cloudDate(backup.createdAt);
  const mode = backup.restoreMode && MODES.has(backup.restoreMode) ? backup.restoreMode : "unknown";
  const meta = statusMeta(backup.status);
  const statusWord = meta.known ? t(meta.label) : backup.status;
  return (
    <section aria-labelledby="restore-backup-heading" className="grid gap-4">
      <h2 id="restore-backup-heading" className="font-semibold text-lg">
        {t("restore.backup.heading")}
      </h2>
      {backup.refusal ? (
        <Alert variant="destructive" data-testid="restore-refusal">
          <BanIcon aria-hidden="true" />
          <AlertTitle>{t("restore.refused.title")}</AlertTitle>
          <AlertDescription>
            {codeText(
              "restore.refusal",
              backup.refusal.code,
              { status: statusWord },
              backup.refusal.message,
            )}
          </AlertDescription>
        </Alert>
      ) : null}
      <dl className="grid gap-x-6 gap-y-3 rounded-lg border p-4 sm:grid-cols-2 lg:grid-cols-3">
        <Item label={t("restore.backup.name")}>
          <span className="break-all">{backup.name}</span>
          <span className="block font-mono text-muted-foreground text-xs">{backup.id}</span>
        </Item>
        <Item label={t("restore.backup.server")}>{backup.serverName}</Item>
        <Item label={t("restore.backup.created")}>
          {created ? (
            <time dateTime={created.toISOString()} title={formatDateTime(locale, created)}>
              {formatDateTime(locale, created)}{" "}
              <span className="text-muted-foreground">({formatRelativeTime(locale, created)})</span>
            </time>
          ) : (
            "—"
          )}
        </Item>
        <Item label={t("restore.backup.status")}>
          <StatusBadge status={backup.status} />
        </Item>
        <Item label={t("restore.backup.mode")}>{t(`restore.mode.${mode}` as MessageKey)}</Item>
        <Item label={t("restore.backup.service")}>{backup.service.toUpperCase()}</Item>
        {backup.availabilityZone ? (
          <Item label={t("restore.backup.zone")}>{backup.availabilityZone}</Item>
        ) : null}
      </dl>
      <div>
        <h3 className="mb-2 font-medium text-sm">
          {t("restore.backup.disks")}{" "}
          <span className="text-muted-foreground tabular-nums">({backup.disks.length})</span>
        </h3>
        <ul className="grid gap-2 sm:grid-cols-2">
          {backup.disks.map((disk) => (
            <li key={disk.id} className="rounded-md border p-3">
              <DiskLabel disk={disk} />
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-muted-foreground text-xs">{label}</dt>
      <dd className="mt-0.5 text-sm">{children}</dd>
    </div>
  );
}

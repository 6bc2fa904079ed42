"use client";

import { ArrowRightIcon, CircleAlertIcon, CircleCheckIcon, RotateCcwIcon } from "lucide-react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useT } from "@/lib/i18n/i18n-provider";
import type { RestoreViolation } from "@/lib/restore";
import type { RestoreDisk, TargetVolumeView } from "@/lib/schemas/restore";
import { cn } from "@/lib/utils";
import { DiskLabel } from "./disk-label";
import { useCodeText } from "./words";

export type RowRefusal = { backupId: string; message: string };

type MappingStepProps = {
  serverName: string;
  disks: RestoreDisk[];
  volumes: TargetVolumeView[];
  mapping: Record<string, string>;
  violations: RestoreViolation[];
  /** The cloud's refusal of the last submit, on the row it concerns. */
  refusal: RowRefusal | null;
  onChange: (backupId: string, volumeId: string) => void;
  onReset: () => void;
};

const selectClass =
  "h-11 w-full min-w-0 rounded-md border border-input bg-background px-3 text-sm shadow-xs outline-none focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/50 aria-invalid:border-destructive dark:bg-input/20";

/** Step 3: two columns, disk backups → target disks, with each rule's verdict on its row. */
export function MappingStep(props: MappingStepProps) {
  const { serverName, disks, volumes, mapping, violations, refusal, onChange, onReset } = props;
  const t = useT();
  const codeText = useCodeText();
  const byId = new Map(volumes.map((v) => [v.id, v]));
  const rowMessages = (disk: RestoreDisk): string[] => {
    const volume = byId.get(mapping[disk.id] ?? "");
    const params = { source: disk.sizeGb, target: volume?.sizeGb ?? "?" };
    const own = violations
      .filter((v) => v.backupIds.includes(disk.id))
      .map((v) => codeText("restore.rule", v.code, params, v.message));
    if (refusal?.backupId === disk.id) own.push(refusal.message);
    return [...new Set(own)];
  };
  const general = violations.filter((v) => v.backupIds.length === 0);

  return (
    <section aria-labelledby="restore-mapping-heading" className="grid gap-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id="restore-mapping-heading" className="font-semibold text-lg">
            {t("restore.mapping.heading", { server: serverName })}
          </h2>
          <p className="text-muted-foreground text-sm">{t("restore.mapping.hint")}</p>
        </div>
        <Button type="button" variant="outline" size="sm" onClick={onReset}>
          <RotateCcwIcon aria-hidden="true" />
          {t("restore.mapping.reset")}
        </Button>
      </div>
      {general.map((v) => (
        <Alert key={v.code} variant="destructive">
          <CircleAlertIcon aria-hidden="true" />
          <AlertDescription>{codeText("restore.rule", v.code, {}, v.message)}</AlertDescription>
        </Alert>
      ))}
      <div
        aria-hidden="true"
        className="hidden grid-cols-[minmax(0,1fr)_2rem_minmax(0,1fr)] gap-3 px-3 text-muted-foreground text-xs uppercase tracking-wide md:grid"
      >
        <span>{t("restore.mapping.source")}</span>
        <span />
        <span>{t("restore.mapping.target")}</span>
      </div>
      <ol className="grid gap-3">
        {disks.map((disk) => {
          const messages = rowMessages(disk);
          const ok = messages.length === 0;
          const selectId = `restore-target-${disk.id}`;
          const statusId = `${selectId}-status`;
          const label = t("restore.mapping.targetFor", {
            disk: disk.sourceVolumeName || disk.name,
          });
          return (
            <li
              key={disk.id}
              data-testid="restore-mapping-row"
              data-disk={disk.id}
              data-valid={ok}
              className={cn(
                "grid items-center gap-3 rounded-lg border p-3 md:grid-cols-[minmax(0,1fr)_2rem_minmax(0,1fr)]",
                ok ? "border-border" : "border-destructive/60 bg-destructive/5",
              )}
            >
              <DiskLabel disk={disk} />
              <ArrowRightIcon
                aria-hidden="true"
                className="hidden size-5 justify-self-center text-muted-foreground md:block"
              />
              <div className="grid min-w-0 gap-1.5">
                <label htmlFor={selectId} className="sr-only">
                  {label}
                </label>
                <select
                  id={selectId}
                  className={selectClass}
                  value={mapping[disk.id] ?? ""}
                  aria-invalid={!ok}
                  aria-describedby={statusId}
                  onChange={(e) => onChange(disk.id, e.target.value)}
                >
                  <option value="">{t("restore.mapping.choose")}</option>
                  {volumes.map((v) => (
                    <option key={v.id} value={v.id}>
                      {[
                        v.name,
                        t("restore.gb", { size: v.sizeGb }),
                        v.device,
                        v.system ? t("restore.mapping.system") : null,
                        v.multiattach ? t("restore.mapping.shared") : null,
                      ]
                        .filter(Boolean)
                        .join(" · ")}
                    </option>
                  ))}
                </select>
                <div id={statusId} aria-live="polite" className="text-xs">
                  {ok ? (
                    <span className="flex items-center gap-1.5 text-success">
                      <CircleCheckIcon aria-hidden="true" className="size-3.5" />
                      {t("restore.mapping.ok")}
                    </span>
                  ) : (
                    <ul className="grid gap-1" data-testid="restore-row-errors">
                      {messages.map((m) => (
                        <li key={m} className="flex items-start gap-1.5 text-destructive">
                          <CircleAlertIcon aria-hidden="true" className="mt-px size-3.5 shrink-0" />
                          <span>{m}</span>
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

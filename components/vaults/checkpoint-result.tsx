"use client";

import { AlertTriangleIcon, CheckCircle2Icon } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { useT } from "@/lib/i18n/i18n-provider";
import type { CheckpointView } from "@/lib/schemas/vault";
import { resourceTypeLabel } from "./vault-labels";

/**
 * What a vault backup run covers and, first and loudest, what it skipped and why: a skipped
 * resource has no new backup, which an administrator must not miss.
 */
export function CheckpointResult({ checkpoint }: { checkpoint: CheckpointView }) {
  const t = useT();
  return (
    <div className="grid gap-3" data-testid="checkpoint-result">
      {checkpoint.skipped.length > 0 ? (
        <Alert variant="warning" data-testid="checkpoint-skipped">
          <AlertTriangleIcon aria-hidden="true" />
          <AlertTitle className="font-semibold">
            {t("vaults.result.skipped", { count: checkpoint.skipped.length })}
          </AlertTitle>
          <AlertDescription>
            <p>{t("vaults.result.skippedHint")}</p>
            <ul className="mt-1 grid gap-1">
              {checkpoint.skipped.map((s) => (
                <li key={s.id} data-testid="skipped-resource">
                  <span className="font-medium">{s.name || s.id}</span>
                  {" — "}
                  <span>{s.reason}</span>
                  {s.code ? (
                    <span className="ml-1 font-mono text-muted-foreground text-xs">({s.code})</span>
                  ) : null}
                </li>
              ))}
            </ul>
          </AlertDescription>
        </Alert>
      ) : null}
      <Alert variant="info">
        <CheckCircle2Icon aria-hidden="true" />
        <AlertTitle className="font-semibold">
          {t("vaults.result.covers", { count: checkpoint.resources.length })}
        </AlertTitle>
        <AlertDescription>
          <ul className="grid gap-0.5" data-testid="covered-resources">
            {checkpoint.resources.map((r) => (
              <li key={r.id}>
                {r.name || r.id}{" "}
                <span className="text-muted-foreground text-xs">
                  ({resourceTypeLabel(t, r.type)})
                </span>
              </li>
            ))}
          </ul>
          {checkpoint.skipped.length === 0 ? (
            <p className="mt-1 text-muted-foreground">{t("vaults.result.noneSkipped")}</p>
          ) : null}
          <p className="mt-1 font-mono text-muted-foreground text-xs">
            {t("vaults.result.id", { id: checkpoint.id })}
            {checkpoint.name ? ` · ${checkpoint.name}` : ""}
          </p>
        </AlertDescription>
      </Alert>
    </div>
  );
}

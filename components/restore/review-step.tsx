"use client";

import { CircleAlertIcon, CircleCheckIcon, Loader2Icon, TriangleAlertIcon } from "lucide-react";
import { useId, useState } from "react";
import { ReadOnlyNotice } from "@/components/layout/read-only-notice";
import { useCanChange } from "@/components/layout/session-provider";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { useT } from "@/lib/i18n/i18n-provider";
import type { RestoreViolation } from "@/lib/restore";
import {
  confirmsServerName,
  type PreflightResponse,
  type RestoreDisk,
  type TargetVolumeView,
} from "@/lib/schemas/restore";
import { useCodeText } from "./words";

export type PreflightView =
  | { kind: "none" }
  | { kind: "running" }
  | { kind: "answer"; answer: PreflightResponse }
  | { kind: "error"; message: string };

type ReviewStepProps = {
  serverName: string;
  disks: RestoreDisk[];
  volumes: TargetVolumeView[];
  mapping: Record<string, string>;
  violations: RestoreViolation[];
  powerOn: boolean;
  onPowerOn: (on: boolean) => void;
  preflight: PreflightView;
  submitting: boolean;
  submitError: string | null;
  onSubmit: () => void;
};

/** Step 4: what will be overwritten, power-on, the cloud's own check, then the typed confirmation. */
export function ReviewStep(props: ReviewStepProps) {
  const { serverName, disks, volumes, mapping, violations, powerOn, preflight } = props;
  const t = useT();
  const codeText = useCodeText();
  const [typed, setTyped] = useState("");
  const confirmId = useId();
  const powerId = useId();
  const byId = new Map(volumes.map((v) => [v.id, v]));
  const rows = disks.map((disk) => ({ disk, volume: byId.get(mapping[disk.id] ?? "") }));
  const totalGb = rows.reduce((sum, r) => sum + (r.volume?.sizeGb ?? 0), 0);
  const preflightOk =
    preflight.kind === "none" || (preflight.kind === "answer" && preflight.answer.ok);
  // Read-only users may walk through a restore and its checks, but not start it.
  const canChange = useCanChange();
  const ready =
    canChange &&
    violations.length === 0 &&
    preflightOk &&
    confirmsServerName(typed, serverName) &&
    !props.submitting;

  return (
    <section aria-labelledby="restore-review-heading" className="grid gap-5">
      <h2 id="restore-review-heading" className="font-semibold text-lg">
        {t("restore.review.heading")}
      </h2>

      <Alert variant="warning">
        <TriangleAlertIcon aria-hidden="true" />
        <AlertTitle data-testid="restore-summary">
          {t("restore.review.summary", { count: rows.length, server: serverName, size: totalGb })}
        </AlertTitle>
        <AlertDescription>{t("restore.review.warning")}</AlertDescription>
      </Alert>

      <ul className="grid gap-2" data-testid="restore-overwrites">
        {rows.map(({ disk, volume }) => (
          <li
            key={disk.id}
            className="flex flex-wrap items-center justify-between gap-2 rounded-md border p-3 text-sm"
          >
            <span className="font-medium">
              {volume?.name ?? "—"}{" "}
              <span className="text-muted-foreground tabular-nums">
                ({t("restore.gb", { size: volume?.sizeGb ?? 0 })}
                {volume?.device ? ` · ${volume.device}` : ""})
              </span>
            </span>
            <span className="text-muted-foreground">
              ← {disk.sourceVolumeName || disk.name} ({t("restore.gb", { size: disk.sizeGb })})
            </span>
          </li>
        ))}
      </ul>

      {violations.length > 0 ? (
        <Alert variant="destructive" data-testid="restore-review-violations">
          <CircleAlertIcon aria-hidden="true" />
          <AlertTitle>{t("restore.mapping.blocked")}</AlertTitle>
          <AlertDescription>
            <ul className="list-disc pl-4">
              {violations.map((v) => (
                <li key={`${v.code}-${v.backupIds.join()}`}>
                  {codeText("restore.rule", v.code, { source: "?", target: "?" }, v.message)}
                </li>
              ))}
            </ul>
          </AlertDescription>
        </Alert>
      ) : null}

      <div className="flex items-start gap-3 rounded-md border p-3">
        <input
          id={powerId}
          type="checkbox"
          checked={powerOn}
          onChange={(e) => props.onPowerOn(e.target.checked)}
          className="mt-0.5 size-5 shrink-0 accent-primary"
          aria-describedby={`${powerId}-hint`}
        />
        <div>
          <label htmlFor={powerId} className="font-medium text-sm">
            {t("restore.review.powerOn")}
          </label>
          <p id={`${powerId}-hint`} className="text-muted-foreground text-xs">
            {t("restore.review.powerOnHint")}
          </p>
        </div>
      </div>

      <div className="grid gap-1" data-testid="restore-preflight" data-state={preflight.kind}>
        <h3 className="font-medium text-sm">{t("restore.review.preflight")}</h3>
        <PreflightLine preflight={preflight} />
      </div>

      <form
        className="grid gap-3 rounded-lg border border-destructive/40 p-4"
        onSubmit={(e) => {
          e.preventDefault();
          if (ready) props.onSubmit();
        }}
      >
        <label htmlFor={confirmId} className="font-medium text-sm">
          {t("restore.review.confirm", { name: serverName })}
        </label>
        <Input
          id={confirmId}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          autoComplete="off"
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
        />
        <ReadOnlyNotice />
        {props.submitError ? (
          <p role="alert" className="font-medium text-destructive text-sm">
            {props.submitError}
          </p>
        ) : null}
        <Button type="submit" variant="destructive" disabled={!ready} className="sm:w-fit">
          {props.submitting ? (
            <>
              <Loader2Icon aria-hidden="true" className="animate-spin" />
              {t("restore.review.submitting")}
            </>
          ) : (
            t("restore.review.submit")
          )}
        </Button>
      </form>
    </section>
  );
}

function PreflightLine({ preflight }: { preflight: PreflightView }) {
  const t = useT();
  switch (preflight.kind) {
    case "none":
      return <p className="text-muted-foreground text-sm">{t("restore.review.preflightNone")}</p>;
    case "running":
      return (
        <p className="flex items-center gap-2 text-muted-foreground text-sm">
          <Loader2Icon aria-hidden="true" className="size-4 animate-spin" />
          {t("restore.review.preflightRunning")}
        </p>
      );
    case "error":
      return (
        <p className="flex items-center gap-2 text-destructive text-sm">
          <CircleAlertIcon aria-hidden="true" className="size-4" />
          {t("restore.review.preflightError", { message: preflight.message })}
        </p>
      );
    case "answer":
      return preflight.answer.ok ? (
        <p className="flex items-center gap-2 text-sm text-success">
          <CircleCheckIcon aria-hidden="true" className="size-4" />
          {t("restore.review.preflightOk")}
        </p>
      ) : (
        <p className="flex items-center gap-2 text-destructive text-sm">
          <CircleAlertIcon aria-hidden="true" className="size-4" />
          {t("restore.review.preflightRefused", {
            message: preflight.answer.message ?? preflight.answer.code ?? "",
          })}
        </p>
      );
  }
}

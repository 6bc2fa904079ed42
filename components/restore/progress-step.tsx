"use client";

import { useQuery } from "@tanstack/react-query";
import { CircleAlertIcon, CircleCheckIcon, HourglassIcon, Loader2Icon } from "lucide-react";
import Link from "next/link";
import { useAnnounceWhenFinished } from "@/components/layout/live-announcer";
import { StatusBadge } from "@/components/status/status-badge";
import { StatusProgress } from "@/components/status/status-progress";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { isApiError } from "@/lib/api/errors";
import { restoreStatusQuery } from "@/lib/api/restore";
import { useT } from "@/lib/i18n/i18n-provider";
import type { RestoreService, RestoreState } from "@/lib/schemas/restore";

type ProgressStepProps = {
  wizardKey: string;
  service: RestoreService;
  backupId: string;
  serverId: string;
  serverName: string;
  /** The submit is still on its way: the key may have no record yet. */
  submitting: boolean;
  /** The request never reached the console (no record of the key): send it again. */
  onNotReceived: () => void;
};

const ICONS: Record<RestoreState, typeof CircleCheckIcon> = {
  submitting: Loader2Icon,
  in_doubt: HourglassIcon,
  running: Loader2Icon,
  succeeded: CircleCheckIcon,
  failed: CircleAlertIcon,
};

const RESTORE_RUNNING: readonly RestoreState[] = ["submitting", "in_doubt", "running"];

/** Step 5: the restore followed to its end, from the cloud, with links to what it touched. */
export function ProgressStep(props: ProgressStepProps) {
  const t = useT();
  const query = useQuery({
    ...restoreStatusQuery(props.wizardKey),
    enabled: !props.submitting,
  });
  const status = query.data;
  const notReceived = !props.submitting && isApiError(query.error) && query.error.status === 404;
  const state: RestoreState = status?.state ?? "submitting";
  const Icon = ICONS[state];
  const backupHref = `/backups/${encodeURIComponent(props.backupId)}${props.service === "cbr" ? "?service=cbr" : ""}`;
  // No page per server yet: the servers list, where the restored server shows its state.
  const serverHref = "/servers";

  const words: Record<RestoreState, string> = {
    submitting: t("restore.progress.submitting"),
    in_doubt: t("restore.progress.in_doubt"),
    running: t("restore.progress.running", { server: props.serverName }),
    succeeded: t("restore.progress.succeeded", { server: props.serverName }),
    failed: t("restore.progress.failed", { reason: status?.reason ?? "" }),
  };

  // Screen readers hear the end of the restore even when the user is reading something else.
  useAnnounceWhenFinished(state, RESTORE_RUNNING, (final) => words[final as RestoreState] ?? null);

  return (
    <section aria-labelledby="restore-progress-heading" className="grid gap-5">
      <h2 id="restore-progress-heading" className="font-semibold text-lg">
        {t("restore.progress.heading")}
      </h2>
      {notReceived ? (
        <Alert variant="destructive">
          <CircleAlertIcon aria-hidden="true" />
          <AlertDescription className="grid gap-3">
            <span>{t("restore.submit.failed", { message: query.error?.message ?? "" })}</span>
            <Button type="button" variant="outline" className="w-fit" onClick={props.onNotReceived}>
              {t("restore.back")}
            </Button>
          </AlertDescription>
        </Alert>
      ) : (
        <div
          role="status"
          data-testid="restore-progress"
          data-state={state}
          className="flex items-start gap-3 rounded-lg border p-4 text-base"
        >
          <Icon
            aria-hidden="true"
            className={
              state === "succeeded"
                ? "size-6 shrink-0 text-success"
                : state === "failed"
                  ? "size-6 shrink-0 text-destructive"
                  : state === "in_doubt"
                    ? "size-6 shrink-0 text-warning"
                    : "size-6 shrink-0 animate-spin text-info"
            }
          />
          <div className="grid min-w-0 flex-1 gap-3">
            <p className="font-medium">{words[state]}</p>
            {status?.backupStatus ? (
              <StatusProgress
                status={status.backupStatus}
                progress={status.progress}
                label={props.serverName}
              />
            ) : null}
            <dl className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
              {status?.backupStatus ? (
                <div className="flex items-center gap-2">
                  <dt className="text-muted-foreground">{t("restore.progress.backup")}</dt>
                  <dd>
                    <StatusBadge status={status.backupStatus} progress={status.progress} />
                  </dd>
                </div>
              ) : null}
              {status?.serverStatus ? (
                <div className="flex items-center gap-2">
                  <dt className="text-muted-foreground">{t("restore.progress.server")}</dt>
                  <dd className="font-mono text-xs">{status.serverStatus}</dd>
                </div>
              ) : null}
            </dl>
          </div>
        </div>
      )}
      {query.isError && !notReceived ? (
        <p className="text-muted-foreground text-sm">
          {t("restore.progress.pollError", { message: query.error.message })}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button asChild variant="outline">
          <Link href={backupHref}>{t("restore.progress.toBackup")}</Link>
        </Button>
        <Button asChild variant="outline">
          <Link href={serverHref}>{t("restore.progress.toServer")}</Link>
        </Button>
        <Button asChild variant="ghost">
          <Link href="/backups">{t("restore.progress.toBackups")}</Link>
        </Button>
      </div>
    </section>
  );
}

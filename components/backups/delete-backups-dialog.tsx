"use client";

import { AlertCircleIcon, Loader2Icon, Trash2Icon } from "lucide-react";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { toast } from "sonner";
import { watchAcceptedDeletes } from "@/components/layout/live-announcer";
import { Alert, AlertDescription } from "@/components/ui/alert";
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { useDeleteBackupsMutation } from "@/lib/api/backups";
import { errorMessage } from "@/lib/api/errors";
import { useLocale, useT } from "@/lib/i18n/i18n-provider";
import type { MessageKey } from "@/lib/i18n/messages";
import type { BackupRow, DeleteBackupsBody } from "@/lib/schemas/backups";
import { formatMegabytes } from "./format";

type DeleteScope = "item" | "checkpoint";
const SCOPES = [
  { value: "item", label: "backups.deleteDialog.scopeItem" },
  { value: "checkpoint", label: "backups.deleteDialog.scopeCheckpoint" },
] as const satisfies readonly { value: DeleteScope; label: MessageKey }[];

type DeleteBackupsDialogProps = {
  /** The backups to delete, all of one service; the dialog is open while there are some. */
  rows: Pick<
    BackupRow,
    "id" | "service" | "status" | "name" | "checkpointId" | "serverName" | "sizeMb"
  >[];
  onClose: () => void;
  /** After the cloud accepted at least one delete. */
  onDeleted?: (ids: string[]) => void;
};

const NAMED = 5;

/**
 * Confirms a delete by naming what goes: the backups, their servers and their size, and (CSBS)
 * whether only these backups or their whole checkpoints (every backup made in the same run) are
 * deleted; CBR deletes each backup on its own. It stays open on failure, with the cloud's words,
 * so that nothing has to be chosen again. Accepted deletes are followed until they finish, and
 * their end is announced to screen readers.
 */
export function DeleteBackupsDialog({ rows, onClose, onDeleted }: DeleteBackupsDialogProps) {
  const t = useT();
  const locale = useLocale();
  const mutation = useDeleteBackupsMutation();
  const [scope, setScope] = useState<DeleteScope>("item");
  const [error, setError] = useState<string | null>(null);
  const inFlight = useRef(false);
  const open = rows.length > 0;
  useEffect(() => {
    if (open) {
      setError(null);
      setScope("item");
    }
  }, [open]);

  const cbr = rows[0]?.service === "cbr";
  // A CSBS item is deleted through its checkpoint: one without it cannot be addressed.
  const deletable = cbr ? rows : rows.filter((r) => r.checkpointId);
  // CBR backups (and failed CSBS ones) have no size: a total of the known ones would understate it.
  const sized = rows.every((r) => r.sizeMb !== undefined);
  const totalMb = rows.reduce((sum, r) => sum + (r.sizeMb ?? 0), 0);
  const first = rows[0];
  const title =
    rows.length === 1 && first
      ? t("backups.deleteDialog.titleOne", { name: first.name || first.id })
      : t("backups.deleteDialog.titleMany", { count: rows.length });

  const confirm = async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    setError(null);
    try {
      const body: DeleteBackupsBody = cbr
        ? { service: "cbr", items: deletable.map((r) => ({ id: r.id })) }
        : {
            service: "csbs",
            scope,
            items: deletable.map((r) => ({ id: r.id, checkpointId: r.checkpointId as string })),
          };
      const { results } = await mutation.mutateAsync(body);
      const ok = results.filter((r) => r.ok).map((r) => r.id);
      const failed = results.filter((r) => !r.ok);
      if (ok.length > 0) {
        onDeleted?.(ok);
        const accepted = new Set(ok);
        watchAcceptedDeletes(deletable.filter((r) => accepted.has(r.id)));
        toast.success(t("backups.deleteDialog.started", { count: ok.length }), {
          description: (
            <Link href={cbr ? "/backups?service=cbr&status=deleting" : "/backups?status=deleting"}>
              {t("backups.deleteDialog.follow")}
            </Link>
          ),
        });
      }
      if (failed.length > 0) {
        const names = new Map(rows.map((r) => [r.id, r.name || r.id]));
        setError(
          failed
            .map((f) => `${names.get(f.id) ?? f.id}: ${f.error?.message ?? f.error?.code ?? ""}`)
            .join("\n"),
        );
      } else {
        onClose();
      }
    } catch (caught) {
      setError(errorMessage(caught, t("backups.error.unknown")));
    } finally {
      inFlight.current = false;
    }
  };

  return (
    <AlertDialog
      open={open}
      onOpenChange={(next) => (!next && !mutation.isPending ? onClose() : undefined)}
    >
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>{title}</AlertDialogTitle>
          <AlertDialogDescription>
            {sized
              ? t("backups.deleteDialog.body", {
                  count: rows.length,
                  size: formatMegabytes(locale, totalMb),
                })
              : t("backups.deleteDialog.bodyUnsized", { count: rows.length })}
          </AlertDialogDescription>
        </AlertDialogHeader>
        <ul className="max-h-40 list-disc overflow-y-auto pl-5 text-sm" data-testid="delete-list">
          {rows.slice(0, NAMED).map((row) => (
            <li key={row.id}>
              <span className="font-medium">{row.name || row.id}</span>
              {row.serverName ? (
                <span className="text-muted-foreground"> · {row.serverName}</span>
              ) : null}
            </li>
          ))}
          {rows.length > NAMED ? (
            <li className="text-muted-foreground">
              {t("backups.deleteDialog.more", { count: rows.length - NAMED })}
            </li>
          ) : null}
        </ul>
        {cbr ? (
          <p className="text-muted-foreground text-sm">{t("backups.deleteDialog.cbrNote")}</p>
        ) : (
          <fieldset className="grid gap-2 text-sm">
            <legend className="mb-1 font-medium">{t("backups.deleteDialog.scope")}</legend>
            {SCOPES.map(({ value, label }) => (
              <label key={value} className="flex items-start gap-2">
                <input
                  type="radio"
                  name="delete-scope"
                  className="mt-0.5 size-4 accent-destructive"
                  checked={scope === value}
                  onChange={() => setScope(value)}
                />
                <span>{t(label)}</span>
              </label>
            ))}
          </fieldset>
        )}
        {error ? (
          <Alert variant="destructive">
            <AlertCircleIcon aria-hidden="true" />
            <AlertDescription className="whitespace-pre-line">{error}</AlertDescription>
          </Alert>
        ) : null}
        <AlertDialogFooter>
          <AlertDialogCancel disabled={mutation.isPending}>{t("backups.cancel")}</AlertDialogCancel>
          <Button variant="destructive" onClick={confirm} disabled={mutation.isPending}>
            {mutation.isPending ? (
              <Loader2Icon aria-hidden="true" className="motion-safe:animate-spin" />
            ) : (
              <Trash2Icon aria-hidden="true" />
            )}
            {t("backups.deleteDialog.confirm", { count: rows.length })}
          </Button>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}

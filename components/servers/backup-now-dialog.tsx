"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { AlertCircleIcon, Loader2Icon, PlusIcon, XIcon } from "lucide-react";
import Link from "next/link";
import { useEffect, useMemo, useRef, useState } from "react";
import { useFieldArray, useForm } from "react-hook-form";
import { toast } from "sonner";
import { formatGigabytes } from "@/components/backups/format";
import { announceJobStart } from "@/components/layout/live-announcer";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { errorMessage, showFieldError } from "@/lib/api/errors";
import { useBackupNowMutation } from "@/lib/api/servers";
import { useLocale, useT } from "@/lib/i18n/i18n-provider";
import {
  backupNameFor,
  defaultBackupName,
  makeBackupNowSchema,
  type ServerRow,
} from "@/lib/schemas/backups";

type BackupNowDialogProps = {
  /** The servers to back up; the dialog is open while there are some. */
  servers: ServerRow[];
  onClose: () => void;
};

const MAX_TAGS = 10;

/**
 * "Back up now" for one or several servers, with the reference's field rules. One click sends one
 * request; if it fails, the dialog stays open with everything that was typed.
 */
export function BackupNowDialog({ servers, onClose }: BackupNowDialogProps) {
  const t = useT();
  const locale = useLocale();
  const mutation = useBackupNowMutation();
  const open = servers.length > 0;
  const schema = useMemo(
    () =>
      makeBackupNowSchema({
        nameInvalid: t("servers.backupNow.nameInvalid"),
        descriptionInvalid: t("servers.backupNow.descriptionInvalid"),
        tagKeyInvalid: t("servers.backupNow.tagKeyInvalid"),
        tagValueInvalid: t("servers.backupNow.tagValueInvalid"),
        tagDuplicate: t("servers.backupNow.tagDuplicate"),
        tagsTooMany: t("servers.backupNow.tagsTooMany", { max: MAX_TAGS }),
        serversRequired: t("servers.backupNow.serversRequired"),
      }),
    [t],
  );
  const form = useForm({
    resolver: zodResolver(schema),
    defaultValues: {
      servers: [] as { id: string; excludeVolumes: string[] }[],
      name: "",
      description: "",
      full: false,
      tags: [] as { key: string; value: string }[],
    },
  });
  const tags = useFieldArray({ control: form.control, name: "tags" });
  const [formError, setFormError] = useState<string | null>(null);
  const inFlight = useRef(false);
  const serverKey = servers.map((s) => s.id).join(",");

  // A new selection starts a fresh form; reopening after a failure is not a new selection.
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on the selection's ids on purpose
  useEffect(() => {
    if (!open) return;
    form.reset({
      servers: servers.map((s) => ({ id: s.id, excludeVolumes: [] })),
      name: defaultBackupName(),
      description: "",
      full: false,
      tags: [],
    });
    setFormError(null);
  }, [serverKey]);

  const excluded = form.watch("servers");
  const name = form.watch("name");
  const toggleExclude = (serverIndex: number, volumeId: string, on: boolean) => {
    const current = form.getValues(`servers.${serverIndex}.excludeVolumes`) ?? [];
    form.setValue(
      `servers.${serverIndex}.excludeVolumes`,
      on ? [...current, volumeId] : current.filter((id) => id !== volumeId),
    );
  };

  const onSubmit = form.handleSubmit(async (values) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setFormError(null);
    try {
      const { results } = await mutation.mutateAsync(values);
      const ok = results.filter((r) => r.ok);
      const failed = results.filter((r) => !r.ok);
      const byId = new Map(servers.map((s) => [s.id, s.name]));
      if (ok.length > 0) {
        announceJobStart(t, {
          kind: "backup",
          subject: ok.map((r) => byId.get(r.serverId) ?? r.serverId).join(", "),
          source: {
            service: "csbs",
            checkpointIds: ok.flatMap((r) => (r.checkpointId ? [r.checkpointId] : [])),
            expected: ok.length,
          },
        });
      }
      if (ok.length > 0) {
        toast.success(t("servers.backupNow.started", { count: ok.length }), {
          description: (
            <Link href="/backups?status=protecting">{t("servers.backupNow.follow")}</Link>
          ),
        });
      }
      if (failed.length === 0) {
        onClose();
        return;
      }
      // Keep only the servers that failed, with what was typed, so that a retry is one click.
      setFormError(
        failed
          .map(
            (f) =>
              `${byId.get(f.serverId) ?? f.serverId}: ${f.error?.message ?? f.error?.code ?? ""}`,
          )
          .join("\n"),
      );
      form.setValue(
        "servers",
        values.servers.filter((s) => failed.some((f) => f.serverId === s.id)),
      );
    } catch (error) {
      if (!showFieldError(form, error, ["name", "description"])) {
        setFormError(errorMessage(error, t("backups.error.unknown")));
      }
    } finally {
      inFlight.current = false;
    }
  });

  const { errors } = form.formState;
  const pending = mutation.isPending;
  const remaining = servers.filter((s) => excluded.some((e) => e.id === s.id));
  const count = remaining.length;

  return (
    <Dialog open={open} onOpenChange={(next) => (!next && !pending ? onClose() : undefined)}>
      <DialogContent
        closeLabel={t("common.close")}
        className="max-h-[90dvh] overflow-y-auto sm:max-w-2xl"
      >
        <form onSubmit={onSubmit} noValidate className="grid gap-4">
          <DialogHeader>
            <DialogTitle>
              {count === 1
                ? t("servers.backupNow.titleOne", { name: remaining[0]?.name ?? "" })
                : t("servers.backupNow.titleMany", { count })}
            </DialogTitle>
            <DialogDescription>{t("servers.backupNow.description")}</DialogDescription>
          </DialogHeader>
          {formError ? (
            <Alert variant="destructive">
              <AlertCircleIcon aria-hidden="true" />
              <AlertDescription className="whitespace-pre-line">{formError}</AlertDescription>
            </Alert>
          ) : null}
          <Field
            label={t("servers.backupNow.name")}
            description={
              count > 1
                ? t("servers.backupNow.nameHintMany", {
                    first: backupNameFor(name || "…", 0, count),
                  })
                : t("servers.backupNow.nameHint")
            }
            error={errors.name?.message}
          >
            {(control) => (
              <Input
                {...control}
                autoComplete="off"
                spellCheck={false}
                {...form.register("name")}
              />
            )}
          </Field>
          <Field
            label={t("servers.backupNow.descriptionLabel")}
            error={errors.description?.message}
          >
            {(control) => (
              <Input {...control} autoComplete="off" {...form.register("description")} />
            )}
          </Field>
          <label className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              className="mt-0.5 size-4 accent-primary"
              {...form.register("full")}
            />
            <span>
              <span className="font-medium">{t("servers.backupNow.full")}</span>
              <span className="block text-muted-foreground">{t("servers.backupNow.fullHint")}</span>
            </span>
          </label>

          <fieldset className="grid gap-2">
            <legend className="mb-1 font-medium text-sm">{t("servers.backupNow.disks")}</legend>
            {remaining.map((server) => {
              const index = excluded.findIndex((e) => e.id === server.id);
              const dataDisks = server.disks.filter((d) => !d.system);
              return (
                <div key={server.id} className="rounded-md border p-2 text-sm">
                  <p className="font-medium">{server.name}</p>
                  {dataDisks.length === 0 ? (
                    <p className="text-muted-foreground">{t("servers.backupNow.noDataDisks")}</p>
                  ) : (
                    <ul className="grid gap-1">
                      {dataDisks.map((disk) => (
                        <li key={disk.id}>
                          <label className="flex items-center gap-2">
                            <input
                              type="checkbox"
                              className="size-4 accent-primary"
                              checked={excluded[index]?.excludeVolumes.includes(disk.id) ?? false}
                              onChange={(e) => toggleExclude(index, disk.id, e.target.checked)}
                            />
                            {t("servers.backupNow.exclude", {
                              disk: `${disk.name ?? disk.id} (${disk.device ?? "?"}, ${formatGigabytes(locale, disk.sizeGb)})`,
                            })}
                          </label>
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
              );
            })}
          </fieldset>

          <fieldset className="grid gap-2">
            <legend className="mb-1 font-medium text-sm">
              {t("servers.backupNow.tags", { count: tags.fields.length, max: MAX_TAGS })}
            </legend>
            {tags.fields.map((field, i) => (
              <div key={field.id} className="grid grid-cols-[1fr_1fr_auto] items-start gap-2">
                <Field label={t("servers.backupNow.tagKey")} error={errors.tags?.[i]?.key?.message}>
                  {(control) => (
                    <Input {...control} autoComplete="off" {...form.register(`tags.${i}.key`)} />
                  )}
                </Field>
                <Field
                  label={t("servers.backupNow.tagValue")}
                  error={errors.tags?.[i]?.value?.message}
                >
                  {(control) => (
                    <Input {...control} autoComplete="off" {...form.register(`tags.${i}.value`)} />
                  )}
                </Field>
                <Button
                  type="button"
                  variant="ghost"
                  size="icon"
                  className="mt-7"
                  aria-label={t("servers.backupNow.removeTag", { index: i + 1 })}
                  onClick={() => tags.remove(i)}
                >
                  <XIcon aria-hidden="true" />
                </Button>
              </div>
            ))}
            {errors.tags?.message ? (
              <p className="font-medium text-destructive text-sm">{errors.tags.message}</p>
            ) : null}
            <Button
              type="button"
              variant="outline"
              size="sm"
              className="w-fit"
              disabled={tags.fields.length >= MAX_TAGS}
              onClick={() => tags.append({ key: "", value: "" })}
            >
              <PlusIcon aria-hidden="true" />
              {t("servers.backupNow.addTag")}
            </Button>
          </fieldset>

          <DialogFooter>
            <Button type="button" variant="outline" onClick={onClose} disabled={pending}>
              {t("backups.cancel")}
            </Button>
            <Button type="submit" disabled={pending || count === 0}>
              {pending ? (
                <Loader2Icon aria-hidden="true" className="motion-safe:animate-spin" />
              ) : null}
              {t("servers.backupNow.submit", { count })}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { AlertCircleIcon, Loader2Icon, PlusIcon, XIcon } from "lucide-react";
import Link from "next/link";
import { useEffect, useMemo, useRef, useState } from "react";
import { useFieldArray, useForm } from "react-hook-form";
import { formatGigabytes } from "@/components/backups/format";
import { announceJobStart } from "@/components/layout/live-announcer";
import { useSession } from "@/components/layout/session-provider";
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
import type { Translate } from "@/lib/i18n/translator";
import {
  type BackupNowTarget,
  backupNowConflicts,
  backupNowTarget,
  cbrNameMax,
} from "@/lib/schemas/back-up-now";
import {
  type BackupNowResult,
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
const FIELDS = ["name", "description", "tags"] as const;

function viaText(t: Translate, target: BackupNowTarget): string {
  if (target.service === "cbr") return t("servers.backupNow.via.cbr", { vault: target.vault.name });
  return t(target.service === "csbs" ? "servers.backupNow.via.csbs" : "servers.backupNow.via.none");
}

/** Where a new backup is seen: its page when the cloud listed it at once, else where it will be. */
function resultHref(result: BackupNowResult): string | null {
  const id = result.backupId ? encodeURIComponent(result.backupId) : null;
  if (result.service === "cbr") return id ? `/backups/${id}?service=cbr` : null;
  return id ? `/backups/${id}` : `/backups?server=${encodeURIComponent(result.serverId)}`;
}

const RESULT_LINK =
  "font-medium hover:underline [@media(pointer:coarse)]:inline-flex [@media(pointer:coarse)]:min-h-11 [@media(pointer:coarse)]:items-center";

/** The backups started so far, each with the service that took it and a link to it. */
function StartedList({
  results,
  nameOf,
}: {
  results: BackupNowResult[];
  nameOf: (id: string) => string;
}) {
  const t = useT();
  if (results.length === 0) return null;
  return (
    // A status region: while the dialog is open the shell's live region is hidden from readers.
    <section
      role="status"
      className="grid gap-2 rounded-md border p-3 text-sm"
      data-testid="backup-now-results"
    >
      <h3 className="font-medium">{t("servers.backupNow.started", { count: results.length })}</h3>
      <ul className="grid gap-1">
        {results.map((r) => {
          const href = resultHref(r);
          return (
            <li key={r.serverId} data-testid="backup-now-result" data-service={r.service}>
              <span className="font-medium">{nameOf(r.serverId)}</span>
              {": "}
              {r.service === "cbr" && r.vault ? (
                <>
                  {t("servers.backupNow.result.cbr")}{" "}
                  <Link href={`/vaults/${encodeURIComponent(r.vault.id)}`} className={RESULT_LINK}>
                    {r.vault.name}
                  </Link>
                </>
              ) : (
                t("servers.backupNow.result.csbs")
              )}
              {" · "}
              <span className="font-mono text-xs">{r.name}</span>
              {href ? (
                <>
                  {" · "}
                  <Link href={href} className={RESULT_LINK}>
                    {t(
                      r.backupId
                        ? "servers.backupNow.result.open"
                        : "servers.backupNow.result.openList",
                    )}
                  </Link>
                </>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/**
 * "Back up now" for one or several servers, with the reference's field rules. Each server is
 * backed up by the service that holds it (lib/schemas/back-up-now.ts): CBR in its vault, else
 * CSBS; the dialog says which before sending, and after it which took each, with links. One click
 * sends one request; servers that failed stay in the form with everything that was typed.
 */
export function BackupNowDialog({ servers, onClose }: BackupNowDialogProps) {
  const t = useT();
  const locale = useLocale();
  const { services } = useSession();
  const mutation = useBackupNowMutation();
  const open = servers.length > 0;
  const targets = useMemo(
    () => new Map(servers.map((s) => [s.id, backupNowTarget(s.vault, services.csbs)])),
    [servers, services.csbs],
  );
  const schema = useMemo(() => {
    const conflictWords = {
      cbrTags: t("servers.backupNow.cbrTags"),
      cbrExclude: t("servers.backupNow.cbrExclude"),
    };
    return makeBackupNowSchema({
      nameInvalid: t("servers.backupNow.nameInvalid"),
      descriptionInvalid: t("servers.backupNow.descriptionInvalid"),
      tagKeyInvalid: t("servers.backupNow.tagKeyInvalid"),
      tagValueInvalid: t("servers.backupNow.tagValueInvalid"),
      tagDuplicate: t("servers.backupNow.tagDuplicate"),
      tagsTooMany: t("servers.backupNow.tagsTooMany", { max: MAX_TAGS }),
      serversRequired: t("servers.backupNow.serversRequired"),
    }).superRefine((value, ctx) => {
      // What CBR cannot take is said here, at its field, as the route would refuse it.
      const isCbr = (id: string) => targets.get(id)?.service === "cbr";
      for (const c of backupNowConflicts(value, isCbr)) {
        const message =
          c.reason === "cbrName"
            ? t("servers.backupNow.cbrName", { max: cbrNameMax(value.servers.length) })
            : conflictWords[c.reason];
        ctx.addIssue({ code: "custom", path: c.field.split("."), message });
      }
    });
  }, [t, targets]);
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
  const [started, setStarted] = useState<BackupNowResult[]>([]);
  const [finished, setFinished] = useState(false);
  const inFlight = useRef(false);
  const doneButton = useRef<HTMLButtonElement>(null);
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
    setStarted([]);
    setFinished(false);
  }, [serverKey]);

  // The form the focus was in is gone: the answer's own button takes it.
  useEffect(() => {
    if (finished) doneButton.current?.focus();
  }, [finished]);

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
      const csbsOk = ok.filter((r) => r.service === "csbs");
      if (csbsOk.length > 0) {
        announceJobStart(t, {
          kind: "backup",
          subject: csbsOk.map((r) => byId.get(r.serverId) ?? r.serverId).join(", "),
          source: {
            service: "csbs",
            checkpointIds: csbsOk.flatMap((r) => (r.checkpointId ? [r.checkpointId] : [])),
            expected: csbsOk.length,
          },
        });
      }
      // Each CBR backup is a checkpoint of its own, followed as such.
      for (const r of ok) {
        if (r.service !== "cbr" || !r.checkpointId) continue;
        announceJobStart(t, {
          kind: "backup",
          subject: byId.get(r.serverId) ?? r.serverId,
          source: { service: "cbr", checkpointId: r.checkpointId },
        });
      }
      setStarted((before) => [...before, ...ok]);
      if (failed.length === 0) {
        setFinished(true);
        return;
      }
      // Keep only the servers that failed, with what was typed, so that a retry is one click.
      setFormError(
        failed
          .map((f) => {
            const via = f.service ? ` (${f.service.toUpperCase()})` : "";
            return `${byId.get(f.serverId) ?? f.serverId}${via}: ${f.error?.message ?? f.error?.code ?? ""}`;
          })
          .join("\n"),
      );
      form.setValue(
        "servers",
        values.servers.filter((s) => failed.some((f) => f.serverId === s.id)),
      );
    } catch (error) {
      if (!showFieldError(form, error, FIELDS)) {
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
  const targetOf = (server: ServerRow): BackupNowTarget =>
    targets.get(server.id) ?? { service: null };
  const anyCbr = remaining.some((s) => targetOf(s).service === "cbr");
  const nameOf = (id: string) => servers.find((s) => s.id === id)?.name ?? id;
  const nameHint = [
    anyCbr
      ? t("servers.backupNow.nameHintCbr", { max: cbrNameMax(count) })
      : count > 1
        ? ""
        : t("servers.backupNow.nameHint"),
    count > 1
      ? t("servers.backupNow.nameHintMany", { first: backupNameFor(name || "…", 0, count) })
      : "",
  ]
    .filter(Boolean)
    .join(" ");
  const titled = finished ? servers : remaining;
  const title =
    titled.length === 1
      ? t("servers.backupNow.titleOne", { name: titled[0]?.name ?? "" })
      : t("servers.backupNow.titleMany", { count: titled.length });

  return (
    <Dialog open={open} onOpenChange={(next) => (!next && !pending ? onClose() : undefined)}>
      <DialogContent
        closeLabel={t("common.close")}
        className="max-h-[90dvh] overflow-y-auto sm:max-w-2xl"
      >
        {finished ? (
          <div className="grid gap-4">
            <DialogHeader>
              <DialogTitle>{title}</DialogTitle>
              <DialogDescription>{t("servers.backupNow.resultsTitle")}</DialogDescription>
            </DialogHeader>
            <StartedList results={started} nameOf={nameOf} />
            <DialogFooter>
              <Button ref={doneButton} type="button" onClick={onClose}>
                {t("servers.backupNow.done")}
              </Button>
            </DialogFooter>
          </div>
        ) : (
          <form onSubmit={onSubmit} noValidate className="grid gap-4">
            <DialogHeader>
              <DialogTitle>{title}</DialogTitle>
              <DialogDescription>{t("servers.backupNow.description")}</DialogDescription>
            </DialogHeader>
            <StartedList results={started} nameOf={nameOf} />
            {formError ? (
              <Alert variant="destructive">
                <AlertCircleIcon aria-hidden="true" />
                <AlertDescription className="whitespace-pre-line">{formError}</AlertDescription>
              </Alert>
            ) : null}
            <Field
              label={t("servers.backupNow.name")}
              description={nameHint}
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
                <span className="block text-muted-foreground">
                  {t("servers.backupNow.fullHint")}
                </span>
              </span>
            </label>

            <fieldset className="grid gap-2">
              <legend className="mb-1 font-medium text-sm">{t("servers.backupNow.plan")}</legend>
              {remaining.map((server) => {
                const index = excluded.findIndex((e) => e.id === server.id);
                const target = targetOf(server);
                const dataDisks = server.disks.filter((d) => !d.system);
                const excludeError = errors.servers?.[index]?.excludeVolumes?.message;
                return (
                  <div
                    key={server.id}
                    className="grid gap-1 rounded-md border p-2 text-sm"
                    data-testid="backup-now-server"
                    data-service={target.service ?? "none"}
                  >
                    <p>
                      <span className="font-medium">{server.name}</span>
                      {" · "}
                      <span data-testid="backup-now-via">{viaText(t, target)}</span>
                    </p>
                    {target.service === "cbr" ? (
                      <p className="text-muted-foreground">
                        {t("servers.backupNow.cbrWholeServer")}
                      </p>
                    ) : target.service === null ? (
                      <p className="text-muted-foreground">{t("servers.backupNow.noService")}</p>
                    ) : dataDisks.length === 0 ? (
                      <p className="text-muted-foreground">{t("servers.backupNow.noDataDisks")}</p>
                    ) : (
                      <ul className="grid gap-1" aria-label={t("servers.backupNow.disks")}>
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
                    {excludeError ? (
                      <p className="font-medium text-destructive">{excludeError}</p>
                    ) : null}
                  </div>
                );
              })}
            </fieldset>

            <fieldset className="grid gap-2">
              <legend className="mb-1 font-medium text-sm">
                {t("servers.backupNow.tags", { count: tags.fields.length, max: MAX_TAGS })}
              </legend>
              {anyCbr && tags.fields.length === 0 ? (
                <p className="text-muted-foreground text-sm">{t("servers.backupNow.cbrNoTags")}</p>
              ) : (
                <>
                  {tags.fields.map((field, i) => (
                    <div key={field.id} className="grid grid-cols-[1fr_1fr_auto] items-start gap-2">
                      <Field
                        label={t("servers.backupNow.tagKey")}
                        error={errors.tags?.[i]?.key?.message}
                      >
                        {(control) => (
                          <Input
                            {...control}
                            autoComplete="off"
                            {...form.register(`tags.${i}.key`)}
                          />
                        )}
                      </Field>
                      <Field
                        label={t("servers.backupNow.tagValue")}
                        error={errors.tags?.[i]?.value?.message}
                      >
                        {(control) => (
                          <Input
                            {...control}
                            autoComplete="off"
                            {...form.register(`tags.${i}.value`)}
                          />
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
                  <Button
                    type="button"
                    variant="outline"
                    size="sm"
                    className="w-fit"
                    disabled={tags.fields.length >= MAX_TAGS || anyCbr}
                    onClick={() => tags.append({ key: "", value: "" })}
                  >
                    <PlusIcon aria-hidden="true" />
                    {t("servers.backupNow.addTag")}
                  </Button>
                </>
              )}
              {errors.tags?.message ? (
                <p className="font-medium text-destructive text-sm">{errors.tags.message}</p>
              ) : null}
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
        )}
      </DialogContent>
    </Dialog>
  );
}

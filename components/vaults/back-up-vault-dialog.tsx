"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { AlertCircleIcon, DatabaseBackupIcon, InfoIcon, Loader2Icon } from "lucide-react";
import { useMemo, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
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
  DialogTrigger,
} from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { errorMessage, showFieldError } from "@/lib/api/errors";
import { useCreateCheckpoint } from "@/lib/api/vaults";
import { useT } from "@/lib/i18n/i18n-provider";
import type { Translate } from "@/lib/i18n/translate";
import {
  CHECKPOINT_LIMITS,
  type CheckpointFormValues,
  type CheckpointMessages,
  type CheckpointView,
  checkpointBodyOf,
  defaultCheckpointName,
  makeCheckpointFormSchema,
  type VaultView,
} from "@/lib/schemas/vault";
import { CheckpointResult } from "./checkpoint-result";
import { resourceTypeLabel, vaultStatusLabel } from "./vault-labels";

function messagesFor(t: Translate): CheckpointMessages {
  return {
    nameRequired: t("vaults.backup.error.nameRequired"),
    nameTooLong: t("vaults.backup.error.nameTooLong", { max: CHECKPOINT_LIMITS.name }),
    nameChars: t("vaults.backup.error.nameChars"),
    descriptionTooLong: t("vaults.backup.error.descriptionTooLong", {
      max: CHECKPOINT_LIMITS.description,
    }),
    resourcesRequired: t("vaults.backup.error.resourcesRequired"),
    resourcesUnknown: t("vaults.backup.error.resourcesUnknown"),
  };
}

const FIELDS = ["resources", "name", "description"] as const;

type Props = {
  vault: VaultView;
  /** The created restore point, for the page to keep showing after the dialog closes. */
  onCreated: (checkpoint: CheckpointView) => void;
};

/** "Back up vault": the dialog, its field rules, one request per click, and what came of it. */
export function BackUpVaultDialog({ vault, onCreated }: Props) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [result, setResult] = useState<CheckpointView | null>(null);
  // Each opening starts afresh (a new default name), but a failed submit keeps everything.
  const [session, setSession] = useState(0);
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) {
          setResult(null);
          setSession((s) => s + 1);
        }
      }}
    >
      <DialogTrigger asChild>
        <Button>
          <DatabaseBackupIcon aria-hidden="true" />
          {t("vaults.backup.open")}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={t("common.close")} className="sm:max-w-xl">
        <DialogHeader>
          <DialogTitle>
            {result ? t("vaults.result.title") : t("vaults.backup.title", { name: vault.name })}
          </DialogTitle>
          <DialogDescription>{t("vaults.backup.description")}</DialogDescription>
        </DialogHeader>
        {result ? (
          <>
            <CheckpointResult checkpoint={result} />
            <DialogFooter>
              <Button onClick={() => setOpen(false)}>{t("vaults.result.done")}</Button>
            </DialogFooter>
          </>
        ) : vault.resources.length === 0 ? (
          <>
            <Alert variant="info">
              <InfoIcon aria-hidden="true" />
              <AlertDescription>{t("vaults.backup.nothing")}</AlertDescription>
            </Alert>
            <DialogFooter>
              <Button variant="outline" onClick={() => setOpen(false)}>
                {t("common.close")}
              </Button>
            </DialogFooter>
          </>
        ) : (
          <BackUpForm
            key={session}
            vault={vault}
            onCancel={() => setOpen(false)}
            onCreated={(checkpoint) => {
              setResult(checkpoint);
              onCreated(checkpoint);
            }}
          />
        )}
      </DialogContent>
    </Dialog>
  );
}

function BackUpForm({
  vault,
  onCancel,
  onCreated,
}: {
  vault: VaultView;
  onCancel: () => void;
  onCreated: (checkpoint: CheckpointView) => void;
}) {
  const t = useT();
  const ids = useMemo(() => vault.resources.map((r) => r.id), [vault.resources]);
  const schema = useMemo(() => makeCheckpointFormSchema(ids, messagesFor(t)), [ids, t]);
  const form = useForm<CheckpointFormValues>({
    resolver: zodResolver(schema),
    defaultValues: {
      scope: "all",
      resources: [],
      name: defaultCheckpointName(),
      description: "",
      mode: "incremental",
    },
  });
  const { errors } = form.formState;
  const create = useCreateCheckpoint();
  const [formError, setFormError] = useState<string | null>(null);
  // A ref, not state: a second click in the same frame must see the first one at once.
  const inFlight = useRef(false);
  const scope = form.watch("scope");
  const chosen = form.watch("resources");

  const onSubmit = form.handleSubmit(async (values) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setFormError(null);
    try {
      const checkpoint = await create.mutateAsync(checkpointBodyOf(vault.id, values));
      toast.success(t("vaults.backup.started", { name: vault.name }), {
        description: t("vaults.backup.follow"),
      });
      announceJobStart(t, {
        kind: "vaultBackup",
        subject: vault.name,
        source: { service: "cbr", checkpointId: checkpoint.id },
      });
      onCreated(checkpoint);
    } catch (error) {
      if (!showFieldError(form, error, FIELDS)) {
        const message = errorMessage(error, t("backups.error.unknown"));
        setFormError(t("vaults.backup.failed", { message }));
      }
    } finally {
      inFlight.current = false;
    }
  });

  const toggle = (id: string, on: boolean) => {
    const next = on ? [...chosen, id] : chosen.filter((x) => x !== id);
    form.setValue("resources", next, { shouldValidate: form.formState.isSubmitted });
  };
  const busy = form.formState.isSubmitting;

  return (
    <form
      noValidate
      onSubmit={(event) => {
        setFormError(null);
        void onSubmit(event);
      }}
      className="grid gap-5"
      aria-busy={busy || undefined}
    >
      {formError ? (
        <Alert variant="destructive">
          <AlertCircleIcon aria-hidden="true" />
          <AlertDescription>{formError}</AlertDescription>
        </Alert>
      ) : null}
      {vault.status && vault.status !== "available" ? (
        <Alert variant="warning">
          <AlertCircleIcon aria-hidden="true" />
          <AlertDescription>
            {t("vaults.backup.notAvailable", { status: vaultStatusLabel(t, vault.status) })}
          </AlertDescription>
        </Alert>
      ) : null}

      <fieldset className="grid gap-2">
        <legend className="mb-2 font-medium text-sm">{t("vaults.backup.scope")}</legend>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="radio"
            value="all"
            className="size-4 accent-primary"
            {...form.register("scope")}
          />
          {t("vaults.backup.scopeAll", { count: vault.resources.length })}
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="radio"
            value="subset"
            className="size-4 accent-primary"
            {...form.register("scope")}
          />
          {t("vaults.backup.scopeSubset")}
        </label>
      </fieldset>

      {scope === "subset" ? (
        <fieldset
          className="grid gap-1 rounded-md border p-3"
          aria-invalid={Boolean(errors.resources) || undefined}
          aria-describedby={errors.resources ? "checkpoint-resources-error" : undefined}
        >
          <legend className="px-1 font-medium text-sm">{t("vaults.backup.resources")}</legend>
          {vault.resources.map((r) => (
            <label key={r.id} className="flex min-h-9 items-center gap-2 text-sm">
              <input
                type="checkbox"
                className="size-4 accent-primary"
                checked={chosen.includes(r.id)}
                onChange={(e) => toggle(r.id, e.target.checked)}
              />
              <span className="font-medium">{r.name}</span>
              <span className="text-muted-foreground text-xs">{resourceTypeLabel(t, r.type)}</span>
            </label>
          ))}
          {errors.resources ? (
            <p id="checkpoint-resources-error" className="font-medium text-destructive text-sm">
              {errors.resources.message}
            </p>
          ) : null}
        </fieldset>
      ) : errors.resources ? (
        // A cloud refusal about the resources while "all" is chosen (e.g. all already running).
        <p className="font-medium text-destructive text-sm" role="alert">
          {errors.resources.message}
        </p>
      ) : null}

      <Field
        label={t("vaults.backup.name")}
        description={t("vaults.backup.nameHint")}
        error={errors.name?.message}
      >
        {(control) => (
          <Input
            {...control}
            autoComplete="off"
            spellCheck={false}
            maxLength={CHECKPOINT_LIMITS.name + 16}
            {...form.register("name")}
          />
        )}
      </Field>
      <Field label={t("vaults.backup.desc")} error={errors.description?.message}>
        {(control) => (
          <textarea
            {...control}
            rows={2}
            className="min-h-16 w-full rounded-md border border-input bg-transparent px-3 py-2 text-sm shadow-xs outline-none focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/50 aria-invalid:border-destructive dark:bg-input/20"
            {...form.register("description")}
          />
        )}
      </Field>

      <fieldset className="grid gap-2">
        <legend className="mb-2 font-medium text-sm">{t("vaults.backup.mode")}</legend>
        <label className="flex items-start gap-2 text-sm">
          <input
            type="radio"
            value="incremental"
            className="mt-0.5 size-4 accent-primary"
            {...form.register("mode")}
          />
          <span>
            {t("vaults.backup.incremental")}
            <span className="block text-muted-foreground text-xs">
              {t("vaults.backup.incrementalHint")}
            </span>
          </span>
        </label>
        <label className="flex items-start gap-2 text-sm">
          <input
            type="radio"
            value="full"
            className="mt-0.5 size-4 accent-primary"
            {...form.register("mode")}
          />
          <span>
            {t("vaults.backup.full")}
            <span className="block text-muted-foreground text-xs">
              {t("vaults.backup.fullHint")}
            </span>
          </span>
        </label>
      </fieldset>

      <DialogFooter>
        <Button type="button" variant="outline" onClick={onCancel}>
          {t("vaults.backup.cancel")}
        </Button>
        <Button type="submit" disabled={busy}>
          {busy ? <Loader2Icon className="animate-spin" aria-hidden="true" /> : null}
          {busy ? t("vaults.backup.submitting") : t("vaults.backup.submit")}
        </Button>
      </DialogFooter>
    </form>
  );
}

"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useQuery } from "@tanstack/react-query";
import { Loader2Icon, LockIcon, Trash2Icon, UnplugIcon } from "lucide-react";
import { useRouter } from "next/navigation";
import { type ReactNode, useId, useMemo, useRef, useState } from "react";
import { FormProvider, useForm } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { useOnce } from "@/components/layout/use-once";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field, numberOrUndefined } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { errorMessage, showFieldError } from "@/lib/api/errors";
import {
  useChangeVault,
  useDeleteVault,
  useLockVault,
  useRemoveVaultResources,
  vaultCandidatesQuery,
} from "@/lib/api/vaults";
import { formatNumber } from "@/lib/i18n/format";
import { useLocale, useT } from "@/lib/i18n/i18n-provider";
import type { Translate } from "@/lib/i18n/translator";
import { confirmsServerName } from "@/lib/schemas/restore";
import type { VaultView } from "@/lib/schemas/vault";
import {
  autoExpandedSize,
  checkResize,
  checkVaultName,
  sameTags,
  usedGb,
} from "@/lib/vaults/rules";
import { AutoBindFields, refineTagFields, TagRows, tagFieldsShape } from "./tag-fields";
import { sizeText } from "./vault-labels";

type Resource = VaultView["resources"][number];

/**
 * A destructive change that asks for the vault's name to be typed (as the restore does), sends
 * one request however often the button is pressed, and keeps a refusal in view.
 */
function TypedConfirmDialog({
  trigger,
  title,
  danger,
  vaultName,
  confirm,
  disabled,
  action,
}: {
  trigger: (open: () => void) => ReactNode;
  title: string;
  danger: ReactNode;
  vaultName: string;
  confirm: string;
  /** Why the change cannot be made at all (backup locking): shown instead of the input. */
  disabled?: string | undefined;
  action: () => Promise<void>;
}) {
  const t = useT();
  const inputId = useId();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const once = useOnce();
  const matches = confirmsServerName(typed, vaultName);
  return (
    <AlertDialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        setTyped("");
        setProblem(null);
      }}
    >
      {trigger(() => setOpen(true))}
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>{title}</AlertDialogTitle>
          <AlertDialogDescription asChild>
            <div className="grid gap-2">{danger}</div>
          </AlertDialogDescription>
        </AlertDialogHeader>
        {disabled ? (
          <p className="font-medium text-destructive text-sm">{disabled}</p>
        ) : (
          <div className="grid gap-2">
            <label htmlFor={inputId} className="font-medium text-sm">
              {t("vaultAdmin.confirmLabel", { vault: vaultName })}
            </label>
            <Input
              id={inputId}
              value={typed}
              autoComplete="off"
              spellCheck={false}
              onChange={(event) => setTyped(event.target.value)}
              aria-invalid={typed !== "" && !matches}
            />
          </div>
        )}
        {problem ? (
          <p role="alert" className="font-medium text-destructive text-sm">
            {problem}
          </p>
        ) : null}
        <AlertDialogFooter>
          <AlertDialogCancel>{t("vaultAdmin.cancel")}</AlertDialogCancel>
          <AlertDialogAction
            destructive
            disabled={busy || !matches || Boolean(disabled)}
            onClick={(event) => {
              event.preventDefault();
              void once(async () => {
                setBusy(true);
                try {
                  await action();
                  setOpen(false);
                } catch (error) {
                  setProblem(errorMessage(error, t("backups.error.unknown")));
                } finally {
                  setBusy(false);
                }
              });
            }}
          >
            {busy ? <Loader2Icon className="animate-spin" aria-hidden="true" /> : null}
            {busy ? t("vaultAdmin.working") : confirm}
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}

function useSizes() {
  const locale = useLocale();
  const n = (value: number, o?: Intl.NumberFormatOptions) => formatNumber(locale, value, o);
  return { n, size: (mb: number) => sizeText(mb, n) };
}

/** Takes one resource out of the vault: its backups there are deleted, and the dialog says how many. */
export function RemoveResourceButton({
  vault,
  resource,
}: {
  vault: VaultView;
  resource: Resource;
}) {
  const t = useT();
  const { n, size } = useSizes();
  const mutation = useRemoveVaultResources(vault.id);
  const backups = resource.backupCount ?? 0;
  return (
    <TypedConfirmDialog
      trigger={(open) => (
        <Button
          type="button"
          variant="outline"
          size="sm"
          className="min-h-11 lg:min-h-8"
          onClick={open}
          aria-label={t("vaultAdmin.removeNamed", { name: resource.name })}
        >
          <UnplugIcon aria-hidden="true" />
          {t("vaultAdmin.remove")}
        </Button>
      )}
      title={t("vaultAdmin.removeTitle", { name: resource.name, vault: vault.name })}
      danger={
        <>
          <p data-testid="removal-impact">
            {backups > 0
              ? t("vaultAdmin.removeDanger", {
                  backups: n(backups),
                  size: size(resource.backupSizeMb ?? 0),
                })
              : t("vaultAdmin.removeNoBackups")}
          </p>
          {backups > 0 && !vault.locked ? <p>{t("vaultAdmin.removeInstead")}</p> : null}
        </>
      }
      vaultName={vault.name}
      confirm={t("vaultAdmin.removeConfirm", { backups: n(backups) })}
      disabled={vault.locked ? t("vaultAdmin.removeLocked") : undefined}
      action={async () => {
        await mutation.mutateAsync({ resourceIds: [resource.id], confirmName: vault.name });
        toast.success(t("vaultAdmin.removed", { name: resource.name }));
      }}
    />
  );
}

/** Turns backup locking on, after saying that it cannot be undone and what it forbids. */
export function LockVaultButton({ vault }: { vault: VaultView }) {
  const t = useT();
  const mutation = useLockVault(vault.id);
  if (vault.locked) {
    return (
      <p className="flex items-center gap-2 text-sm" data-testid="vault-locked-note">
        <LockIcon className="size-4" aria-hidden="true" />
        {t("vaultAdmin.lockedNote")}
      </p>
    );
  }
  return (
    <TypedConfirmDialog
      trigger={(open) => (
        <Button type="button" variant="outline" className="min-h-11" onClick={open}>
          <LockIcon aria-hidden="true" />
          {t("vaultAdmin.lock")}
        </Button>
      )}
      title={t("vaultAdmin.lockTitle", { vault: vault.name })}
      danger={<p data-testid="lock-danger">{t("vaultAdmin.lockDanger")}</p>}
      vaultName={vault.name}
      confirm={t("vaultAdmin.lockConfirm")}
      action={async () => {
        await mutation.mutateAsync({ confirmName: vault.name });
        toast.success(t("vaultAdmin.locked", { vault: vault.name }));
      }}
    />
  );
}

/** Deletes the vault and every backup in it, counted first; then back to the list of vaults. */
export function DeleteVaultButton({ vault }: { vault: VaultView }) {
  const t = useT();
  const router = useRouter();
  const { n, size } = useSizes();
  const mutation = useDeleteVault(vault.id);
  const backups = vault.resources.reduce((sum, r) => sum + (r.backupCount ?? 0), 0);
  const sizeMb = vault.resources.reduce((sum, r) => sum + (r.backupSizeMb ?? 0), 0);
  return (
    <TypedConfirmDialog
      trigger={(open) => (
        <Button type="button" variant="destructive" className="min-h-11" onClick={open}>
          <Trash2Icon aria-hidden="true" />
          {t("vaultAdmin.delete")}
        </Button>
      )}
      title={t("vaultAdmin.deleteTitle", { vault: vault.name })}
      danger={
        <p data-testid="removal-impact">
          {t("vaultAdmin.deleteDanger", {
            backups: n(backups),
            size: size(sizeMb),
            resources: n(vault.resources.length),
          })}
        </p>
      }
      vaultName={vault.name}
      confirm={t("vaultAdmin.deleteConfirm", { backups: n(backups) })}
      action={async () => {
        await mutation.mutateAsync({ confirmName: vault.name });
        toast.success(t("vaultAdmin.deleted", { vault: vault.name }));
        router.push("/vaults");
      }}
    />
  );
}

const FIELDS = ["name", "sizeGb", "tags", "autoBind", "bindRules"] as const;

/** The form's schema: the vault rules of lib/vaults, in the user's words, against this vault. */
function settingsSchema(t: Translate, vault: VaultView) {
  const current = vault.capacityGb ?? 0;
  const used = usedGb(vault.usedMb ?? 0);
  return z
    .object({
      name: z.string().trim(),
      sizeGb: z.number({ error: t("vaultAdmin.rule.size.notInteger") }),
      autoExpand: z.boolean(),
      ...tagFieldsShape,
    })
    .superRefine((value, ctx) => {
      refineTagFields(t, value, ctx);
      const name = checkVaultName(value.name);
      if (name) {
        ctx.addIssue({
          code: "custom",
          path: ["name"],
          message: t(`vaultAdmin.rule.${name}` as Parameters<Translate>[0]),
        });
      }
      const size = checkResize(value.sizeGb, { sizeGb: current, usedMb: vault.usedMb ?? 0 });
      if (size) {
        ctx.addIssue({
          code: "custom",
          path: ["sizeGb"],
          message: t(`vaultAdmin.rule.${size}` as Parameters<Translate>[0], { current, used }),
        });
      }
    });
}
type SettingsValues = z.infer<ReturnType<typeof settingsSchema>>;

/** The form as the vault is now. */
function savedValues(vault: VaultView): SettingsValues {
  return {
    name: vault.name,
    sizeGb: vault.capacityGb ?? 0,
    autoExpand: vault.autoExpand,
    tags: vault.tags,
    autoBind: vault.autoBind,
    bindRules: vault.bindRules,
  };
}

/** Rename, grow, auto-expand, tags, auto-bind, and the vault's deletion below them. */
export function VaultSettingsCard({ vault }: { vault: VaultView }) {
  const t = useT();
  const { n } = useSizes();
  const schema = useMemo(() => settingsSchema(t, vault), [t, vault]);
  const form = useForm<SettingsValues>({
    resolver: zodResolver(schema),
    defaultValues: savedValues(vault),
    mode: "onTouched",
  });
  const mutation = useChangeVault(vault.id);
  // What the auto-bind rules match now: read only while auto-bind is being set.
  const candidates = useQuery({
    ...vaultCandidatesQuery(vault.id),
    enabled: form.watch("autoBind") && vault.type === "server",
  });
  const inFlight = useRef(false);
  const [problem, setProblem] = useState<string | null>(null);
  const { errors } = form.formState;
  const size = form.watch("sizeGb");

  const onSubmit = form.handleSubmit(async (values) => {
    if (inFlight.current) return;
    setProblem(null);
    const change = {
      ...(values.name !== vault.name ? { name: values.name } : {}),
      ...(values.sizeGb !== vault.capacityGb ? { sizeGb: values.sizeGb } : {}),
      ...(values.autoExpand !== vault.autoExpand ? { autoExpand: values.autoExpand } : {}),
      ...(!sameTags(values.tags, vault.tags) ? { tags: values.tags } : {}),
      ...(values.autoBind !== vault.autoBind ? { autoBind: values.autoBind } : {}),
      ...(values.autoBind && !sameTags(values.bindRules, vault.bindRules)
        ? { bindRules: values.bindRules }
        : {}),
    };
    if (Object.keys(change).length === 0) {
      setProblem(t("vaultAdmin.nothing"));
      return;
    }
    inFlight.current = true;
    try {
      const saved = await mutation.mutateAsync(change);
      form.reset(savedValues(saved));
      toast.success(t("vaultAdmin.saved", { name: saved.name }));
    } catch (error) {
      if (!showFieldError(form, error, FIELDS)) {
        setProblem(
          t("vaultAdmin.failed", { message: errorMessage(error, t("backups.error.unknown")) }),
        );
      }
    } finally {
      inFlight.current = false;
    }
  });

  return (
    <Card data-testid="vault-admin">
      <CardHeader>
        <CardTitle>
          <h2>{t("vaultAdmin.title")}</h2>
        </CardTitle>
        <CardDescription>{t("vaultAdmin.hint")}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-6">
        <FormProvider {...form}>
          <form onSubmit={(event) => void onSubmit(event)} noValidate className="grid gap-4">
            <div className="grid gap-4 md:grid-cols-2">
              <Field
                label={t("vaultAdmin.name")}
                description={t("vaultAdmin.nameHint")}
                error={errors.name?.message}
              >
                {(control) => <Input {...control} autoComplete="off" {...form.register("name")} />}
              </Field>
              <Field
                label={t("vaultAdmin.size")}
                description={t("vaultAdmin.sizeHint", {
                  used: n(usedGb(vault.usedMb ?? 0)),
                  expanded: n(autoExpandedSize(Number.isFinite(size) ? size : 0)),
                })}
                error={errors.sizeGb?.message}
              >
                {(control) => (
                  <Input
                    {...control}
                    type="number"
                    inputMode="numeric"
                    min={vault.capacityGb}
                    className="w-48"
                    {...form.register("sizeGb", { setValueAs: numberOrUndefined })}
                  />
                )}
              </Field>
            </div>
            <label className="flex min-h-11 items-center gap-3 text-sm">
              <input type="checkbox" className="size-5" {...form.register("autoExpand")} />
              {t("vaultAdmin.autoExpand")}
            </label>
            <fieldset className="grid gap-3 border-t pt-4">
              <legend className="float-left mb-2 font-medium text-sm">
                {t("vaultCreate.section.tags")}
              </legend>
              <TagRows
                name="tags"
                addLabel={t("vaultCreate.addTag")}
                removeLabel={(index) => t("vaultCreate.removeTag", { index })}
              />
            </fieldset>
            {vault.type === "server" ? (
              <fieldset className="grid gap-3 border-t pt-4">
                <legend className="float-left mb-2 font-medium text-sm">
                  {t("vaultCreate.section.autoBind")}
                </legend>
                <p className="text-muted-foreground text-sm">{t("vaultCreate.autoBindHint")}</p>
                <AutoBindFields candidates={candidates.data ?? []} />
              </fieldset>
            ) : null}
            {problem ? (
              <p role="alert" className="font-medium text-destructive text-sm">
                {problem}
              </p>
            ) : null}
            <div>
              <Button type="submit" disabled={mutation.isPending} className="min-h-11">
                {mutation.isPending ? (
                  <Loader2Icon className="animate-spin" aria-hidden="true" />
                ) : null}
                {mutation.isPending ? t("vaultAdmin.saving") : t("vaultAdmin.save")}
              </Button>
            </div>
          </form>
        </FormProvider>
        <div className="flex flex-wrap items-center gap-3 border-t pt-4">
          <LockVaultButton vault={vault} />
          <DeleteVaultButton vault={vault} />
        </div>
      </CardContent>
    </Card>
  );
}

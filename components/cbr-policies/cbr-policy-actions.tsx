"use client";

import { Loader2Icon, PowerIcon, PowerOffIcon, Trash2Icon, UnlinkIcon } from "lucide-react";
import { type ReactNode, useState } from "react";
import { toast } from "sonner";
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
import {
  useDeleteCbrPolicy,
  useSetCbrPolicyEnabled,
  useUnbindCbrPolicy,
} from "@/lib/api/cbr-policies";
import { errorMessage } from "@/lib/api/errors";
import { useT } from "@/lib/i18n/i18n-provider";
import type { CbrPolicyView } from "@/lib/schemas/cbr-policy-form";

type ConfirmProps = {
  /** The button that opens the dialog. */
  trigger: (open: () => void) => ReactNode;
  title: string;
  body: ReactNode;
  confirm: string;
  /** Runs once per confirmation; a failure is shown in the dialog, which stays open. */
  action: () => Promise<void>;
};

/** A change the user confirms after reading what it does; the dialog keeps a refusal in view. */
function ConfirmAction({ trigger, title, body, confirm, action }: ConfirmProps) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const once = useOnce();
  return (
    <AlertDialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        setProblem(null);
      }}
    >
      {trigger(() => setOpen(true))}
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>{title}</AlertDialogTitle>
          <AlertDialogDescription>{body}</AlertDialogDescription>
        </AlertDialogHeader>
        {problem ? (
          <p role="alert" className="font-medium text-destructive text-sm">
            {problem}
          </p>
        ) : null}
        <AlertDialogFooter>
          <AlertDialogCancel>{t("policies.cancel")}</AlertDialogCancel>
          <AlertDialogAction
            destructive
            disabled={busy}
            onClick={(event) => {
              event.preventDefault();
              void once(async () => {
                setBusy(true);
                try {
                  await action();
                  setOpen(false);
                } catch (error) {
                  setProblem(
                    t("policies.toast.failed", {
                      message: errorMessage(error, t("backups.error.unknown")),
                    }),
                  );
                } finally {
                  setBusy(false);
                }
              });
            }}
          >
            {busy ? <Loader2Icon className="animate-spin" aria-hidden="true" /> : null}
            {confirm}
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}

const resourcesOf = (policy: CbrPolicyView) =>
  policy.vaults.reduce((sum, v) => sum + (v.resources ?? 0), 0);

export function CbrEnableButton({ policy }: { policy: CbrPolicyView }) {
  const t = useT();
  const mutation = useSetCbrPolicyEnabled(policy.id);
  const once = useOnce();
  const next = !policy.enabled;
  return (
    <Button
      type="button"
      variant="outline"
      disabled={mutation.isPending}
      onClick={() =>
        void once(async () => {
          try {
            await mutation.mutateAsync(next);
            toast.success(
              t(next ? "policies.toast.enabled" : "policies.toast.disabled", { name: policy.name }),
            );
          } catch (error) {
            toast.error(
              t("policies.toast.failed", {
                message: errorMessage(error, t("backups.error.unknown")),
              }),
            );
          }
        })
      }
    >
      {mutation.isPending ? (
        <Loader2Icon className="animate-spin" aria-hidden="true" />
      ) : next ? (
        <PowerIcon aria-hidden="true" />
      ) : (
        <PowerOffIcon aria-hidden="true" />
      )}
      {next ? t("policies.enable") : t("policies.disable")}
    </Button>
  );
}

export function CbrDeleteButton({
  policy,
  onDeleted,
}: {
  policy: CbrPolicyView;
  onDeleted: () => void;
}) {
  const t = useT();
  const mutation = useDeleteCbrPolicy(policy.id);
  return (
    <ConfirmAction
      trigger={(open) => (
        <Button
          type="button"
          variant="outline"
          className="text-destructive hover:text-destructive"
          onClick={open}
        >
          <Trash2Icon aria-hidden="true" />
          {t("policies.delete")}
        </Button>
      )}
      title={t("policies.delete.title", { name: policy.name })}
      body={
        policy.vaults.length === 0
          ? t("cbrPolicy.delete.unbound")
          : t("cbrPolicy.delete.bound", {
              vaults: policy.vaults.length,
              resources: resourcesOf(policy),
            })
      }
      confirm={t("policies.delete.confirm")}
      action={async () => {
        await mutation.mutateAsync();
        toast.success(t("policies.toast.deleted", { name: policy.name }));
        onDeleted();
      }}
    />
  );
}

export function CbrUnbindButton({
  policy,
  vault,
}: {
  policy: CbrPolicyView;
  vault: CbrPolicyView["vaults"][number];
}) {
  const t = useT();
  const mutation = useUnbindCbrPolicy(policy.id);
  return (
    <ConfirmAction
      trigger={(open) => (
        <Button
          type="button"
          variant="outline"
          size="sm"
          aria-label={t("cbrPolicy.vaults.unbindNamed", { vault: vault.name })}
          onClick={open}
        >
          <UnlinkIcon aria-hidden="true" />
          {t("cbrPolicy.vaults.unbind")}
        </Button>
      )}
      title={t("cbrPolicy.unbind.title", { vault: vault.name })}
      body={t("cbrPolicy.unbind.body", { name: policy.name, count: vault.resources ?? 0 })}
      confirm={t("cbrPolicy.vaults.unbind")}
      action={async () => {
        await mutation.mutateAsync(vault.id);
        toast.success(t("cbrPolicy.vaults.unbound", { vault: vault.name, name: policy.name }));
      }}
    />
  );
}

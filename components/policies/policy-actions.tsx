"use client";

import { Loader2Icon, PlayIcon, PowerIcon, PowerOffIcon, Trash2Icon } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { announceJobStart } from "@/components/layout/live-announcer";
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
import { errorMessage, isApiError } from "@/lib/api/errors";
import { useDeletePolicy, useExecutePolicy, useSetPolicyEnabled } from "@/lib/api/policies";
import { useT } from "@/lib/i18n/i18n-provider";
import type { PolicyView } from "@/lib/schemas/policy";

const messageOf = (error: unknown) => errorMessage(error, String(error));

/** Props that make a button icon-only while keeping its name (label + policy) and a tooltip. */
function compactProps(compact: boolean, label: string, name: string, size: "sm" | "default") {
  return compact
    ? { size: "icon" as const, "aria-label": `${label} ${name}`, title: label }
    : { size };
}

type ActionProps = {
  policy: PolicyView;
  size?: "sm" | "default";
  /** Icon only (dense table rows); the accessible name still says what and which policy. */
  compact?: boolean;
};

export function EnableButton({ policy, size = "sm", compact = false }: ActionProps) {
  const t = useT();
  const mutation = useSetPolicyEnabled();
  const once = useOnce();
  const next = !policy.enabled;
  return (
    <Button
      type="button"
      variant="outline"
      {...compactProps(
        compact,
        next ? t("policies.enable") : t("policies.disable"),
        policy.name,
        size,
      )}
      disabled={mutation.isPending}
      onClick={() =>
        once(async () => {
          try {
            await mutation.mutateAsync({
              id: policy.id,
              enabled: next,
              operationId: policy.operationId,
            });
            toast.success(
              t(next ? "policies.toast.enabled" : "policies.toast.disabled", { name: policy.name }),
            );
          } catch (error) {
            toast.error(t("policies.toast.failed", { message: messageOf(error) }));
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
      {compact ? null : next ? t("policies.enable") : t("policies.disable")}
    </Button>
  );
}

export function RunNowButton({ policy, size = "sm", compact = false }: ActionProps) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [scope, setScope] = useState<"all" | "some">("all");
  const [chosen, setChosen] = useState<string[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const mutation = useExecutePolicy();
  const once = useOnce();
  const count = policy.resources.length;
  const canRun = count > 0 && (scope === "all" || chosen.length > 0);

  const run = () =>
    once(async () => {
      setProblem(null);
      try {
        const { checkpointId } = await mutation.mutateAsync({
          id: policy.id,
          ...(scope === "some" ? { resources: chosen } : {}),
        });
        setOpen(false);
        announceJobStart(t, {
          kind: "policyRun",
          subject: policy.name,
          source: {
            service: "csbs",
            checkpointIds: [checkpointId],
            expected: scope === "all" ? count : chosen.length,
          },
        });
        toast.success(
          t("policies.toast.started", {
            name: policy.name,
            count: scope === "all" ? count : chosen.length,
          }),
        );
      } catch (error) {
        // CSBS.1001: a run of this policy is still going; say what to do, keep the dialog.
        setProblem(
          isApiError(error) && error.code === "CSBS.1001"
            ? `${error.message} ${t("policies.run.busyHint")}`
            : t("policies.toast.failed", { message: messageOf(error) }),
        );
      }
    });

  return (
    <AlertDialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) {
          setProblem(null);
          setScope("all");
          setChosen([]);
        }
      }}
    >
      <Button
        type="button"
        variant="outline"
        {...compactProps(compact, t("policies.runNow"), policy.name, size)}
        onClick={() => setOpen(true)}
      >
        <PlayIcon aria-hidden="true" />
        {compact ? null : t("policies.runNow")}
      </Button>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>{t("policies.run.title", { name: policy.name })}</AlertDialogTitle>
          <AlertDialogDescription>
            {count === 0 ? t("policies.run.none") : t("policies.run.body")}
          </AlertDialogDescription>
        </AlertDialogHeader>
        {count > 0 ? (
          <fieldset className="grid gap-2 text-sm">
            <legend className="sr-only">{t("policies.run.body")}</legend>
            <label className="flex min-h-11 items-center gap-2">
              <input
                type="radio"
                name="run-scope"
                checked={scope === "all"}
                onChange={() => setScope("all")}
                className="size-4"
              />
              {t("policies.run.all", { count })}
            </label>
            <label className="flex min-h-11 items-center gap-2">
              <input
                type="radio"
                name="run-scope"
                checked={scope === "some"}
                onChange={() => setScope("some")}
                className="size-4"
              />
              {t("policies.run.some")}
            </label>
            {scope === "some" ? (
              <ul className="ml-6 grid max-h-56 gap-1 overflow-y-auto">
                {policy.resources.map((r) => (
                  <li key={r.id}>
                    <label className="flex min-h-11 items-center gap-2">
                      <input
                        type="checkbox"
                        className="size-4"
                        checked={chosen.includes(r.id)}
                        onChange={(event) =>
                          setChosen((list) =>
                            event.target.checked
                              ? [...list, r.id]
                              : list.filter((id) => id !== r.id),
                          )
                        }
                      />
                      {r.name}
                    </label>
                  </li>
                ))}
              </ul>
            ) : null}
          </fieldset>
        ) : null}
        {problem ? (
          <p role="alert" className="font-medium text-destructive text-sm">
            {problem}
          </p>
        ) : null}
        <AlertDialogFooter>
          <AlertDialogCancel>{t("policies.cancel")}</AlertDialogCancel>
          <AlertDialogAction
            disabled={!canRun || mutation.isPending}
            onClick={(event) => {
              // Stay open until the cloud answers, so that a refusal is read where it happened.
              event.preventDefault();
              void run();
            }}
          >
            {mutation.isPending ? (
              <Loader2Icon className="animate-spin" aria-hidden="true" />
            ) : null}
            {t("policies.run.confirm")}
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}

export function DeleteButton({
  policy,
  size = "sm",
  compact = false,
  onDeleted,
}: ActionProps & { onDeleted?: () => void }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const mutation = useDeletePolicy();
  const once = useOnce();
  return (
    <AlertDialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        setProblem(null);
      }}
    >
      <Button
        type="button"
        variant="outline"
        {...compactProps(compact, t("policies.delete"), policy.name, size)}
        className="text-destructive hover:text-destructive"
        onClick={() => setOpen(true)}
      >
        <Trash2Icon aria-hidden="true" />
        {compact ? null : t("policies.delete")}
      </Button>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>{t("policies.delete.title", { name: policy.name })}</AlertDialogTitle>
          <AlertDialogDescription>
            {t("policies.delete.body", { count: policy.resources.length })}
          </AlertDialogDescription>
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
            disabled={mutation.isPending}
            onClick={(event) => {
              event.preventDefault();
              void once(async () => {
                try {
                  await mutation.mutateAsync(policy.id);
                  setOpen(false);
                  toast.success(t("policies.toast.deleted", { name: policy.name }));
                  onDeleted?.();
                } catch (error) {
                  setProblem(t("policies.toast.failed", { message: messageOf(error) }));
                }
              });
            }}
          >
            {mutation.isPending ? (
              <Loader2Icon className="animate-spin" aria-hidden="true" />
            ) : null}
            {t("policies.delete.confirm")}
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}

"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { AlertCircleIcon, Loader2Icon } from "lucide-react";
import { useEffect, useMemo, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
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
import { useRenameBackupMutation } from "@/lib/api/backups";
import { errorMessage, isApiError } from "@/lib/api/errors";
import { useT } from "@/lib/i18n/i18n-provider";
import { makeRenameSchema } from "@/lib/schemas/backups";

type RenameBackupDialogProps = {
  backup: { id: string; name: string };
  open: boolean;
  onOpenChange: (open: boolean) => void;
};

/** Renames a CBR backup. A refused name is shown at the field, and what was typed stays. */
export function RenameBackupDialog({ backup, open, onOpenChange }: RenameBackupDialogProps) {
  const t = useT();
  const mutation = useRenameBackupMutation(backup.id);
  const schema = useMemo(
    () =>
      makeRenameSchema({
        required: t("backups.rename.required"),
        invalid: t("backups.rename.invalid"),
      }),
    [t],
  );
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { name: backup.name } });
  const [formError, setFormError] = useState<string | null>(null);
  const inFlight = useRef(false);
  // A fresh dialog starts from the current name; a failed one keeps what was typed.
  useEffect(() => {
    if (open) {
      form.reset({ name: backup.name });
      setFormError(null);
    }
  }, [open, backup.name, form]);

  const onSubmit = form.handleSubmit(async ({ name }) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setFormError(null);
    try {
      await mutation.mutateAsync(name);
      toast.success(t("backups.rename.done", { name }));
      onOpenChange(false);
    } catch (error) {
      // Every 400 the rename gets is about the name, whichever field the cloud named.
      if (isApiError(error) && (error.field === "name" || error.status === 400)) {
        form.setError("name", { message: error.message }, { shouldFocus: true });
      } else {
        setFormError(errorMessage(error, t("backups.error.unknown")));
      }
    } finally {
      inFlight.current = false;
    }
  });

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => (mutation.isPending ? undefined : onOpenChange(next))}
    >
      <DialogContent closeLabel={t("common.close")}>
        <form onSubmit={onSubmit} noValidate className="grid gap-4">
          <DialogHeader>
            <DialogTitle>{t("backups.rename.title")}</DialogTitle>
            <DialogDescription>{t("backups.rename.description")}</DialogDescription>
          </DialogHeader>
          {formError ? (
            <Alert variant="destructive">
              <AlertCircleIcon aria-hidden="true" />
              <AlertDescription>{formError}</AlertDescription>
            </Alert>
          ) : null}
          <Field
            label={t("backups.rename.name")}
            description={t("backups.rename.hint")}
            error={form.formState.errors.name?.message}
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
          <DialogFooter>
            <Button
              type="button"
              variant="outline"
              onClick={() => onOpenChange(false)}
              disabled={mutation.isPending}
            >
              {t("backups.cancel")}
            </Button>
            <Button type="submit" disabled={mutation.isPending}>
              {mutation.isPending ? (
                <Loader2Icon aria-hidden="true" className="motion-safe:animate-spin" />
              ) : null}
              {t("backups.rename.submit")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

"use client";

import { useQuery } from "@tanstack/react-query";
import { ArrowRightLeftIcon, Loader2Icon } from "lucide-react";
import { useId, useState } from "react";
import { toast } from "sonner";
import { NativeSelect } from "@/components/data-table/native-select";
import { useOnce } from "@/components/layout/use-once";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { errorMessage } from "@/lib/api/errors";
import { useMoveVaultResource, vaultsQuery } from "@/lib/api/vaults";
import { formatNumber } from "@/lib/i18n/format";
import { useLocale, useT } from "@/lib/i18n/i18n-provider";
import { VAULT_TYPES, type VaultType, type VaultView } from "@/lib/schemas/vault";

type Resource = VaultView["resources"][number];

/**
 * Moves one resource to another vault of the same type with its backups (MigrateResources): the
 * way out of a vault that keeps the backups, where removing deletes them.
 */
export function MoveResourceButton({ vault, resource }: { vault: VaultView; resource: Resource }) {
  const t = useT();
  const locale = useLocale();
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <Button
        type="button"
        variant="outline"
        size="sm"
        className="min-h-11 lg:min-h-8"
        onClick={() => setOpen(true)}
        aria-label={t("vaultAdmin.moveNamed", { name: resource.name })}
      >
        <ArrowRightLeftIcon aria-hidden="true" />
        {t("vaultAdmin.move")}
      </Button>
      <DialogContent closeLabel={t("common.close")}>
        <DialogHeader>
          <DialogTitle>{t("vaultAdmin.moveTitle", { name: resource.name })}</DialogTitle>
          <DialogDescription>
            {vault.locked
              ? t("vaultAdmin.moveLocked")
              : t("vaultAdmin.moveHint", {
                  backups: formatNumber(locale, resource.backupCount ?? 0),
                })}
          </DialogDescription>
        </DialogHeader>
        {open && !vault.locked ? (
          <MoveForm vault={vault} resource={resource} onDone={() => setOpen(false)} />
        ) : (
          <DialogFooter>
            <Button
              variant="outline"
              onClick={() => setOpen(false)}
              className="min-h-11 lg:min-h-9"
            >
              {t("vaultAdmin.cancel")}
            </Button>
          </DialogFooter>
        )}
      </DialogContent>
    </Dialog>
  );
}

function MoveForm({
  vault,
  resource,
  onDone,
}: {
  vault: VaultView;
  resource: Resource;
  onDone: () => void;
}) {
  const t = useT();
  const selectId = useId();
  const type = (VAULT_TYPES as readonly string[]).includes(vault.type)
    ? (vault.type as VaultType)
    : undefined;
  const vaults = useQuery(vaultsQuery({ ...(type ? { type } : {}), page: 1, size: 50 }));
  const destinations = (vaults.data?.vaults ?? []).filter(
    (v) => v.id !== vault.id && v.status === "available",
  );
  const [destination, setDestination] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const mutation = useMoveVaultResource();
  const once = useOnce();
  const chosen = destinations.find((v) => v.id === destination);

  const submit = () =>
    once(async () => {
      if (!chosen) return;
      setProblem(null);
      try {
        await mutation.mutateAsync({
          destinationId: chosen.id,
          resourceId: resource.id,
          fromVaultId: vault.id,
        });
        toast.success(t("vaultAdmin.moved", { name: resource.name, vault: chosen.name }));
        onDone();
      } catch (error) {
        setProblem(errorMessage(error, t("backups.error.unknown")));
      }
    });

  return (
    <div className="grid gap-4">
      {vaults.isSuccess && destinations.length === 0 ? (
        <p className="text-muted-foreground text-sm">{t("vaultAdmin.moveNone")}</p>
      ) : (
        <div className="grid gap-2">
          <Label htmlFor={selectId}>{t("vaultAdmin.moveTo")}</Label>
          <NativeSelect
            id={selectId}
            value={destination}
            disabled={vaults.isPending}
            onChange={(event) => setDestination(event.target.value)}
          >
            <option value="" disabled>
              —
            </option>
            {destinations.map((v) => (
              <option key={v.id} value={v.id}>
                {v.name}
              </option>
            ))}
          </NativeSelect>
        </div>
      )}
      {vaults.isError ? (
        <p role="alert" className="text-destructive text-sm">
          {errorMessage(vaults.error, t("backups.error.unknown"))}
        </p>
      ) : null}
      {problem ? (
        <p role="alert" className="font-medium text-destructive text-sm">
          {problem}
        </p>
      ) : null}
      <DialogFooter>
        <Button variant="outline" onClick={onDone} className="min-h-11 lg:min-h-9">
          {t("vaultAdmin.cancel")}
        </Button>
        <Button
          onClick={() => void submit()}
          disabled={!chosen || mutation.isPending}
          className="min-h-11 lg:min-h-9"
        >
          {mutation.isPending ? <Loader2Icon className="animate-spin" aria-hidden="true" /> : null}
          {t("vaultAdmin.moveConfirm")}
        </Button>
      </DialogFooter>
    </div>
  );
}

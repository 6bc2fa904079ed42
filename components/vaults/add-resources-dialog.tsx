"use client";

import { useQuery } from "@tanstack/react-query";
import { AlertCircleIcon, Loader2Icon, PlusIcon } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { useOnce } from "@/components/layout/use-once";
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
import { Skeleton } from "@/components/ui/skeleton";
import { errorMessage } from "@/lib/api/errors";
import { useAddVaultResources, vaultCandidatesQuery } from "@/lib/api/vaults";
import { formatNumber } from "@/lib/i18n/format";
import { useLocale, useT } from "@/lib/i18n/i18n-provider";
import type { VaultView } from "@/lib/schemas/vault";
import { CandidateRow } from "./candidate-row";

/**
 * Adds servers (or disks) to the vault. One held by another vault is never taken silently: it is
 * offered as a move, which keeps its backups, and says how many go with it.
 */
export function AddResourcesDialog({ vault }: { vault: VaultView }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="outline" className="min-h-11 lg:min-h-9">
          <PlusIcon aria-hidden="true" />
          {t("vaultAdmin.add")}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={t("common.close")} className="sm:max-w-2xl">
        <DialogHeader>
          <DialogTitle>{t("vaultAdmin.addTitle", { vault: vault.name })}</DialogTitle>
          <DialogDescription>{t("vaultAdmin.addHint")}</DialogDescription>
        </DialogHeader>
        {open ? <AddResourcesForm vault={vault} onDone={() => setOpen(false)} /> : null}
      </DialogContent>
    </Dialog>
  );
}

function AddResourcesForm({ vault, onDone }: { vault: VaultView; onDone: () => void }) {
  const t = useT();
  const locale = useLocale();
  const n = (value: number) => formatNumber(locale, value);
  const query = useQuery(vaultCandidatesQuery(vault.id));
  const mutation = useAddVaultResources(vault.id);
  const once = useOnce();
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [problem, setProblem] = useState<string | null>(null);

  if (query.isPending) return <Skeleton className="h-48 w-full" />;
  if (query.isError) {
    return (
      <Alert variant="destructive">
        <AlertCircleIcon aria-hidden="true" />
        <AlertDescription>{errorMessage(query.error, t("backups.error.unknown"))}</AlertDescription>
      </Alert>
    );
  }
  const shown = query.data.filter((c) => c.state !== "here");
  const picked = shown.filter((c) => chosen.has(c.id));
  const adds = picked.filter((c) => c.state === "free");
  const moves = picked.filter((c) => c.state === "elsewhere");
  const kept = moves.reduce((sum, c) => sum + (c.backups ?? 0), 0);
  const toggle = (id: string, on: boolean) =>
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const submit = () =>
    once(async () => {
      setProblem(null);
      try {
        await mutation.mutateAsync({
          add: adds.map((c) => c.id),
          move: moves.map((c) => ({ id: c.id, fromVaultId: c.vault?.id ?? "" })),
        });
        toast.success(t("vaultAdmin.addDone", { added: n(adds.length), moved: n(moves.length) }));
        onDone();
      } catch (error) {
        setProblem(errorMessage(error, t("backups.error.unknown")));
      }
    });

  return (
    <div className="grid gap-4">
      {shown.length === 0 ? (
        <p className="text-muted-foreground">{t("vaultAdmin.addNone")}</p>
      ) : (
        <ul
          className="grid max-h-[50vh] gap-1 overflow-y-auto"
          aria-label={t("vaultAdmin.addList")}
        >
          {shown.map((c) => (
            <CandidateRow
              key={c.id}
              candidate={c}
              checked={chosen.has(c.id)}
              onChange={(on) => toggle(c.id, on)}
            />
          ))}
        </ul>
      )}
      {moves.length > 0 ? (
        <p className="text-sm" data-testid="move-summary">
          {t("vaultAdmin.moveSummary", { count: n(moves.length), backups: n(kept) })}
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
          disabled={picked.length === 0 || mutation.isPending}
          className="min-h-11 lg:min-h-9"
        >
          {mutation.isPending ? <Loader2Icon className="animate-spin" aria-hidden="true" /> : null}
          {t("vaultAdmin.addConfirm", { added: n(adds.length), moved: n(moves.length) })}
        </Button>
      </DialogFooter>
    </div>
  );
}

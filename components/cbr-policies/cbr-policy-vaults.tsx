"use client";

import { useQuery } from "@tanstack/react-query";
import { AlertCircleIcon, LinkIcon, Loader2Icon } from "lucide-react";
import Link from "next/link";
import { useId, useState } from "react";
import { toast } from "sonner";
import { useCanChange } from "@/components/layout/session-provider";
import { useOnce } from "@/components/layout/use-once";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Label } from "@/components/ui/label";
import { useBindCbrPolicy } from "@/lib/api/cbr-policies";
import { errorMessage } from "@/lib/api/errors";
import { vaultsQuery } from "@/lib/api/vaults";
import { useT } from "@/lib/i18n/i18n-provider";
import type { CbrPolicyView } from "@/lib/schemas/cbr-policy-form";
import { CbrUnbindButton } from "./cbr-policy-actions";

/** Every vault of the project, for the bind list (a project has few; the cloud pages at 1000). */
const ALL_VAULTS = { page: 1, size: 1000 } as const;

/**
 * The vaults a policy backs up, with unbind, and a list of the other vaults to bind it to. A CBR
 * policy protects vaults, not servers: every resource of a bound vault is backed up at each run.
 */
export function CbrPolicyVaults({ policy }: { policy: CbrPolicyView }) {
  const t = useT();
  const canChange = useCanChange();
  const vaults = useQuery(vaultsQuery(ALL_VAULTS));
  const bind = useBindCbrPolicy(policy.id);
  const once = useOnce();
  const selectId = useId();
  const [chosen, setChosen] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const bound = new Set(policy.vaults.map((v) => v.id));
  const free = (vaults.data?.vaults ?? []).filter((v) => !bound.has(v.id));
  const resources = policy.vaults.reduce((sum, v) => sum + (v.resources ?? 0), 0);

  const onBind = () =>
    once(async () => {
      const vault = free.find((v) => v.id === chosen);
      if (!vault) {
        setProblem(t("cbrPolicy.vaults.choose"));
        return;
      }
      setProblem(null);
      try {
        await bind.mutateAsync(vault.id);
        setChosen("");
        toast.success(t("cbrPolicy.vaults.bound", { vault: vault.name, name: policy.name }));
      } catch (error) {
        // Kept in the card, beside the list: the choice stays for another try.
        setProblem(errorMessage(error, t("backups.error.unknown")));
      }
    });

  return (
    <Card data-testid="cbr-policy-vaults">
      <CardHeader>
        <CardTitle>
          <h2 className="text-lg">{t("cbrPolicy.vaults.title")}</h2>
        </CardTitle>
        <CardDescription>
          {policy.vaults.length === 0
            ? t("cbrPolicy.vaults.noneHint")
            : t("cbrPolicy.vaults.summary", { resources })}
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {policy.vaults.length > 0 ? (
          <ul className="grid gap-2">
            {policy.vaults.map((vault) => (
              <li
                key={vault.id}
                className="flex flex-wrap items-center justify-between gap-2 rounded-md border px-3 py-2"
                data-bound-vault={vault.name}
              >
                <span>
                  <Link
                    href={`/vaults/${encodeURIComponent(vault.id)}`}
                    className="font-medium underline-offset-4 hover:underline"
                  >
                    {vault.name}
                  </Link>
                  <span className="block text-muted-foreground text-sm">
                    {vault.resources === undefined
                      ? t("cbrPolicy.vaults.resourcesUnknown")
                      : t("cbrPolicy.vaults.resources", { count: vault.resources })}
                  </span>
                </span>
                {canChange ? <CbrUnbindButton policy={policy} vault={vault} /> : null}
              </li>
            ))}
          </ul>
        ) : null}
        {canChange ? (
          <div className="flex flex-wrap items-end gap-2">
            <div className="grid gap-2">
              <Label htmlFor={selectId}>{t("cbrPolicy.vaults.bindLabel")}</Label>
              <select
                id={selectId}
                value={chosen}
                onChange={(event) => setChosen(event.target.value)}
                disabled={vaults.isPending}
                aria-invalid={problem ? true : undefined}
                aria-describedby={problem ? `${selectId}-problem` : undefined}
                className="h-11 min-w-64 rounded-md border border-input bg-background px-3 text-sm shadow-xs aria-invalid:border-destructive dark:bg-input/20"
              >
                <option value="">{t("cbrPolicy.vaults.pick")}</option>
                {free.map((vault) => (
                  <option key={vault.id} value={vault.id}>
                    {t("cbrPolicy.vaults.option", {
                      vault: vault.name,
                      count: vault.resources.length,
                    })}
                  </option>
                ))}
              </select>
            </div>
            <Button type="button" disabled={bind.isPending} onClick={() => void onBind()}>
              {bind.isPending ? (
                <Loader2Icon className="animate-spin" aria-hidden="true" />
              ) : (
                <LinkIcon aria-hidden="true" />
              )}
              {t("cbrPolicy.vaults.bind")}
            </Button>
          </div>
        ) : null}
        {vaults.isError ? (
          <p className="text-muted-foreground text-sm">
            {t("cbrPolicy.vaults.loadError", { message: vaults.error.message })}
          </p>
        ) : null}
        {problem ? (
          <Alert variant="destructive" role="alert" id={`${selectId}-problem`}>
            <AlertCircleIcon aria-hidden="true" />
            <AlertDescription>{problem}</AlertDescription>
          </Alert>
        ) : null}
      </CardContent>
    </Card>
  );
}

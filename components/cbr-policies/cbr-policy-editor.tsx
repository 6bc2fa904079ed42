"use client";

import { useQuery } from "@tanstack/react-query";
import { AlertCircleIcon } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { PageHeader } from "@/components/layout/page-header";
import { useCanChange } from "@/components/layout/session-provider";
import { useHydrated } from "@/components/layout/use-hydrated";
import { EnabledBadge } from "@/components/policies/policy-display";
import { BackLink, FormSkeleton } from "@/components/policies/policy-editor";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { cbrPolicyQuery } from "@/lib/api/cbr-policies";
import { useT } from "@/lib/i18n/i18n-provider";
import { CbrDeleteButton, CbrEnableButton } from "./cbr-policy-actions";
import { CbrPolicyForm } from "./cbr-policy-form";
import { CbrPolicyVaults } from "./cbr-policy-vaults";

/** `/policies/cbr/new`. The builder works in the browser's zone and clock: it waits for hydration. */
export function NewCbrPolicyEditor() {
  const t = useT();
  const hydrated = useHydrated();
  return (
    <div className="grid min-w-0 gap-2 [&>*]:min-w-0">
      <BackLink />
      <PageHeader title={t("cbrPolicy.newTitle")}>
        <Badge variant="outline">CBR</Badge>
      </PageHeader>
      {hydrated ? <CbrPolicyForm /> : <FormSkeleton />}
    </div>
  );
}

/** `/policies/cbr/{id}`: state and actions, the vaults it backs up, then its editor. */
export function CbrPolicyEditor({ id }: { id: string }) {
  const t = useT();
  const router = useRouter();
  const hydrated = useHydrated();
  const query = useQuery(cbrPolicyQuery(id));
  const policy = query.data;
  const canChange = useCanChange();

  return (
    <div className="grid min-w-0 gap-2 [&>*]:min-w-0">
      <BackLink />
      {query.isError ? (
        <>
          <PageHeader title={t("nav.policies")} />
          <Alert variant="destructive">
            <AlertCircleIcon aria-hidden="true" />
            <AlertDescription>
              {query.error.message}{" "}
              <Link href="/policies" className="underline">
                {t("policyForm.back")}
              </Link>
            </AlertDescription>
          </Alert>
        </>
      ) : null}
      {policy && hydrated ? (
        <>
          <PageHeader title={policy.name}>
            <div className="flex flex-wrap items-center gap-2">
              <Badge variant="outline">CBR</Badge>
              <EnabledBadge t={t} enabled={policy.enabled} />
              {canChange ? (
                <>
                  <CbrEnableButton policy={policy} />
                  <span className="mx-2 h-6 w-px bg-border" aria-hidden="true" />
                  <CbrDeleteButton policy={policy} onDeleted={() => router.push("/policies")} />
                </>
              ) : null}
            </div>
          </PageHeader>
          <div className="grid max-w-6xl gap-6">
            <CbrPolicyVaults policy={policy} />
            <CbrPolicyForm key={policy.id} policy={policy} />
          </div>
        </>
      ) : query.isError ? null : (
        <FormSkeleton />
      )}
    </div>
  );
}

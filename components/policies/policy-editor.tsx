"use client";

import { useQuery } from "@tanstack/react-query";
import { AlertCircleIcon, ArrowLeftIcon } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { PageHeader } from "@/components/layout/page-header";
import { useCanChange } from "@/components/layout/session-provider";
import { useHydrated } from "@/components/layout/use-hydrated";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { policyQuery } from "@/lib/api/policies";
import { useT } from "@/lib/i18n/i18n-provider";
import { DeleteButton, EnableButton, RunNowButton } from "./policy-actions";
import { EnabledBadge, LastRunBadge } from "./policy-display";
import { PolicyForm } from "./policy-form";

/** Back to `/policies`, above every policy editor. */
export function BackLink() {
  const t = useT();
  return (
    <Button asChild variant="ghost" size="sm" className="w-fit">
      <Link href="/policies">
        <ArrowLeftIcon aria-hidden="true" />
        {t("policyForm.back")}
      </Link>
    </Button>
  );
}

export function FormSkeleton() {
  const t = useT();
  return (
    <div className="grid max-w-6xl gap-4" aria-busy="true">
      <span className="sr-only">{t("common.loading")}</span>
      <Skeleton className="h-40 w-full" />
      <Skeleton className="h-96 w-full" />
    </div>
  );
}

/** `/policies/new`. */
export function NewPolicyEditor() {
  const t = useT();
  const mounted = useHydrated();
  return (
    <div className="grid min-w-0 gap-2 [&>*]:min-w-0">
      <BackLink />
      <PageHeader title={t("policyForm.newTitle")} />
      {mounted ? <PolicyForm /> : <FormSkeleton />}
    </div>
  );
}

/** `/policies/{id}`: the policy's name, state and actions above its editor. */
export function PolicyEditor({ id }: { id: string }) {
  const t = useT();
  const router = useRouter();
  const mounted = useHydrated();
  const query = useQuery(policyQuery(id));
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
      {policy && mounted ? (
        <>
          <PageHeader title={policy.name}>
            <div className="flex flex-wrap items-center gap-2">
              <EnabledBadge t={t} enabled={policy.enabled} />
              <LastRunBadge t={t} lastRun={policy.lastRun} loaded />
              {canChange ? (
                <>
                  <EnableButton policy={policy} size="default" />
                  <RunNowButton policy={policy} size="default" />
                  <span className="mx-2 h-6 w-px bg-border" aria-hidden="true" />
                  <DeleteButton
                    policy={policy}
                    size="default"
                    onDeleted={() => router.push("/policies")}
                  />
                </>
              ) : null}
            </div>
          </PageHeader>
          <PolicyForm key={policy.id} policy={policy} />
        </>
      ) : query.isError ? null : (
        <FormSkeleton />
      )}
    </div>
  );
}

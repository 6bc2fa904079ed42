import type { Metadata } from "next";
import { Suspense } from "react";
import { PageHeader } from "@/components/layout/page-header";
import { NewPolicyLink, PoliciesView } from "@/components/policies/policies-view";
import { getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("nav.policies") };
}

export default async function PoliciesPage() {
  const t = await getT();
  return (
    <>
      <PageHeader title={t("nav.policies")}>
        <NewPolicyLink />
      </PageHeader>
      {/* Filters and sort live in the URL (useSearchParams). */}
      <Suspense>
        <PoliciesView />
      </Suspense>
    </>
  );
}

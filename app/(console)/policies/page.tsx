import type { Metadata } from "next";
import { Suspense } from "react";
import { CbrPoliciesList, NewCbrPolicyLink } from "@/components/cbr-policies/cbr-policies-list";
import { PageHeader } from "@/components/layout/page-header";
import { BothServicesFleet } from "@/components/policies/fleet-schedule";
import { NewPolicyLink, PoliciesView } from "@/components/policies/policies-view";
import { requireSession } from "@/lib/auth/session";
import { getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("nav.policies") };
}

/** Both services' policies: CBR v3 first (what tenants run today), then CSBS v1 (being retired). */
export default async function PoliciesPage() {
  const [t, session] = await Promise.all([getT(), requireSession()]);
  return (
    <>
      <PageHeader title={t("nav.policies")} />
      <section aria-labelledby="cbr-policies" className="grid gap-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <div>
            <h2 id="cbr-policies" className="font-semibold text-lg">
              {t("cbrPolicy.section.title")}
            </h2>
            <p className="text-muted-foreground text-sm">{t("cbrPolicy.section.hint")}</p>
          </div>
          <NewCbrPolicyLink />
        </div>
        <CbrPoliciesList />
      </section>
      <section aria-labelledby="csbs-policies" className="mt-8 grid gap-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <div>
            <h2 id="csbs-policies" className="font-semibold text-lg">
              {t("cbrPolicy.section.csbsTitle")}
            </h2>
            <p className="text-muted-foreground text-sm">
              {t(session.services.csbs ? "cbrPolicy.section.csbsHint" : "cbrPolicy.section.noCsbs")}
            </p>
          </div>
          {session.services.csbs ? <NewPolicyLink /> : null}
        </div>
        {/* A region without CSBS has nothing to list and nothing to create there. */}
        {session.services.csbs ? (
          // Filters and sort live in the URL (useSearchParams).
          <Suspense>
            <PoliciesView />
          </Suspense>
        ) : null}
      </section>
      <section aria-label={t("policies.fleet.title")} className="mt-8">
        <BothServicesFleet />
      </section>
    </>
  );
}

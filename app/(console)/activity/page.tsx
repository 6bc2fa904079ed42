import type { Metadata } from "next";
import { Suspense } from "react";
import { ActivityView } from "@/components/activity/activity-view";
import { PageHeader } from "@/components/layout/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("nav.activity") };
}

export default async function ActivityPage() {
  const t = await getT();
  return (
    <>
      <PageHeader title={t("nav.activity")} />
      {/* The view reads the address (useSearchParams), which needs a boundary of its own. */}
      <Suspense fallback={<Skeleton className="h-96 w-full" />}>
        <ActivityView />
      </Suspense>
    </>
  );
}

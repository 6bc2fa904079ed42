import type { Metadata } from "next";
import { Suspense } from "react";
import { BackupsView } from "@/components/backups/backups-view";
import { PageHeader } from "@/components/layout/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("nav.backups") };
}

export default async function BackupsPage() {
  const t = await getT();
  return (
    <>
      <PageHeader title={t("nav.backups")} />
      {/* The view reads the address (useSearchParams), which needs a boundary of its own. */}
      <Suspense fallback={<Skeleton className="h-96 w-full" />}>
        <BackupsView />
      </Suspense>
    </>
  );
}

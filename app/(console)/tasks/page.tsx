import type { Metadata } from "next";
import { Suspense } from "react";
import { PageHeader } from "@/components/layout/page-header";
import { TasksView } from "@/components/tasks/tasks-view";
import { Skeleton } from "@/components/ui/skeleton";
import { getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("nav.tasks") };
}

export default async function TasksPage() {
  const t = await getT();
  return (
    <>
      <PageHeader title={t("nav.tasks")} />
      {/* The view reads the address (useSearchParams), which needs a boundary of its own. */}
      <Suspense fallback={<Skeleton className="h-96 w-full" />}>
        <TasksView />
      </Suspense>
    </>
  );
}

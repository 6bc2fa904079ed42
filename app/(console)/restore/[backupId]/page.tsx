import type { Metadata } from "next";
import { Suspense } from "react";
import { RestoreWizard } from "@/components/restore/restore-wizard";
import { getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("restore.titleLoading") };
}

/** `/restore/{backupId}[?service=cbr]`: the restore wizard, deep-linkable at any step. */
export default async function RestorePage({ params }: { params: Promise<{ backupId: string }> }) {
  const { backupId } = await params;
  return (
    <Suspense>
      <RestoreWizard backupId={backupId} />
    </Suspense>
  );
}

import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Suspense } from "react";
import { BackupsView } from "@/components/backups/backups-view";
import { PageHeader } from "@/components/layout/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { requireSession } from "@/lib/auth/session";
import { getT } from "@/lib/i18n/server";
import {
  backupListKey,
  backupSearchParams,
  FILTER_STATUSES,
  parseBackupSearch,
} from "@/lib/schemas/backups";
import { listBackupPage } from "@/lib/server/backups/list-backups";
import { withPageCloud } from "@/lib/server/page-cloud";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("nav.backups") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function BackupsPage({ searchParams }: Props) {
  const [t, raw, session] = await Promise.all([getT(), searchParams, requireSession()]);
  const { search, dropped } = parseBackupSearch(raw);
  // A region without CSBS has only CBR's list to show (CSBS is the default service).
  if (search.service === "csbs" && !session.services.csbs) {
    const status = search.status.filter((s) => FILTER_STATUSES.cbr.includes(s));
    const params = backupSearchParams({ ...search, status, policy: undefined, page: 1 });
    params.set("service", "cbr");
    redirect(`/backups?${params.toString()}`);
  }
  // The first page comes with the HTML: no wait for the bundle, then for a request, before rows
  // show. A failure here is left to the client, which shows it with a retry.
  const data = await withPageCloud((cloud) => listBackupPage(cloud, search, dropped)).catch(
    (error: unknown) => {
      if (isNextControlFlow(error)) throw error;
      return undefined;
    },
  );
  const initial = data ? { key: backupListKey(search), data, fetchedAt: Date.now() } : undefined;
  return (
    <>
      <PageHeader title={t("nav.backups")} />
      {/* The view reads the address (useSearchParams), which needs a boundary of its own. */}
      <Suspense fallback={<Skeleton className="h-96 w-full" />}>
        <BackupsView initial={initial} />
      </Suspense>
    </>
  );
}

/** redirect() and notFound() throw; they must reach Next, not the fallback above. */
function isNextControlFlow(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return (
    typeof digest === "string" &&
    (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR"))
  );
}

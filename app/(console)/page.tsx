import type { Metadata } from "next";
import { unstable_rethrow } from "next/navigation";
import { OverviewView } from "@/components/overview/overview-view";
import { getT } from "@/lib/i18n/server";
import { buildOverview } from "@/lib/server/overview/overview-service";
import { withPageCloud } from "@/lib/server/page-cloud";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("nav.overview") };
}

export default async function OverviewPage() {
  // The figures come with the HTML: the page is whole at first paint instead of a skeleton that
  // waits for the bundle, then for a request. A failure here is left to the client, which shows it
  // with a retry; redirect() (session ended) must reach Next.
  const data = await withPageCloud((cloud) => buildOverview(cloud)).catch((error: unknown) => {
    unstable_rethrow(error);
    return undefined;
  });
  // The view renders the page header itself: its refresh state sits beside the title.
  return <OverviewView initial={data ? { data, fetchedAt: Date.now() } : undefined} />;
}

import type { Metadata } from "next";
import { unstable_rethrow } from "next/navigation";
import { Suspense } from "react";
import { WallView } from "@/components/wall/wall-view";
import { requireSession } from "@/lib/auth/session";
import { getT } from "@/lib/i18n/server";
import { withPageCloud } from "@/lib/server/page-cloud";
import { buildOverview } from "../api/overview/overview-service";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("wall.title") };
}

/** Outside the (console) group on purpose: the wall has no navigation chrome. */
export default async function WallPage() {
  const session = await requireSession();
  // As on the overview: the first figures come with the HTML; a failure is left to the client.
  const data = await withPageCloud((cloud) => buildOverview(cloud)).catch((error: unknown) => {
    unstable_rethrow(error);
    return undefined;
  });
  return (
    <Suspense>
      <WallView
        projectName={session.project.name}
        initial={data ? { data, fetchedAt: Date.now() } : undefined}
      />
    </Suspense>
  );
}

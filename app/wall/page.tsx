import type { Metadata } from "next";
import { Suspense } from "react";
import { WallView } from "@/components/wall/wall-view";
import { requireSession } from "@/lib/auth/session";
import { getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("wall.title") };
}

/** Outside the (console) group on purpose: the wall has no navigation chrome. */
export default async function WallPage() {
  const session = await requireSession();
  return (
    <Suspense>
      <WallView projectName={session.project.name} />
    </Suspense>
  );
}

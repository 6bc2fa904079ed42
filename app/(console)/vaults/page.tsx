import type { Metadata } from "next";
import { Suspense } from "react";
import { VaultsView } from "@/components/vaults/vaults-view";
import { getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("nav.vaults") };
}

export default function VaultsPage() {
  // The view reads its filters from the URL (useSearchParams).
  return (
    <Suspense>
      <VaultsView />
    </Suspense>
  );
}

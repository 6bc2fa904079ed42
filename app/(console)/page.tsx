import type { Metadata } from "next";
import { OverviewView } from "@/components/overview/overview-view";
import { getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("nav.overview") };
}

export default function OverviewPage() {
  // The view renders the page header itself: its refresh state sits beside the title.
  return <OverviewView />;
}

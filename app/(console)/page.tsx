import type { Metadata } from "next";
import { NotBuiltYet } from "@/components/layout/not-built-yet";
import { getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("nav.overview") };
}

export default function OverviewPage() {
  return <NotBuiltYet title="nav.overview" what="page.overview.what" issue={4} />;
}

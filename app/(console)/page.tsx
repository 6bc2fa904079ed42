import type { Metadata } from "next";
import { PageHeader } from "@/components/layout/page-header";
import { OverviewView } from "@/components/overview/overview-view";
import { getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("nav.overview") };
}

export default async function OverviewPage() {
  const t = await getT();
  return (
    <>
      <PageHeader title={t("nav.overview")} />
      <OverviewView />
    </>
  );
}

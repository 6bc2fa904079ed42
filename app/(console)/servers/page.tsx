import type { Metadata } from "next";
import { PageHeader } from "@/components/layout/page-header";
import { ServersView } from "@/components/servers/servers-view";
import { getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("nav.servers") };
}

export default async function ServersPage() {
  const t = await getT();
  return (
    <>
      <PageHeader title={t("nav.servers")} />
      <ServersView />
    </>
  );
}

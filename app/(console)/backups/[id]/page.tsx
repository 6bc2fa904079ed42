import type { Metadata } from "next";
import { BackupDetailView } from "@/components/backups/backup-detail-view";
import { getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("backups.detail.title") };
}

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function BackupPage(props: Props) {
  const [{ id }, query] = await Promise.all([props.params, props.searchParams]);
  const service = query.service === "cbr" ? "cbr" : "csbs";
  return <BackupDetailView id={decodeURIComponent(id)} service={service} />;
}

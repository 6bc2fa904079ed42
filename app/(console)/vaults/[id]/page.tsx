import type { Metadata } from "next";
import { VaultDetailView } from "@/components/vaults/vault-detail-view";
import { getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("nav.vaults") };
}

export default async function VaultPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <VaultDetailView id={id} />;
}

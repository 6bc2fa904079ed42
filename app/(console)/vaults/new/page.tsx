import type { Metadata } from "next";
import { NewVaultView } from "@/components/vaults/new-vault-view";
import { getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("vaultCreate.title") };
}

export default function NewVaultPage() {
  return <NewVaultView />;
}

import type { Metadata } from "next";
import { NotBuiltYet } from "@/components/layout/not-built-yet";
import { getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("nav.vaults") };
}

export default function VaultsPage() {
  return <NotBuiltYet title="nav.vaults" what="page.vaults.what" issue={7} />;
}

import type { Metadata } from "next";
import { NotBuiltYet } from "@/components/layout/not-built-yet";
import { getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("nav.backups") };
}

export default function BackupsPage() {
  return <NotBuiltYet title="nav.backups" what="page.backups.what" issue={4} />;
}

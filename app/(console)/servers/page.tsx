import type { Metadata } from "next";
import { NotBuiltYet } from "@/components/layout/not-built-yet";
import { getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("nav.servers") };
}

export default function ServersPage() {
  return <NotBuiltYet title="nav.servers" what="page.servers.what" issue={4} />;
}

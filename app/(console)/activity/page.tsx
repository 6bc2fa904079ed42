import type { Metadata } from "next";
import { NotBuiltYet } from "@/components/layout/not-built-yet";
import { getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("nav.activity") };
}

export default function ActivityPage() {
  return <NotBuiltYet title="nav.activity" what="page.activity.what" issue={9} />;
}

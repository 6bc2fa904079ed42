import type { Metadata } from "next";
import { NotBuiltYet } from "@/components/layout/not-built-yet";
import { getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("nav.policies") };
}

export default function PoliciesPage() {
  return <NotBuiltYet title="nav.policies" what="page.policies.what" issue={5} />;
}

import type { Metadata } from "next";
import { CbrPolicyEditor } from "@/components/cbr-policies/cbr-policy-editor";
import { getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("nav.policies") };
}

export default async function CbrPolicyPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <CbrPolicyEditor id={id} />;
}

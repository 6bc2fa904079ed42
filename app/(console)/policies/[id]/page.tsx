import type { Metadata } from "next";
import { PolicyEditor } from "@/components/policies/policy-editor";
import { getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("nav.policies") };
}

export default async function PolicyPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <PolicyEditor id={id} />;
}

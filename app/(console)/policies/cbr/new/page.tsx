import type { Metadata } from "next";
import { NewCbrPolicyEditor } from "@/components/cbr-policies/cbr-policy-editor";
import { getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("cbrPolicy.newTitle") };
}

export default function NewCbrPolicyPage() {
  return <NewCbrPolicyEditor />;
}

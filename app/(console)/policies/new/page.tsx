import type { Metadata } from "next";
import { NewPolicyEditor } from "@/components/policies/policy-editor";
import { getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("policyForm.newTitle") };
}

export default function NewPolicyPage() {
  return <NewPolicyEditor />;
}

import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { NewPolicyEditor } from "@/components/policies/policy-editor";
import { requireSession } from "@/lib/auth/session";
import { getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("policyForm.newTitle") };
}

/** A new CSBS policy; a project whose region has no CSBS is offered CBR's editor instead. */
export default async function NewPolicyPage() {
  if (!(await requireSession()).services.csbs) redirect("/policies/cbr/new");
  return <NewPolicyEditor />;
}

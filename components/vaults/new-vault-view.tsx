"use client";

import { ArrowLeftIcon, InfoIcon } from "lucide-react";
import Link from "next/link";
import { PageHeader } from "@/components/layout/page-header";
import { useCanChange } from "@/components/layout/session-provider";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { useT } from "@/lib/i18n/i18n-provider";
import { CreateVaultForm } from "./create-vault-form";

/** `/vaults/new`: the creation form, or, for a read-only role, why there is none. */
export function NewVaultView() {
  const t = useT();
  const canChange = useCanChange();
  return (
    <div className="grid min-w-0 gap-2 [&>*]:min-w-0">
      <Button asChild variant="ghost" size="sm" className="w-fit">
        <Link href="/vaults">
          <ArrowLeftIcon aria-hidden="true" />
          {t("vaultCreate.back")}
        </Link>
      </Button>
      <PageHeader title={t("vaultCreate.title")}>
        <Badge variant="outline">CBR</Badge>
      </PageHeader>
      {canChange ? (
        <CreateVaultForm />
      ) : (
        <Alert>
          <InfoIcon aria-hidden="true" />
          <AlertDescription>{t("vaultCreate.readOnly")}</AlertDescription>
        </Alert>
      )}
    </div>
  );
}

"use client";

import { AlertTriangleIcon } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useT } from "@/lib/i18n/i18n-provider";

/** A page of the shell failed to render: the shell stays, the page offers a retry. */
export default function ConsoleError({ reset }: { error: Error; reset: () => void }) {
  const t = useT();
  return (
    <div className="grid max-w-2xl gap-4">
      <Alert variant="destructive">
        <AlertTriangleIcon aria-hidden="true" />
        <AlertTitle>{t("page.errorTitle")}</AlertTitle>
        <AlertDescription>{t("page.errorBody")}</AlertDescription>
      </Alert>
      <div>
        <Button onClick={reset}>{t("common.retry")}</Button>
      </div>
    </div>
  );
}

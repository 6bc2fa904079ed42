"use client";

import { AlertTriangleIcon } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useT } from "@/lib/i18n/i18n-provider";

/** A page of the shell failed to render: the shell stays, the page offers a retry. */
export default function ConsoleError({ reset }: { error: Error; reset: () => void }) {
  const t = useT();
  const router = useRouter();
  const [retrying, startRetry] = useTransition();
  // reset() alone re-renders the client part only: a page that failed on the server must be
  // fetched again, so the retry refreshes the route in the same transition.
  const retry = () =>
    startRetry(() => {
      router.refresh();
      reset();
    });
  return (
    <div className="grid max-w-2xl gap-4">
      <Alert variant="destructive">
        <AlertTriangleIcon aria-hidden="true" />
        <AlertTitle>{t("page.errorTitle")}</AlertTitle>
        <AlertDescription>{t("page.errorBody")}</AlertDescription>
      </Alert>
      <div>
        <Button onClick={retry} disabled={retrying}>
          {t("common.retry")}
        </Button>
      </div>
    </div>
  );
}

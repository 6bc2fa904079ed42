"use client";

import { EyeIcon } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { useT } from "@/lib/i18n/i18n-provider";
import { useCanChange } from "./session-provider";

/** Says, where a change would be made, why it cannot be: nothing for users who may change. */
export function ReadOnlyNotice({ className }: { className?: string }) {
  const t = useT();
  if (useCanChange()) return null;
  return (
    <Alert variant="info" className={className} data-testid="read-only-notice">
      <EyeIcon aria-hidden="true" />
      <AlertTitle>{t("user.readOnly")}</AlertTitle>
      <AlertDescription>{t("user.readOnlyHint")}</AlertDescription>
    </Alert>
  );
}

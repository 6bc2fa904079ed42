"use client";

import { InfoIcon } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useT } from "@/lib/i18n/i18n-provider";
import type { DroppedParam } from "@/lib/schemas/backups";

/**
 * Says which values of the address were not applied and why (an unknown status, an end before
 * the start, a page size of a billion), instead of failing or sending the cloud what it refuses.
 */
export function DroppedNotice({
  dropped,
  onClean,
}: {
  dropped: DroppedParam[];
  /** Rewrites the address without them. */
  onClean: () => void;
}) {
  const t = useT();
  if (dropped.length === 0) return null;
  return (
    <Alert data-testid="dropped-notice">
      <InfoIcon aria-hidden="true" />
      <AlertTitle>{t("backups.dropped.title")}</AlertTitle>
      <AlertDescription>
        <ul className="list-disc pl-5">
          {dropped.map((d, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the same parameter may be dropped twice
            <li key={`${d.param}-${i}`}>
              {t(`backups.dropped.${d.reason}`, { param: d.param, value: d.value })}
            </li>
          ))}
        </ul>
        <Button variant="outline" size="sm" className="mt-2" onClick={onClean}>
          {t("backups.dropped.clean")}
        </Button>
      </AlertDescription>
    </Alert>
  );
}

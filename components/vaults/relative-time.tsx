"use client";

import { formatDateTime, formatRelativeTime } from "@/lib/i18n/format";
import { useLocale } from "@/lib/i18n/i18n-provider";

/** "12 min ago", with the absolute time and its zone on hover and focus. */
export function RelativeTime({ value }: { value: string | undefined }) {
  const locale = useLocale();
  if (!value) return <span className="text-muted-foreground">—</span>;
  const absolute = formatDateTime(locale, value);
  return (
    <time dateTime={value} title={absolute} className="whitespace-nowrap">
      {formatRelativeTime(locale, value)}
    </time>
  );
}

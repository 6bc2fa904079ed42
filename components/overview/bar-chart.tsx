"use client";

import { formatDateTime } from "@/lib/i18n/format";
import { useLocale, useT } from "@/lib/i18n/i18n-provider";

type Day = { day: string; available: number; error: number; other: number };

/**
 * Backups per day by result, stacked: succeeded (green), failed (red), other (grey). Each bar has
 * its numbers in a title and in the table that screen readers get instead of the picture.
 */
export function BarChart({ days }: { days: Day[] }) {
  const t = useT();
  const locale = useLocale();
  const max = Math.max(1, ...days.map((d) => d.available + d.error + d.other));
  const label = (day: string) =>
    formatDateTime(locale, `${day}T00:00:00Z`, { month: "short", day: "numeric" }, "UTC");
  return (
    <figure>
      <div className="flex h-24 items-end gap-1" aria-hidden="true">
        {days.map((d) => {
          const total = d.available + d.error + d.other;
          const title = `${label(d.day)}: ${t("overview.chartDay", { ok: d.available, failed: d.error, other: d.other })}`;
          return (
            <div key={d.day} className="flex h-full flex-1 flex-col justify-end" title={title}>
              <div
                className="flex flex-col-reverse overflow-hidden rounded-sm"
                style={{ height: `${(total / max) * 100}%` }}
              >
                <div className="bg-success" style={{ flexGrow: d.available }} />
                <div className="bg-destructive" style={{ flexGrow: d.error }} />
                <div className="bg-muted-foreground/40" style={{ flexGrow: d.other }} />
              </div>
            </div>
          );
        })}
      </div>
      <div className="mt-1 flex gap-1 text-[10px] text-muted-foreground" aria-hidden="true">
        {days.map((d, i) => (
          <span key={d.day} className="flex-1 whitespace-nowrap text-center">
            {(days.length - 1 - i) % 3 === 0 ? label(d.day) : ""}
          </span>
        ))}
      </div>
      <figcaption className="mt-1 flex gap-4 text-muted-foreground text-xs">
        <span className="inline-flex items-center gap-1">
          <span className="size-2 rounded-sm bg-success" aria-hidden="true" />
          {t("overview.chartOk")}
        </span>
        <span className="inline-flex items-center gap-1">
          <span className="size-2 rounded-sm bg-destructive" aria-hidden="true" />
          {t("overview.chartFailed")}
        </span>
        <span className="inline-flex items-center gap-1">
          <span className="size-2 rounded-sm bg-muted-foreground/40" aria-hidden="true" />
          {t("overview.chartOther")}
        </span>
      </figcaption>
      {/* The wrapper clips: a table box ignores height and overflow, so sr-only on it would not. */}
      <div className="sr-only">
        <table>
          <caption>{t("overview.daily", { days: days.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("overview.chartDate")}</th>
              <th scope="col">{t("overview.chartOk")}</th>
              <th scope="col">{t("overview.chartFailed")}</th>
              <th scope="col">{t("overview.chartOther")}</th>
            </tr>
          </thead>
          <tbody>
            {days.map((d) => (
              <tr key={d.day}>
                <th scope="row">{label(d.day)}</th>
                <td>{d.available}</td>
                <td>{d.error}</td>
                <td>{d.other}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

import { formatNumber } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";

/** A size given in MB, with the unit a person would use (MB below 1 GB, then GB, then TB). */
export function formatMegabytes(locale: Locale, mb: number | undefined): string {
  if (mb === undefined || !Number.isFinite(mb)) return "—";
  const n = (value: number, digits: number) =>
    formatNumber(locale, value, { maximumFractionDigits: digits });
  if (mb < 1024) return `${n(mb, 0)} MB`;
  if (mb < 1024 * 1024) return `${n(mb / 1024, 1)} GB`;
  return `${n(mb / 1024 / 1024, 2)} TB`;
}

export function formatGigabytes(locale: Locale, gb: number | undefined): string {
  if (gb === undefined || !Number.isFinite(gb)) return "—";
  return formatMegabytes(locale, gb * 1024);
}

/** A short id for dense tables: the first block of a UUID is enough to tell rows apart. */
export function shortId(id: string): string {
  return id.length > 13 ? `${id.slice(0, 8)}…` : id;
}

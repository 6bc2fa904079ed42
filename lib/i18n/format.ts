import { type Locale, localeTags } from "./locales";

// Dates, times and numbers in the locale's own forms. Times always carry their zone where they
// stand alone, because an ops room and the cloud's UTC rarely agree.

// Building an Intl formatter costs far more than using one, and a page formats hundreds of values
// while it renders: each formatter is built once per locale and options, then kept.
const formatters = new Map<
  string,
  Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat
>();

function cached<F extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>(
  key: string,
  build: () => F,
): F {
  let formatter = formatters.get(key) as F | undefined;
  if (!formatter) {
    formatter = build();
    formatters.set(key, formatter);
  }
  return formatter;
}

export function formatNumber(locale: Locale, value: number, options?: Intl.NumberFormatOptions) {
  return cached(
    `n|${locale}|${options ? JSON.stringify(options) : ""}`,
    () => new Intl.NumberFormat(localeTags[locale], options),
  ).format(value);
}

/** A date and time that stands alone: with its zone, since the reader's and the cloud's may differ. */
const standaloneDateTime: Intl.DateTimeFormatOptions = {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZoneName: "short",
};

export function formatDateTime(
  locale: Locale,
  value: Date | string,
  options: Intl.DateTimeFormatOptions = standaloneDateTime,
  timeZone?: string,
) {
  const date = typeof value === "string" ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return "";
  // The zone is part of the key: without one the formatter uses the zone of the moment it was built,
  // and a process keeps one zone.
  return cached(
    `d|${locale}|${timeZone ?? ""}|${JSON.stringify(options)}`,
    () =>
      new Intl.DateTimeFormat(localeTags[locale], {
        ...options,
        ...(timeZone ? { timeZone } : {}),
      }),
  ).format(date);
}

/** "12 min ago" / "12 分钟前": picks the largest unit that keeps the number at least 1. */
export function formatRelativeTime(locale: Locale, value: Date | string, now: Date = new Date()) {
  const date = typeof value === "string" ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return "";
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ["year", 31_536_000],
    ["month", 2_592_000],
    ["day", 86_400],
    ["hour", 3_600],
    ["minute", 60],
  ];
  const rtf = cached(
    `r|${locale}`,
    () => new Intl.RelativeTimeFormat(localeTags[locale], { numeric: "auto", style: "short" }),
  );
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return rtf.format(Math.trunc(seconds / size), unit);
  }
  return rtf.format(seconds, "second");
}

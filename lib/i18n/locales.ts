/** The console's languages: English and Simplified Chinese. */
export const locales = ["en", "zh"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "en";

/** The cookie that remembers the language chosen in the header (read by the server on every page). */
export const LOCALE_COOKIE = "locale";
const ONE_YEAR_S = 60 * 60 * 24 * 365;

/** BCP 47 tags: `<html lang>` and Intl. en-GB gives day-first dates and a 24-hour clock, as ops rooms read them. */
export const localeTags: Record<Locale, string> = { en: "en-GB", zh: "zh-CN" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/** The remembered choice wins; otherwise the browser's first language we speak; otherwise English. */
export function negotiateLocale(
  cookieValue: string | undefined,
  acceptLanguage: string | null | undefined,
): Locale {
  if (isLocale(cookieValue)) return cookieValue;
  for (const part of (acceptLanguage ?? "").split(",")) {
    const tag = part.split(";")[0]?.trim().toLowerCase() ?? "";
    if (tag === "*" || tag === "") continue;
    const primary = tag.split("-")[0];
    if (isLocale(primary)) return primary;
  }
  return defaultLocale;
}

/** The `Set-Cookie`-style string the client writes when the user picks a language. */
export function localeCookie(locale: Locale, basePath = ""): string {
  return `${LOCALE_COOKIE}=${locale}; Path=${basePath || "/"}; Max-Age=${ONE_YEAR_S}; SameSite=Lax`;
}

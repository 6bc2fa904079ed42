import "server-only";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { LOCALE_COOKIE, type Locale, negotiateLocale } from "./locales";
import { catalogs, type Messages } from "./messages";
import { createTranslator, type Translate } from "./translate";

/** The request's language: the `locale` cookie, else Accept-Language, else English. */
export const getLocale = cache(async (): Promise<Locale> => {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  return negotiateLocale(cookieStore.get(LOCALE_COOKIE)?.value, headerList.get("accept-language"));
});

/** The translator for server components. */
export async function getT(): Promise<Translate> {
  return createTranslator(await getLocale());
}

/** The request's catalog, the one language the root layout hands to the client's provider. */
export async function getMessages(): Promise<Messages> {
  return catalogs[await getLocale()];
}

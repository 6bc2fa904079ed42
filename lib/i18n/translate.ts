import type { Locale } from "./locales";
import { catalogs } from "./messages";
import { type Translate, translatorFor } from "./translator";

export { interpolate, type MessageParams, type Translate, translatorFor } from "./translator";

/**
 * The translator for a language, with both catalogs at hand: for the server (pages, routes) and
 * tests. Client code gets its translator from `useT()`, whose catalog the root layout passed down.
 */
export function createTranslator(locale: Locale): Translate {
  return translatorFor(catalogs[locale]);
}

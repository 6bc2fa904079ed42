import "server-only";
import type { Locale } from "@/lib/i18n/locales";
import { en, type MessageKey } from "@/lib/i18n/messages";
import { createTranslator, type MessageParams } from "@/lib/i18n/translate";

const isKey = (key: string): key is MessageKey => Object.hasOwn(en, key);

/** The wizard's own words for a rule or refusal code, in the request's language. */
export function restoreWords(
  locale: Locale,
  code: string,
  params: MessageParams = {},
): string | undefined {
  const t = createTranslator(locale);
  for (const key of [`restore.rule.${code}`, `restore.refusal.${code}`, code]) {
    if (isKey(key)) return t(key, params);
  }
  return undefined;
}

"use client";

import { createContext, type ReactNode, useContext, useMemo } from "react";
import type { Locale } from "./locales";
import type { MessageKey, Messages } from "./messages";
import { type Translate, translatorFor } from "./translator";

type I18n = { locale: Locale; t: Translate; has: (key: string) => key is MessageKey };

const I18nContext = createContext<I18n | null>(null);

type I18nProviderProps = {
  locale: Locale;
  /** The active language's catalog only: the root layout picks it, so the other never ships. */
  messages: Messages;
  children: ReactNode;
};

/** The root layout passes the locale it read from the request, so server and client agree. */
export function I18nProvider({ locale, messages, children }: I18nProviderProps) {
  const value = useMemo(
    () => ({
      locale,
      t: translatorFor(messages),
      has: (key: string): key is MessageKey => Object.hasOwn(messages, key),
    }),
    [locale, messages],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useT/useLocale used outside <I18nProvider>");
  return value;
}

export function useT(): Translate {
  return useI18n().t;
}

export function useLocale(): Locale {
  return useI18n().locale;
}

/**
 * Whether the catalog has a key built at run time ("restore.rule." + a cloud's code), without
 * importing the catalogs (which would ship both languages to the browser).
 */
export function useHasMessage(): (key: string) => key is MessageKey {
  return useI18n().has;
}

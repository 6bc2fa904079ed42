import type { Locale } from "./locales";
import { catalogs, type MessageKey } from "./messages";

export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** A placeholder without a value stays visible as {name}, so a forgotten parameter shows in review. */
export function interpolate(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

export function createTranslator(locale: Locale): Translate {
  const catalog = catalogs[locale];
  return (key, params) => interpolate(catalog[key], params);
}

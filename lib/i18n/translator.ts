import type { MessageKey, Messages } from "./messages";

export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** A placeholder without a value stays visible as {name}, so a forgotten parameter shows in review. */
export function interpolate(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/**
 * The translator over one language's catalog. It imports no catalog itself (only types), so the
 * browser gets the one language the server passed down, not both.
 */
export function translatorFor(messages: Messages): Translate {
  return (key, params) => interpolate(messages[key], params);
}

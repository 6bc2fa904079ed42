import { en, type MessageKey } from "@/lib/i18n/messages";
import type { MessageParams, Translate } from "@/lib/i18n/translate";

const isKey = (key: string): key is MessageKey => Object.hasOwn(en, key);

/**
 * The wizard's words for a rule or refusal code ("restore.rule.CSBS.6024"), else the server's
 * message: codes the catalog does not know still say something.
 */
export function codeText(
  t: Translate,
  prefix: "restore.rule" | "restore.refusal",
  code: string,
  params: MessageParams,
  fallback: string,
): string {
  const key = `${prefix}.${code}`;
  return isKey(key) ? t(key, params) : fallback;
}

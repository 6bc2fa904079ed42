import { useHasMessage, useT } from "@/lib/i18n/i18n-provider";
import type { MessageParams } from "@/lib/i18n/translate";

type CodePrefix = "restore.rule" | "restore.refusal";

/**
 * The wizard's words for a rule or refusal code ("restore.rule.CSBS.6024"), else the server's
 * message: codes the catalog does not know still say something. Asks the provider whether the key
 * exists rather than importing a catalog, which would ship both languages to the browser.
 */
export function useCodeText(): (
  prefix: CodePrefix,
  code: string,
  params: MessageParams,
  fallback: string,
) => string {
  const t = useT();
  const has = useHasMessage();
  return (prefix, code, params, fallback) => {
    const key = `${prefix}.${code}`;
    return has(key) ? t(key, params) : fallback;
  };
}

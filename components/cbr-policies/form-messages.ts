import type { ResolverResult } from "react-hook-form";
import type { Translate } from "@/lib/i18n/translate";
import { CBR_POLICY_LIMITS } from "@/lib/schemas/cbr-policy";
import type { CbrPolicyFormValues } from "@/lib/schemas/cbr-policy-form";

/**
 * The CBR rules (lib/schemas/cbr-policy) say what is wrong in the cloud's terms and in English, for
 * the simulator and the route handlers. The editor shows, at the same field, what to do, in the
 * user's language. The pattern keeps its own words: the builder shows the engine's reason where
 * the problem is, and the field only says the schedule needs fixing.
 */
function messageAt(path: string, t: Translate): string | undefined {
  const longTerm = { min: 0, max: CBR_POLICY_LIMITS.longTermMax };
  const retention = { min: 1, max: CBR_POLICY_LIMITS.retentionMax };
  if (path === "name") return t("cbrPolicy.error.name", { max: CBR_POLICY_LIMITS.name });
  if (path === "pattern") return t("policyForm.error.patternInvalid");
  if (path === "retention.count") return t("policyForm.error.retentionCount", retention);
  if (path === "retention.days") return t("policyForm.error.retentionDays", retention);
  if (path.startsWith("longTerm.")) return t("cbrPolicy.error.longTerm", longTerm);
  if (path === "timezone") return t("cbrPolicy.error.timezone");
  if (path === "fullBackupInterval") {
    return t("cbrPolicy.error.fullInterval", { max: CBR_POLICY_LIMITS.fullBackupIntervalMax });
  }
  return undefined;
}

function walk(errors: Record<string, unknown>, prefix: string, t: Translate): void {
  for (const [key, value] of Object.entries(errors)) {
    if (key === "ref" || !value || typeof value !== "object") continue;
    const path = prefix ? `${prefix}.${key}` : key;
    const node = value as { message?: unknown; type?: unknown };
    if (typeof node.message === "string" && typeof node.type === "string") {
      node.message = messageAt(path, t) ?? node.message;
    } else {
      walk(node as Record<string, unknown>, path, t);
    }
  }
}

/** The resolver's answer with every message in the user's words (each answer is a new object). */
export function localizeErrors(
  result: ResolverResult<CbrPolicyFormValues>,
  t: Translate,
): ResolverResult<CbrPolicyFormValues> {
  if (result.errors) walk(result.errors as Record<string, unknown>, "", t);
  return result;
}

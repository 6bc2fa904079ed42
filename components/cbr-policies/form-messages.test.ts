import { zodResolver } from "@hookform/resolvers/zod";
import { describe, expect, it } from "vitest";
import { createTranslator } from "@/lib/i18n/translate";
import { type CbrPolicyFormValues, makeCbrPolicyFormSchema } from "@/lib/schemas/cbr-policy-form";
import { localizeErrors } from "./form-messages";

const good: CbrPolicyFormValues = {
  name: "daily",
  enabled: true,
  pattern: ["FREQ=DAILY;INTERVAL=1;BYHOUR=1;BYMINUTE=00"],
  retention: { kind: "count", count: 7 },
  longTerm: { day: 0, week: 0, month: 0, year: 0 },
  timezone: "UTC+08:00",
};

async function errorsOf(values: CbrPolicyFormValues, locale: "en" | "zh") {
  const resolve = zodResolver(makeCbrPolicyFormSchema("create"));
  const result = await resolve(values, undefined, { fields: {}, shouldUseNativeValidation: false });
  return localizeErrors(result, createTranslator(locale)).errors;
}

describe("the CBR editor's messages", () => {
  it("passes a valid form through untouched", async () => {
    expect(await errorsOf(good, "en")).toEqual({});
  });

  it("says at each field what to do, in the reader's language, where the rule said it in English", async () => {
    const name = await errorsOf({ ...good, name: "no spaces allowed" }, "en");
    expect(name.name?.message).toBe("Enter 1 to 64 letters, digits, _, - or Chinese characters.");
    const zhName = await errorsOf({ ...good, name: "" }, "zh");
    expect(zhName.name?.message).toBe("请输入 1 到 64 个字母、数字、_、- 或中文字符。");

    const longTerm = await errorsOf({ ...good, longTerm: { ...good.longTerm, week: 101 } }, "en");
    expect(longTerm.longTerm?.week?.message).toBe("Enter a whole number from 0 to 100.");

    const timezone = await errorsOf({ ...good, timezone: "Europe/Berlin" }, "en");
    expect(timezone.timezone?.message).toBe("Choose an offset such as UTC+08:00.");

    const count = await errorsOf({ ...good, retention: { kind: "count", count: 0 } }, "en");
    expect(count.retention?.count?.message).toMatch(/Keep between 1 and 99999 backups/);

    const pattern = await errorsOf({ ...good, pattern: ["0 2 * * *"] }, "en");
    expect(pattern.pattern?.message).toBe(
      "Fix the schedule first (see the messages in the builder).",
    );
  });
});

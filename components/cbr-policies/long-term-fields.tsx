"use client";

import { InfoIcon } from "lucide-react";
import type { UseFormReturn } from "react-hook-form";
import { Field, numberOrUndefined } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useT } from "@/lib/i18n/i18n-provider";
import type { MessageKey } from "@/lib/i18n/messages";
import { offsetMinutesAt } from "@/lib/schedule";
import { CBR_POLICY_LIMITS, formatUtcOffset, parseUtcOffset } from "@/lib/schemas/cbr-policy";
import type { CbrPolicyFormValues } from "@/lib/schemas/cbr-policy-form";

const PERIODS = ["day", "week", "month", "year"] as const;
const PERIOD_LABELS: Record<(typeof PERIODS)[number], MessageKey> = {
  day: "cbrPolicy.longTerm.day",
  week: "cbrPolicy.longTerm.week",
  month: "cbrPolicy.longTerm.month",
  year: "cbrPolicy.longTerm.year",
};

/** Whole and half-hour offsets the world uses, UTC−12:00 to UTC+14:00 (and +05:45, +08:45, +12:45). */
const OFFSETS: number[] = (() => {
  const list = new Set<number>();
  for (let h = -12; h <= 14; h += 1) list.add(h * 60);
  for (const m of [-570, -210, 210, 270, 330, 345, 390, 525, 570, 630, 765]) list.add(m);
  return [...list].sort((a, b) => a - b);
})();

/** The fixed "UTC+01:00" offset a zone has at `at` (long-term periods do not follow DST). */
export function offsetOfZone(zone: string, at: Date): string {
  return formatUtcOffset(offsetMinutesAt(zone, at));
}

type LongTermFieldsProps = {
  form: UseFormReturn<CbrPolicyFormValues>;
  /** Retention by days: the cloud takes no long-term counts with it. */
  disabled: boolean;
};

/**
 * Long-term retention: besides the rule on the left, the newest backup of each of the last N days,
 * weeks, months and years is kept, those periods read in one fixed UTC offset.
 */
export function LongTermFields({ form, disabled }: LongTermFieldsProps) {
  const t = useT();
  const { errors } = form.formState;
  const current = form.watch("timezone");
  const offsets =
    parseUtcOffset(current) !== null && !OFFSETS.includes(parseUtcOffset(current) as number)
      ? [...OFFSETS, parseUtcOffset(current) as number].sort((a, b) => a - b)
      : OFFSETS;
  return (
    <fieldset
      className="grid content-start gap-4 rounded-md border bg-muted/30 p-4"
      disabled={disabled}
    >
      <legend className="px-1 font-medium text-sm">{t("cbrPolicy.longTerm.title")}</legend>
      <p className="text-muted-foreground text-sm">{t("cbrPolicy.longTerm.hint")}</p>
      {disabled ? (
        <p className="flex gap-2 text-sm" data-testid="long-term-off">
          <InfoIcon className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
          {t("cbrPolicy.longTerm.notWithDays")}
        </p>
      ) : null}
      <div className="grid grid-cols-2 gap-4">
        {PERIODS.map((period) => (
          <Field
            key={period}
            label={t(PERIOD_LABELS[period])}
            error={errors.longTerm?.[period]?.message}
          >
            {(control) => (
              <Input
                {...control}
                type="number"
                inputMode="numeric"
                min={0}
                max={CBR_POLICY_LIMITS.longTermMax}
                className="w-28"
                {...form.register(`longTerm.${period}`, { setValueAs: numberOrUndefined })}
              />
            )}
          </Field>
        ))}
      </div>
      <Field
        label={t("cbrPolicy.longTerm.timezone")}
        description={t("cbrPolicy.longTerm.timezoneHint")}
        error={errors.timezone?.message}
      >
        {(control) => (
          <select
            {...control}
            className="h-11 w-48 rounded-md border border-input bg-background px-3 text-sm shadow-xs dark:bg-input/20"
            {...form.register("timezone")}
          >
            {offsets.map((minutes) => {
              const text = formatUtcOffset(minutes);
              return (
                <option key={minutes} value={text}>
                  {text}
                </option>
              );
            })}
          </select>
        )}
      </Field>
    </fieldset>
  );
}

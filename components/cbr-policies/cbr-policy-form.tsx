"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { AlertCircleIcon, Loader2Icon } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import { Controller, type Resolver, useForm } from "react-hook-form";
import { toast } from "sonner";
import { ReadOnlyNotice } from "@/components/layout/read-only-notice";
import { useCanChange } from "@/components/layout/session-provider";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field, numberOrUndefined } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useCreateCbrPolicy, useUpdateCbrPolicy } from "@/lib/api/cbr-policies";
import { errorMessage, showFieldError } from "@/lib/api/errors";
import { useT } from "@/lib/i18n/i18n-provider";
import { CBR_POLICY_LIMITS } from "@/lib/schemas/cbr-policy";
import {
  CBR_RETENTION_KINDS,
  type CbrPolicyFormValues,
  type CbrPolicyView,
  formRetentionOf,
  makeCbrPolicyFormSchema,
} from "@/lib/schemas/cbr-policy-form";
import { cbrLinesOf } from "../schedule/builder-model";
import { ScheduleBuilder } from "../schedule/schedule-builder";
import { browserZone } from "../schedule/zone-select";
import { CbrRetentionProjection } from "./cbr-retention-projection";
import { localizeErrors } from "./form-messages";
import { LongTermFields, offsetOfZone } from "./long-term-fields";

const RETENTION_LABELS = {
  count: "policyForm.retention.count",
  days: "policyForm.retention.days",
  permanent: "policyForm.retention.permanent",
} as const;

type FieldName =
  | "name"
  | "pattern"
  | "retention.count"
  | "retention.days"
  | "timezone"
  | "fullBackupInterval"
  | "longTerm.day"
  | "longTerm.week"
  | "longTerm.month"
  | "longTerm.year";
const FIELDS: readonly FieldName[] = [
  "name",
  "pattern",
  "retention.count",
  "retention.days",
  "timezone",
  "fullBackupInterval",
  "longTerm.day",
  "longTerm.week",
  "longTerm.month",
  "longTerm.year",
];

function defaultsOf(policy: CbrPolicyView | undefined, now: Date): CbrPolicyFormValues {
  if (!policy) {
    return {
      name: "",
      enabled: true,
      pattern: [],
      retention: { kind: "count", count: 7, days: 30 },
      longTerm: { day: 0, week: 0, month: 0, year: 0 },
      timezone: offsetOfZone(browserZone(), now),
    };
  }
  const stored = formRetentionOf(policy.definition);
  return {
    name: policy.name,
    enabled: policy.enabled,
    pattern: policy.pattern,
    ...stored,
    retention: {
      kind: stored.retention.kind,
      count: stored.retention.count ?? 7,
      days: stored.retention.days ?? 30,
    },
  };
}

/**
 * The CBR backup policy editor (new and edit). The schedule is the builder's, written as CBR's list
 * of UTC rules; retention by count, by days or permanent, with long-term counts read in a fixed
 * UTC offset. A failed save keeps everything typed.
 */
export function CbrPolicyForm({ policy }: { policy?: CbrPolicyView }) {
  const t = useT();
  const router = useRouter();
  const [now] = useState(() => new Date());
  const [zone, setZone] = useState(() => browserZone());
  const defaults = useMemo(() => defaultsOf(policy, now), [policy, now]);
  // The pattern text as typed (one rule per line); the form holds its list of rules.
  const [patternText, setPatternText] = useState(() => defaults.pattern.join("\n"));
  const resolver = useMemo<Resolver<CbrPolicyFormValues>>(() => {
    const base = zodResolver(makeCbrPolicyFormSchema(policy ? "update" : "create"));
    return async (values, context, options) =>
      localizeErrors(await base(values, context, options), t);
  }, [policy, t]);
  const form = useForm<CbrPolicyFormValues>({
    resolver,
    defaultValues: defaults,
    mode: "onTouched",
  });
  const { errors } = form.formState;
  const create = useCreateCbrPolicy();
  const update = useUpdateCbrPolicy(policy?.id ?? "");
  const [formError, setFormError] = useState<string | null>(null);
  const inFlight = useRef(false);
  const patternRef = useRef<HTMLTextAreaElement | null>(null);
  const canChange = useCanChange();

  // The header's enable/disable changes the policy; follow it unless the user changed the box.
  useEffect(() => {
    if (policy && !form.formState.dirtyFields.enabled) form.setValue("enabled", policy.enabled);
  }, [policy, form]);

  const onSubmit = form.handleSubmit(
    async (values) => {
      if (inFlight.current) return;
      inFlight.current = true;
      setFormError(null);
      try {
        const saved = policy ? await update.mutateAsync(values) : await create.mutateAsync(values);
        if (policy) {
          toast.success(t("policyForm.toast.saved", { name: saved.name }));
          router.push("/policies");
        } else {
          // A new policy runs only once it is bound to a vault: its page offers that next.
          toast.success(t("cbrPolicy.toast.created", { name: saved.name }));
          router.push(`/policies/cbr/${encodeURIComponent(saved.id)}`);
        }
      } catch (error) {
        const field = showFieldError(form, error, FIELDS, { focus: (f) => f !== "pattern" });
        if (field) {
          if (field === "pattern") patternRef.current?.focus();
          setFormError(t("policyForm.error.fix"));
        } else {
          setFormError(
            t("policyForm.error.form", {
              message: errorMessage(error, t("backups.error.unknown")),
            }),
          );
        }
        inFlight.current = false;
      }
    },
    () => setFormError(t("policyForm.error.fix")),
  );

  const busy = form.formState.isSubmitting || create.isPending || update.isPending;
  const retentionKind = form.watch("retention.kind");

  return (
    <form
      onSubmit={(event) => {
        if (canChange) void onSubmit(event);
        else event.preventDefault();
      }}
      noValidate
      className="grid min-w-0 max-w-6xl gap-6 [&>*]:min-w-0"
      aria-busy={busy || undefined}
      data-testid="cbr-policy-form"
    >
      <ReadOnlyNotice />
      {formError ? (
        <Alert variant="destructive" role="alert">
          <AlertCircleIcon aria-hidden="true" />
          <AlertDescription>{formError}</AlertDescription>
        </Alert>
      ) : null}

      <Card>
        <CardHeader>
          <CardTitle>
            <h2 className="text-lg">{t("policyForm.section.general")}</h2>
          </CardTitle>
          <CardDescription>{t("cbrPolicy.form.generalHint")}</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-5 md:grid-cols-2">
          <Field
            label={t("policyForm.name")}
            description={t("cbrPolicy.form.nameHint", { max: CBR_POLICY_LIMITS.name })}
            error={errors.name?.message}
          >
            {(control) => <Input {...control} autoComplete="off" {...form.register("name")} />}
          </Field>
          <Controller
            control={form.control}
            name="enabled"
            render={({ field }) => (
              <label className="flex min-h-11 items-center gap-3 self-end text-sm">
                <input
                  type="checkbox"
                  className="size-5"
                  checked={field.value}
                  onChange={(event) => field.onChange(event.target.checked)}
                  onBlur={field.onBlur}
                  name={field.name}
                  ref={field.ref}
                />
                <span>
                  <span className="font-medium">{t("policyForm.enabled")}</span>
                  <span className="block text-muted-foreground">
                    {t("cbrPolicy.form.enabledHint")}
                  </span>
                </span>
              </label>
            )}
          />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>
            <h2 className="text-lg">{t("policyForm.section.schedule")}</h2>
          </CardTitle>
          <CardDescription>{t("cbrPolicy.form.scheduleHint")}</CardDescription>
        </CardHeader>
        <CardContent>
          <Controller
            control={form.control}
            name="pattern"
            render={({ field, fieldState }) => (
              <ScheduleBuilder
                dialect="cbr"
                pattern={patternText}
                onPatternChange={(next) => {
                  setPatternText(next);
                  field.onChange(cbrLinesOf(next));
                  // Checked as the user edits, not only on submit.
                  void form.trigger("pattern");
                }}
                zone={zone}
                onZoneChange={setZone}
                now={now}
                error={fieldState.error?.message}
                patternRef={(el) => {
                  patternRef.current = el;
                  field.ref(el);
                }}
              />
            )}
          />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>
            <h2 className="text-lg">{t("policyForm.section.retention")}</h2>
          </CardTitle>
          <CardDescription>{t("cbrPolicy.form.retentionHint")}</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-6 md:grid-cols-2">
          <div className="grid content-start gap-3">
            <Controller
              control={form.control}
              name="retention.kind"
              render={({ field }) => (
                <fieldset className="grid gap-1">
                  <legend className="mb-1 font-medium text-sm">
                    {t("policyForm.retention.kind")}
                  </legend>
                  {CBR_RETENTION_KINDS.map((kind) => (
                    <label key={kind} className="flex min-h-11 items-center gap-2 text-sm">
                      <input
                        type="radio"
                        className="size-4"
                        name={field.name}
                        value={kind}
                        checked={field.value === kind}
                        onChange={() => field.onChange(kind)}
                      />
                      {t(RETENTION_LABELS[kind])}
                    </label>
                  ))}
                </fieldset>
              )}
            />
            {retentionKind === "count" ? (
              <Field
                label={t("cbrPolicy.form.countLabel")}
                error={errors.retention?.count?.message}
              >
                {(control) => (
                  <Input
                    {...control}
                    type="number"
                    inputMode="numeric"
                    min={1}
                    max={CBR_POLICY_LIMITS.retentionMax}
                    className="w-40"
                    {...form.register("retention.count", { setValueAs: numberOrUndefined })}
                  />
                )}
              </Field>
            ) : null}
            {retentionKind === "days" ? (
              <Field
                label={t("policyForm.retention.daysLabel")}
                error={errors.retention?.days?.message}
              >
                {(control) => (
                  <Input
                    {...control}
                    type="number"
                    inputMode="numeric"
                    min={1}
                    max={CBR_POLICY_LIMITS.retentionMax}
                    className="w-40"
                    {...form.register("retention.days", { setValueAs: numberOrUndefined })}
                  />
                )}
              </Field>
            ) : null}
            <Field
              label={t("cbrPolicy.form.fullInterval")}
              description={t("cbrPolicy.form.fullIntervalHint", {
                max: CBR_POLICY_LIMITS.fullBackupIntervalMax,
              })}
              error={errors.fullBackupInterval?.message}
            >
              {(control) => (
                <Input
                  {...control}
                  type="number"
                  inputMode="numeric"
                  min={-1}
                  max={CBR_POLICY_LIMITS.fullBackupIntervalMax}
                  className="w-40"
                  {...form.register("fullBackupInterval", { setValueAs: numberOrUndefined })}
                />
              )}
            </Field>
          </div>
          <LongTermFields form={form} disabled={retentionKind === "days"} />
          <CbrRetentionProjection
            values={form.watch()}
            resources={
              policy && policy.vaults.length > 0
                ? policy.vaults.reduce((sum, v) => sum + (v.resources ?? 0), 0)
                : undefined
            }
            now={now}
          />
        </CardContent>
      </Card>

      <div className="sticky bottom-0 z-10 -mx-4 flex flex-wrap items-center gap-3 border-t bg-background/95 px-4 py-3 backdrop-blur sm:-mx-6 sm:px-6">
        {canChange ? (
          <Button type="submit" disabled={busy}>
            {busy ? <Loader2Icon className="animate-spin" aria-hidden="true" /> : null}
            {busy
              ? t("policyForm.saving")
              : policy
                ? t("policyForm.saveChanges")
                : t("policyForm.create")}
          </Button>
        ) : null}
        <Button asChild variant="outline">
          <Link href="/policies">{t(canChange ? "policyForm.cancel" : "policyForm.back")}</Link>
        </Button>
      </div>
    </form>
  );
}

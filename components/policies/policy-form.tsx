"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useQuery } from "@tanstack/react-query";
import { AlertCircleIcon, Loader2Icon, PlusIcon, XIcon } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import { Controller, useFieldArray, useForm } from "react-hook-form";
import { toast } from "sonner";
import { ReadOnlyNotice } from "@/components/layout/read-only-notice";
import { useCanChange } from "@/components/layout/session-provider";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field, numberOrUndefined } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { errorMessage, showFieldError } from "@/lib/api/errors";
import { candidateServersQuery, useCreatePolicy, useUpdatePolicy } from "@/lib/api/policies";
import { useT } from "@/lib/i18n/i18n-provider";
import type { Translate } from "@/lib/i18n/translate";
import {
  makePolicyFormSchema,
  POLICY_LIMITS,
  type PolicyFormValues,
  type PolicyMessages,
  type PolicyView,
  RETENTION_KINDS,
} from "@/lib/schemas/policy";
import { ScheduleBuilder } from "../schedule/schedule-builder";
import { browserZone } from "../schedule/zone-select";
import { RetentionProjection } from "./retention-projection";
import { ServerPicker } from "./server-picker";

function messagesFor(t: Translate): PolicyMessages {
  const range = { min: POLICY_LIMITS.retentionMin, max: POLICY_LIMITS.retentionMax };
  return {
    nameRequired: t("policyForm.error.nameRequired"),
    nameTooLong: t("policyForm.error.nameTooLong", { max: POLICY_LIMITS.name }),
    nameChars: t("policyForm.error.nameChars"),
    descriptionTooLong: t("policyForm.error.descriptionTooLong", {
      max: POLICY_LIMITS.description,
    }),
    descriptionChars: t("policyForm.error.descriptionChars"),
    patternRequired: t("policyForm.error.patternRequired"),
    // The builder shows the engine's reason where it is; the form only needs to block the save.
    patternInvalid: t("policyForm.error.patternInvalid"),
    retentionCount: t("policyForm.error.retentionCount", range),
    retentionDays: t("policyForm.error.retentionDays", range),
    tagsTooMany: t("policyForm.error.tagsTooMany", { max: POLICY_LIMITS.tags }),
    tagKey: t("policyForm.error.tagKey", { max: POLICY_LIMITS.tagKey }),
    tagValue: t("policyForm.error.tagValue", { max: POLICY_LIMITS.tagValue }),
    tagChars: t("policyForm.error.tagChars"),
    tagDuplicate: t("policyForm.error.tagDuplicate"),
  };
}

const RETENTION_LABELS = {
  count: "policyForm.retention.count",
  days: "policyForm.retention.days",
  permanent: "policyForm.retention.permanent",
} as const;

type FieldName =
  | "name"
  | "description"
  | "pattern"
  | "servers"
  | "tags"
  | "retention.count"
  | "retention.days";

const FIELDS: readonly FieldName[] = [
  "name",
  "description",
  "pattern",
  "servers",
  "tags",
  "retention.count",
  "retention.days",
];
/** The API names the policy's body fields (`resources.0.id`); the form calls them servers. */
const FIELD_ALIASES = { resources: "servers", moveServers: "servers" } as const;

function defaultsOf(policy: PolicyView | undefined): PolicyFormValues {
  if (!policy) {
    return {
      name: "",
      description: "",
      enabled: true,
      pattern: "",
      retention: { kind: "count", count: 7, days: 30 },
      tags: [],
      servers: [],
    };
  }
  return {
    name: policy.name,
    description: policy.description,
    enabled: policy.enabled,
    pattern: policy.pattern,
    retention: {
      kind: policy.retention.kind,
      count: policy.retention.count ?? 7,
      days: policy.retention.days ?? 30,
    },
    tags: policy.tags,
    servers: policy.resources.map((r) => r.id),
  };
}

/** The policy editor (new and edit): one page, deep-linkable; a failed save keeps everything typed. */
export function PolicyForm({ policy }: { policy?: PolicyView }) {
  const t = useT();
  const router = useRouter();
  const schema = useMemo(() => makePolicyFormSchema(messagesFor(t)), [t]);
  const form = useForm({
    resolver: zodResolver(schema),
    defaultValues: defaultsOf(policy),
    mode: "onTouched",
  });
  const { errors } = form.formState;
  const tags = useFieldArray({ control: form.control, name: "tags" });
  const candidates = useQuery(candidateServersQuery());
  const create = useCreatePolicy();
  const update = useUpdatePolicy(policy?.id ?? "");
  const [formError, setFormError] = useState<string | null>(null);
  const inFlight = useRef(false);
  const [now] = useState(() => new Date());
  const [zone, setZone] = useState(() => browserZone());
  const patternRef = useRef<HTMLTextAreaElement | null>(null);

  // The header's enable/disable changes the policy; follow it unless the user changed the box.
  useEffect(() => {
    if (policy && !form.formState.dirtyFields.enabled) form.setValue("enabled", policy.enabled);
  }, [policy, form]);

  const onSubmit = form.handleSubmit(
    async (values) => {
      if (inFlight.current) return;
      inFlight.current = true;
      setFormError(null);
      const known = new Map([
        ...(policy?.resources ?? []).map((r) => [r.id, r.name] as const),
        ...(candidates.data?.servers ?? []).map((s) => [s.id, s.name] as const),
      ]);
      const moveServers = (candidates.data?.servers ?? []).some(
        (s) => values.servers.includes(s.id) && s.policy !== null && s.policy.id !== policy?.id,
      );
      const body = {
        name: values.name,
        description: values.description,
        enabled: values.enabled,
        pattern: values.pattern,
        retention: values.retention,
        tags: values.tags,
        resources: values.servers.map((id) => ({ id, name: known.get(id) ?? id })),
        moveServers,
      };
      try {
        const saved = policy
          ? await update.mutateAsync({ ...body, operationId: policy.operationId })
          : await create.mutateAsync(body);
        toast.success(
          t(policy ? "policyForm.toast.saved" : "policyForm.toast.created", { name: saved.name }),
        );
        router.push("/policies");
      } catch (error) {
        const field = showFieldError(form, error, FIELDS, {
          aliases: FIELD_ALIASES,
          focus: (f) => f !== "pattern" && f !== "servers",
        });
        if (field) {
          if (field === "pattern") patternRef.current?.focus();
          setFormError(t("policyForm.error.fix"));
        } else {
          const message = errorMessage(error, t("backups.error.unknown"));
          setFormError(t("policyForm.error.form", { message }));
        }
        inFlight.current = false;
      }
    },
    () => setFormError(t("policyForm.error.fix")),
  );

  const busy = form.formState.isSubmitting || create.isPending || update.isPending;
  // Read-only users may try the schedule builder, but there is nothing to save.
  const canChange = useCanChange();
  const retentionKind = form.watch("retention.kind");
  const pattern = form.watch("pattern");
  const retention = form.watch("retention");
  const serverCount = form.watch("servers").length;

  return (
    <form
      onSubmit={(event) => {
        if (canChange) void onSubmit(event);
        else event.preventDefault();
      }}
      noValidate
      className="grid min-w-0 max-w-6xl gap-6 [&>*]:min-w-0"
      aria-busy={busy || undefined}
      data-testid="policy-form"
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
        </CardHeader>
        <CardContent className="grid gap-5 md:grid-cols-2">
          <Field
            label={t("policyForm.name")}
            description={t("policyForm.nameHint")}
            error={errors.name?.message}
          >
            {(control) => <Input {...control} autoComplete="off" {...form.register("name")} />}
          </Field>
          <Field
            label={t("policyForm.description")}
            description={t("policyForm.descriptionHint")}
            error={errors.description?.message}
          >
            {(control) => (
              <Input {...control} autoComplete="off" {...form.register("description")} />
            )}
          </Field>
          <Controller
            control={form.control}
            name="enabled"
            render={({ field }) => (
              <label className="flex min-h-11 items-center gap-3 text-sm md:col-span-2">
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
                  <span className="block text-muted-foreground">{t("policyForm.enabledHint")}</span>
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
          <CardDescription>{t("policyForm.scheduleHint")}</CardDescription>
        </CardHeader>
        <CardContent>
          <Controller
            control={form.control}
            name="pattern"
            render={({ field, fieldState }) => (
              <ScheduleBuilder
                pattern={field.value}
                onPatternChange={(next) => {
                  field.onChange(next);
                  // Check as the user edits, not only on submit.
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
        </CardHeader>
        <CardContent className="grid gap-5 md:grid-cols-2">
          <div className="grid content-start gap-3">
            <Controller
              control={form.control}
              name="retention.kind"
              render={({ field }) => (
                <fieldset className="grid gap-1">
                  <legend className="mb-1 font-medium text-sm">
                    {t("policyForm.retention.kind")}
                  </legend>
                  {RETENTION_KINDS.map((kind) => (
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
                label={t("policyForm.retention.countLabel")}
                error={errors.retention?.count?.message}
              >
                {(control) => (
                  <Input
                    {...control}
                    type="number"
                    inputMode="numeric"
                    min={POLICY_LIMITS.retentionMin}
                    max={POLICY_LIMITS.retentionMax}
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
                    min={POLICY_LIMITS.retentionMin}
                    max={POLICY_LIMITS.retentionMax}
                    className="w-40"
                    {...form.register("retention.days", { setValueAs: numberOrUndefined })}
                  />
                )}
              </Field>
            ) : null}
            {policy?.retention.both ? (
              <p className="text-muted-foreground text-sm">
                {t("policyForm.retention.both", {
                  count: policy.retention.count ?? 0,
                  days: policy.retention.days ?? 0,
                })}
              </p>
            ) : null}
          </div>
          <div className="grid content-start gap-2 rounded-md border bg-muted/30 p-4">
            <h3 className="font-medium text-sm">{t("policyForm.projection.title")}</h3>
            <RetentionProjection
              pattern={pattern}
              retention={retention}
              servers={serverCount}
              quota={candidates.data?.backupsQuota ?? null}
              now={now}
            />
          </div>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>
            <h2 className="text-lg">{t("policyForm.section.servers")}</h2>
          </CardTitle>
          <CardDescription>{t("policyForm.serversHint")}</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-2">
          {candidates.isPending ? (
            <Skeleton className="h-40 w-full" />
          ) : candidates.isError ? (
            <Alert variant="destructive">
              <AlertCircleIcon aria-hidden="true" />
              <AlertDescription>
                {t("policyForm.servers.loadError", { message: candidates.error.message })}
              </AlertDescription>
            </Alert>
          ) : (
            <Controller
              control={form.control}
              name="servers"
              render={({ field, fieldState }) => (
                <ServerPicker
                  servers={candidates.data.servers}
                  value={field.value}
                  onChange={field.onChange}
                  policyId={policy?.id}
                  invalid={Boolean(fieldState.error)}
                  describedBy={fieldState.error ? "servers-error" : undefined}
                />
              )}
            />
          )}
          {errors.servers?.message ? (
            <p id="servers-error" className="font-medium text-destructive text-sm">
              {errors.servers.message}
            </p>
          ) : null}
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>
            <h2 className="text-lg">{t("policyForm.section.tags")}</h2>
          </CardTitle>
          {policy ? <CardDescription>{t("policyForm.tags.readonly")}</CardDescription> : null}
        </CardHeader>
        <CardContent className="grid gap-3">
          {tags.fields.length === 0 ? (
            <p className="text-muted-foreground text-sm">{t("policyForm.tags.none")}</p>
          ) : null}
          {tags.fields.map((tag, index) => (
            <div key={tag.id} className="flex flex-wrap items-start gap-2">
              <Field
                label={t("policyForm.tags.key")}
                error={errors.tags?.[index]?.key?.message}
                className="w-48"
              >
                {(control) => (
                  <Input
                    {...control}
                    readOnly={Boolean(policy)}
                    {...form.register(`tags.${index}.key`)}
                  />
                )}
              </Field>
              <Field
                label={t("policyForm.tags.value")}
                error={errors.tags?.[index]?.value?.message}
                className="w-56"
              >
                {(control) => (
                  <Input
                    {...control}
                    readOnly={Boolean(policy)}
                    {...form.register(`tags.${index}.value`)}
                  />
                )}
              </Field>
              {policy ? null : (
                <Button
                  type="button"
                  variant="ghost"
                  size="icon"
                  className="mt-6"
                  aria-label={t("policyForm.tags.remove", { index: index + 1 })}
                  onClick={() => tags.remove(index)}
                >
                  <XIcon aria-hidden="true" />
                </Button>
              )}
            </div>
          ))}
          {errors.tags?.message ? (
            <p className="font-medium text-destructive text-sm">{errors.tags.message}</p>
          ) : null}
          {policy ? null : (
            <Button
              type="button"
              variant="outline"
              className="w-fit"
              disabled={tags.fields.length >= POLICY_LIMITS.tags}
              onClick={() => tags.append({ key: "", value: "" })}
            >
              <PlusIcon aria-hidden="true" />
              {t("policyForm.tags.add")}
            </Button>
          )}
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

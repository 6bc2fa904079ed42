"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useQuery } from "@tanstack/react-query";
import { AlertCircleIcon, ExternalLinkIcon, Loader2Icon } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import { FormProvider, type UseFormReturn, useForm } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { NativeSelect } from "@/components/data-table/native-select";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field, numberOrUndefined } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { cbrPoliciesQuery } from "@/lib/api/cbr-policies";
import { errorMessage, showFieldError } from "@/lib/api/errors";
import { newVaultCandidatesQuery, useCreateVault } from "@/lib/api/vaults";
import { formatNumber } from "@/lib/i18n/format";
import { useLocale, useT } from "@/lib/i18n/i18n-provider";
import type { Translate } from "@/lib/i18n/translator";
import type { VaultCandidate } from "@/lib/schemas/vault-admin";
import {
  checkCreateSize,
  checkVaultDescription,
  checkVaultName,
  VAULT_CONSISTENCY_LEVELS,
  VAULT_OBJECT_TYPES,
  VAULT_SIZE_MIN_GB,
  type VaultRuleViolation,
} from "@/lib/vaults/rules";
import { CandidateRow } from "./candidate-row";
import { AutoBindFields, refineTagFields, TagRows, tagFieldsShape } from "./tag-fields";

/** The form's values, checked with the vault rules of lib/vaults in the user's words. */
function createVaultFormSchema(t: Translate) {
  const rule = (violation: VaultRuleViolation) =>
    t(`vaultAdmin.rule.${violation}` as Parameters<Translate>[0]);
  return z
    .object({
      name: z.string().trim(),
      description: z.string().trim(),
      objectType: z.enum(VAULT_OBJECT_TYPES),
      consistency: z.enum(VAULT_CONSISTENCY_LEVELS),
      sizeGb: z.number({ error: rule("size.notInteger") }),
      autoExpand: z.boolean(),
      policyId: z.string(),
      chosen: z.array(z.string()),
      ...tagFieldsShape,
    })
    .superRefine((value, ctx) => {
      const at = (path: (string | number)[], message: string) =>
        ctx.addIssue({ code: "custom", path, message });
      const name = checkVaultName(value.name);
      if (name) at(["name"], rule(name));
      const description = checkVaultDescription(value.description);
      if (description) at(["description"], rule(description));
      const size = checkCreateSize(value.sizeGb);
      if (size) at(["sizeGb"], rule(size));
      if (value.objectType === "disk" && value.consistency === "app_consistent") {
        at(["consistency"], t("vaultCreate.consistency.diskOnly"));
      }
      refineTagFields(t, value, ctx);
    });
}
type Values = z.infer<ReturnType<typeof createVaultFormSchema>>;

const FIELDS = [
  "name",
  "description",
  "consistency",
  "sizeGb",
  "policyId",
  "chosen",
  "tags",
  "autoBind",
  "bindRules",
] as const;
/** The route's names for what the form calls `chosen`. */
const ALIASES = { add: "chosen", move: "chosen" } as const;

const DEFAULTS: Values = {
  name: "",
  description: "",
  objectType: "server",
  consistency: "crash_consistent",
  sizeGb: VAULT_SIZE_MIN_GB,
  autoExpand: false,
  policyId: "",
  chosen: [],
  tags: [],
  autoBind: false,
  bindRules: [],
};

const STATE_ORDER: Record<VaultCandidate["state"], number> = {
  free: 0,
  elsewhere: 1,
  here: 2,
  refused: 3,
};

/** Free ones first, then the ones a move would bring, then what the cloud refuses; by name. */
function byUsefulness(candidates: readonly VaultCandidate[]): VaultCandidate[] {
  return [...candidates].sort(
    (a, b) => STATE_ORDER[a.state] - STATE_ORDER[b.state] || a.name.localeCompare(b.name),
  );
}

function candidateSize(c: VaultCandidate): number {
  return c.sizeGb ?? c.disks.reduce((sum, d) => sum + (d.sizeGb ?? 0), 0);
}

/**
 * `/vaults/new`: a backup vault with what it protects, its policy, tags and auto-bind, in one form
 * and one request. A resource in another vault is chosen as a move, which keeps its backups.
 */
export function CreateVaultForm() {
  const t = useT();
  const locale = useLocale();
  const n = (value: number) => formatNumber(locale, value);
  const router = useRouter();
  const schema = useMemo(() => createVaultFormSchema(t), [t]);
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: DEFAULTS,
    mode: "onTouched",
  });
  const { errors } = form.formState;
  const objectType = form.watch("objectType");
  const chosen = form.watch("chosen");
  const candidates = useQuery(newVaultCandidatesQuery(objectType));
  const mutation = useCreateVault();
  const inFlight = useRef(false);
  const [problem, setProblem] = useState<string | null>(null);

  const byId = useMemo(
    () => new Map((candidates.data ?? []).map((c) => [c.id, c])),
    [candidates.data],
  );
  const picked = chosen.map((id) => byId.get(id)).filter((c): c is VaultCandidate => !!c);
  const chosenSize = picked.reduce((sum, c) => sum + candidateSize(c), 0);

  // The capacity follows what is chosen until the user sets it.
  const sizeTouched = form.formState.dirtyFields.sizeGb;
  useEffect(() => {
    if (!sizeTouched) form.setValue("sizeGb", Math.max(VAULT_SIZE_MIN_GB, Math.ceil(chosenSize)));
  }, [chosenSize, sizeTouched, form]);

  const onSubmit = form.handleSubmit(async (values) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setProblem(null);
    const chosenNow = values.chosen.map((id) => byId.get(id)).filter((c) => !!c);
    try {
      const result = await mutation.mutateAsync({
        name: values.name,
        description: values.description,
        objectType: values.objectType,
        consistency: values.consistency,
        sizeGb: values.sizeGb,
        autoExpand: values.autoExpand,
        ...(values.policyId ? { policyId: values.policyId } : {}),
        add: chosenNow.filter((c) => c.state === "free").map((c) => c.id),
        move: chosenNow
          .filter((c) => c.state === "elsewhere" && c.vault)
          .map((c) => ({ id: c.id, fromVaultId: c.vault?.id ?? "" })),
        tags: values.tags,
        autoBind: values.objectType === "server" && values.autoBind,
        bindRules: values.objectType === "server" && values.autoBind ? values.bindRules : [],
      });
      if (result.moveProblem) {
        toast.error(
          t("vaultCreate.moveFailed", { name: result.vault.name, message: result.moveProblem }),
          { duration: 20_000 },
        );
      } else {
        toast.success(t("vaultCreate.created", { name: result.vault.name }));
      }
      router.push(`/vaults/${encodeURIComponent(result.vault.id)}`);
    } catch (error) {
      if (!showFieldError(form, error, FIELDS, { aliases: ALIASES })) {
        setProblem(
          t("vaultCreate.failed", { message: errorMessage(error, t("backups.error.unknown")) }),
        );
      }
    } finally {
      inFlight.current = false;
    }
  });

  const toggle = (id: string, on: boolean) => {
    const next = on ? [...chosen, id] : chosen.filter((c) => c !== id);
    form.setValue("chosen", next, { shouldDirty: true, shouldValidate: true });
  };

  return (
    <FormProvider {...form}>
      <form
        onSubmit={(event) => void onSubmit(event)}
        noValidate
        className="grid min-w-0 max-w-4xl gap-6 [&>*]:min-w-0"
        aria-busy={mutation.isPending || undefined}
        data-testid="create-vault-form"
      >
        <Card>
          <CardHeader>
            <CardTitle>
              <h2 className="text-lg">{t("vaultCreate.section.general")}</h2>
            </CardTitle>
            <CardDescription>{t("vaultCreate.generalHint")}</CardDescription>
          </CardHeader>
          <CardContent className="grid items-start gap-5 md:grid-cols-2">
            <Field
              label={t("vaultAdmin.name")}
              description={t("vaultAdmin.nameHint")}
              error={errors.name?.message}
            >
              {(control) => <Input {...control} autoComplete="off" {...form.register("name")} />}
            </Field>
            <Field label={t("vaultCreate.description")} error={errors.description?.message}>
              {(control) => (
                <Input {...control} autoComplete="off" {...form.register("description")} />
              )}
            </Field>
            <Choice
              legend={t("vaultCreate.type")}
              options={VAULT_OBJECT_TYPES.map((value) => ({
                value,
                label: t(`vaultCreate.type.${value}`),
              }))}
              {...form.register("objectType", {
                onChange: () => {
                  form.setValue("chosen", []);
                  form.setValue("consistency", "crash_consistent");
                  form.setValue("autoBind", false);
                },
              })}
            />
            <Choice
              legend={t("vaultCreate.consistency")}
              options={VAULT_CONSISTENCY_LEVELS.map((value) => ({
                value,
                label: t(`vaultCreate.consistency.${value}`),
                disabled: objectType === "disk" && value === "app_consistent",
              }))}
              error={errors.consistency?.message}
              {...form.register("consistency")}
            />
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>
              <h2 className="text-lg">{t("vaultCreate.section.resources")}</h2>
            </CardTitle>
            <CardDescription>{t("vaultCreate.resourcesHint")}</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-3">
            {candidates.isPending ? (
              <Skeleton className="h-40 w-full" />
            ) : candidates.isError ? (
              <Alert variant="destructive">
                <AlertCircleIcon aria-hidden="true" />
                <AlertDescription>
                  {errorMessage(candidates.error, t("backups.error.unknown"))}
                </AlertDescription>
              </Alert>
            ) : candidates.data.length === 0 ? (
              <p className="text-muted-foreground">{t("vaultCreate.none")}</p>
            ) : (
              <ul
                className="grid max-h-[28rem] gap-1 overflow-y-auto rounded-md border p-1"
                aria-label={t("vaultCreate.resourcesList")}
              >
                {byUsefulness(candidates.data).map((c) => (
                  <CandidateRow
                    key={c.id}
                    candidate={c}
                    checked={chosen.includes(c.id)}
                    onChange={(on) => toggle(c.id, on)}
                  />
                ))}
              </ul>
            )}
            <p className="text-sm" data-testid="create-vault-chosen" aria-live="polite">
              {t("vaultCreate.chosen", { count: n(picked.length), size: n(chosenSize) })}
              {picked.some((c) => c.state === "elsewhere")
                ? ` ${t("vaultAdmin.moveSummary", {
                    count: n(picked.filter((c) => c.state === "elsewhere").length),
                    backups: n(picked.reduce((sum, c) => sum + (c.backups ?? 0), 0)),
                  })}`
                : ""}
            </p>
            {errors.chosen?.message ? (
              <p className="font-medium text-destructive text-sm">{errors.chosen.message}</p>
            ) : null}
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>
              <h2 className="text-lg">{t("vaultCreate.section.capacity")}</h2>
            </CardTitle>
          </CardHeader>
          <CardContent className="grid gap-4">
            <Field
              label={t("vaultAdmin.size")}
              description={t("vaultCreate.sizeHint", { size: n(chosenSize) })}
              error={errors.sizeGb?.message}
            >
              {(control) => (
                <Input
                  {...control}
                  type="number"
                  inputMode="numeric"
                  min={VAULT_SIZE_MIN_GB}
                  className="w-48"
                  {...form.register("sizeGb", { setValueAs: numberOrUndefined })}
                />
              )}
            </Field>
            {form.watch("sizeGb") < chosenSize && !form.watch("autoExpand") ? (
              <p className="text-sm text-warning" data-testid="create-vault-size-small">
                {t("vaultCreate.sizeSmall", { size: n(chosenSize) })}
              </p>
            ) : null}
            <label className="flex min-h-11 items-center gap-3 text-sm">
              <input type="checkbox" className="size-5" {...form.register("autoExpand")} />
              {t("vaultAdmin.autoExpand")}
            </label>
          </CardContent>
        </Card>

        <PolicyCard form={form} />

        <Card>
          <CardHeader>
            <CardTitle>
              <h2 className="text-lg">{t("vaultCreate.section.tags")}</h2>
            </CardTitle>
            <CardDescription>{t("vaultCreate.tagsHint")}</CardDescription>
          </CardHeader>
          <CardContent>
            <TagRows
              name="tags"
              addLabel={t("vaultCreate.addTag")}
              removeLabel={(index) => t("vaultCreate.removeTag", { index })}
            />
          </CardContent>
        </Card>

        {objectType === "server" ? (
          <Card>
            <CardHeader>
              <CardTitle>
                <h2 className="text-lg">{t("vaultCreate.section.autoBind")}</h2>
              </CardTitle>
              <CardDescription>{t("vaultCreate.autoBindHint")}</CardDescription>
            </CardHeader>
            <CardContent>
              <AutoBindFields candidates={candidates.data ?? []} />
            </CardContent>
          </Card>
        ) : null}

        {problem ? (
          <Alert variant="destructive" role="alert">
            <AlertCircleIcon aria-hidden="true" />
            <AlertDescription>{problem}</AlertDescription>
          </Alert>
        ) : null}
        <div className="sticky bottom-0 z-10 -mx-4 flex flex-wrap items-center gap-3 border-t bg-background/95 px-4 py-3 backdrop-blur sm:-mx-6 sm:px-6">
          <Button type="submit" disabled={mutation.isPending} className="min-h-11 lg:min-h-9">
            {mutation.isPending ? (
              <Loader2Icon className="animate-spin" aria-hidden="true" />
            ) : null}
            {mutation.isPending ? t("vaultCreate.submitting") : t("vaultCreate.submit")}
          </Button>
          <Button asChild variant="outline" className="min-h-11 lg:min-h-9">
            <Link href="/vaults">{t("vaultCreate.cancel")}</Link>
          </Button>
        </div>
      </form>
    </FormProvider>
  );
}

/** A radio group registered with the form: native radios, one per option. */
function Choice({
  legend,
  options,
  error,
  ...input
}: {
  legend: string;
  options: { value: string; label: string; disabled?: boolean }[];
  error?: string | undefined;
} & ReturnType<UseFormReturn<Values>["register"]>) {
  return (
    <fieldset className="grid gap-2" aria-invalid={error ? true : undefined}>
      <legend className="mb-2 font-medium text-sm">{legend}</legend>
      {options.map((option) => (
        <label
          key={option.value}
          className="flex min-h-11 items-center gap-3 text-sm has-[:disabled]:opacity-60 lg:min-h-9"
        >
          <input
            type="radio"
            className="size-5 shrink-0"
            value={option.value}
            disabled={option.disabled}
            {...input}
          />
          {option.label}
        </label>
      ))}
      {error ? <p className="font-medium text-destructive text-sm">{error}</p> : null}
    </fieldset>
  );
}

function PolicyCard({ form }: { form: UseFormReturn<Values> }) {
  const t = useT();
  const policies = useQuery(cbrPoliciesQuery());
  const backupPolicies = (policies.data ?? []).filter((p) => p.operationType === "backup");
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2 className="text-lg">{t("vaultCreate.section.policy")}</h2>
        </CardTitle>
        <CardDescription>{t("vaultCreate.policyHint")}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3">
        {policies.isError ? (
          <p role="alert" className="text-destructive text-sm">
            {t("vaultCreate.policy.loadFailed", {
              message: errorMessage(policies.error, t("backups.error.unknown")),
            })}
          </p>
        ) : null}
        <Field label={t("vaultCreate.policy")} error={form.formState.errors.policyId?.message}>
          {(control) => (
            <NativeSelect
              {...control}
              className="max-w-md"
              disabled={policies.isPending}
              {...form.register("policyId")}
            >
              <option value="">{t("vaultCreate.policy.none")}</option>
              {backupPolicies.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.enabled ? p.name : t("vaultCreate.policy.disabled", { name: p.name })}
                </option>
              ))}
            </NativeSelect>
          )}
        </Field>
        <Link
          href="/policies/cbr/new"
          target="_blank"
          className="inline-flex min-h-11 w-fit items-center gap-1.5 text-sm underline lg:min-h-0"
        >
          <ExternalLinkIcon className="size-4" aria-hidden="true" />
          {t("vaultCreate.policy.new")}
        </Link>
      </CardContent>
    </Card>
  );
}

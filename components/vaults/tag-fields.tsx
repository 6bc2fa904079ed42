"use client";

import { PlusIcon, XIcon } from "lucide-react";
import { Controller, useFieldArray, useFormContext } from "react-hook-form";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { formatNumber } from "@/lib/i18n/format";
import { useLocale, useT } from "@/lib/i18n/i18n-provider";
import type { Translate } from "@/lib/i18n/translator";
import { tagIssuePath, type VaultCandidate } from "@/lib/schemas/vault-admin";
import {
  BIND_RULE_TAGS_MAX,
  checkTags,
  matchesBindRules,
  VAULT_TAGS_MAX,
  type VaultRuleViolation,
} from "@/lib/vaults/rules";

// A vault's tags and auto-bind rules, as the create form and the vault's settings edit them: the
// fields (inside the form's FormProvider) and their rules in the user's words.

const tag = z.object({ key: z.string(), value: z.string() });
/** The part of a vault form these fields fill. */
export const tagFieldsShape = {
  tags: z.array(tag),
  autoBind: z.boolean(),
  bindRules: z.array(tag),
};
type TagFields = { [K in keyof typeof tagFieldsShape]: z.infer<(typeof tagFieldsShape)[K]> };

/** The tag rules of lib/vaults at each tag, and auto-bind only with a rule tag. */
export function refineTagFields(t: Translate, value: TagFields, ctx: z.RefinementCtx) {
  const rule = (violation: VaultRuleViolation) =>
    t(`vaultAdmin.rule.${violation}` as Parameters<Translate>[0]);
  for (const list of ["tags", "bindRules"] as const) {
    const problem = checkTags(value[list], list === "tags" ? VAULT_TAGS_MAX : BIND_RULE_TAGS_MAX);
    if (problem) {
      ctx.addIssue({
        code: "custom",
        path: tagIssuePath(list, problem),
        message: rule(problem.violation),
      });
    }
  }
  if (value.autoBind && value.bindRules.length === 0) {
    ctx.addIssue({ code: "custom", path: ["bindRules"], message: t("vaultCreate.autoBindHint") });
  }
}

/**
 * The auto-bind switch, its rule tags and what they match now: the unprotected servers (free
 * candidates) that carry any of them, as the cloud would bind them.
 */
export function AutoBindFields({ candidates }: { candidates: readonly VaultCandidate[] }) {
  const t = useT();
  const locale = useLocale();
  const n = (value: number) => formatNumber(locale, value);
  const form = useFormContext<TagFields>();
  const on = form.watch("autoBind");
  const rules = form.watch("bindRules");
  const named = rules.filter((r) => r.key.trim() !== "");
  const matches = candidates.filter((c) => c.state === "free" && matchesBindRules(c.tags, named));
  const shown = matches.slice(0, 5).map((c) => c.name);
  return (
    <div className="grid gap-4">
      <Controller
        control={form.control}
        name="autoBind"
        render={({ field }) => (
          <label className="flex min-h-11 items-center gap-3 text-sm">
            <input
              type="checkbox"
              className="size-5"
              checked={field.value}
              onChange={(event) => {
                field.onChange(event.target.checked);
                if (event.target.checked && form.getValues("bindRules").length === 0) {
                  form.setValue("bindRules", [{ key: "", value: "" }]);
                }
              }}
              onBlur={field.onBlur}
              name={field.name}
              ref={field.ref}
            />
            {t("vaultCreate.autoBind")}
          </label>
        )}
      />
      {on ? (
        <>
          <TagRows
            name="bindRules"
            max={BIND_RULE_TAGS_MAX}
            addLabel={t("vaultCreate.addRule")}
            removeLabel={(index) => t("vaultCreate.removeRule", { index })}
          />
          {named.length > 0 ? (
            <p className="text-sm" data-testid="auto-bind-preview" aria-live="polite">
              {matches.length === 0
                ? t("vaultCreate.previewNone")
                : t("vaultCreate.preview", {
                    count: n(matches.length),
                    names:
                      matches.length > shown.length ? `${shown.join(", ")}, …` : shown.join(", "),
                  })}
            </p>
          ) : null}
        </>
      ) : null}
    </div>
  );
}

/** Key and value rows of a tag list, with their errors, up to the list's maximum. */
export function TagRows({
  name,
  max = VAULT_TAGS_MAX,
  addLabel,
  removeLabel,
}: {
  name: "tags" | "bindRules";
  max?: number;
  addLabel: string;
  removeLabel: (index: number) => string;
}) {
  const t = useT();
  const form = useFormContext<TagFields>();
  const { fields, append, remove } = useFieldArray({ control: form.control, name });
  const errors = form.formState.errors[name];
  return (
    <div className="grid gap-3">
      {fields.map((row, index) => {
        const rowErrors = Array.isArray(errors) ? errors[index] : undefined;
        return (
          <div key={row.id} className="flex flex-wrap items-start gap-3">
            <Field
              label={`${t("vaultCreate.tagKey")} ${index + 1}`}
              error={rowErrors?.key?.message}
              className="min-w-40 flex-1"
            >
              {(control) => (
                <Input {...control} autoComplete="off" {...form.register(`${name}.${index}.key`)} />
              )}
            </Field>
            <Field
              label={`${t("vaultCreate.tagValue")} ${index + 1}`}
              error={rowErrors?.value?.message}
              className="min-w-40 flex-1"
            >
              {(control) => (
                <Input
                  {...control}
                  autoComplete="off"
                  {...form.register(`${name}.${index}.value`)}
                />
              )}
            </Field>
            <Button
              type="button"
              variant="ghost"
              size="icon"
              className="mt-7 size-11 lg:size-9"
              aria-label={removeLabel(index + 1)}
              onClick={() => remove(index)}
            >
              <XIcon aria-hidden="true" />
            </Button>
          </div>
        );
      })}
      {errors && !Array.isArray(errors) && errors.message ? (
        <p className="font-medium text-destructive text-sm">{errors.message}</p>
      ) : null}
      {fields.length < max ? (
        <Button
          type="button"
          variant="outline"
          className="min-h-11 w-fit lg:min-h-9"
          onClick={() => append({ key: "", value: "" })}
        >
          <PlusIcon aria-hidden="true" />
          {addLabel}
        </Button>
      ) : null}
    </div>
  );
}

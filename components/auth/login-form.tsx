"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { AlertCircleIcon, Loader2Icon } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { formFieldOf, isApiError } from "@/lib/api/errors";
import { apiFetch } from "@/lib/api/fetcher";
import { useT } from "@/lib/i18n/i18n-provider";
import type { Translate } from "@/lib/i18n/translate";
import { LOGIN_LIMITS, type LoginFormValues, makeLoginFormSchema } from "@/lib/schemas/login";
import { loginResponseSchema } from "@/lib/schemas/session";

type LoginFormProps = {
  /** Prefilled values (the demo account in simulator mode); never a password. */
  defaults: Omit<LoginFormValues, "password">;
  /** Where to go once signed in: already checked to be a same-site path. */
  next: string;
};

type FieldName = keyof LoginFormValues;
const fieldNames: readonly FieldName[] = ["domain", "user", "password", "project"];

function messagesFor(t: Translate) {
  return {
    accountRequired: t("login.error.accountRequired"),
    accountTooLong: t("login.error.accountTooLong", { max: LOGIN_LIMITS.domain }),
    userRequired: t("login.error.userRequired"),
    userTooLong: t("login.error.userTooLong", { max: LOGIN_LIMITS.user }),
    passwordRequired: t("login.error.passwordRequired"),
    passwordTooLong: t("login.error.passwordTooLong", { max: LOGIN_LIMITS.password }),
    projectRequired: t("login.error.projectRequired"),
    projectTooLong: t("login.error.projectTooLong", { max: LOGIN_LIMITS.project }),
  };
}

/** Where a failed sign-in is shown: at one field, or above the form. */
function placeError(error: unknown, t: Translate): { field?: FieldName; message: string } {
  if (!isApiError(error)) return { message: t("login.error.other", { code: "UNKNOWN" }) };
  switch (error.code) {
    case "INVALID_CREDENTIALS":
      return { message: t("login.error.invalidCredentials") };
    case "UNKNOWN_PROJECT":
      return { field: "project", message: t("login.error.unknownProject") };
    case "TOO_MANY_ATTEMPTS":
      return { message: t("login.error.tooManyAttempts") };
    case "ACCOUNT_NOT_ALLOWED":
      return { message: t("login.error.accountNotAllowed") };
    case "IAM_UNREACHABLE":
      return { message: t("login.error.iamUnreachable") };
    case "NETWORK":
      return { message: t("login.error.network") };
    case "VALIDATION": {
      const field = formFieldOf(error, fieldNames);
      return field ? { field, message: error.message } : { message: error.message };
    }
    default:
      return { message: t("login.error.other", { code: error.code }) };
  }
}

export function LoginForm({ defaults, next }: LoginFormProps) {
  const t = useT();
  const router = useRouter();
  const schema = useMemo(() => makeLoginFormSchema(messagesFor(t)), [t]);
  const form = useForm({
    resolver: zodResolver(schema),
    defaultValues: { ...defaults, password: "" },
  });
  const { errors } = form.formState;
  const [formError, setFormError] = useState<string | null>(null);
  const [leaving, setLeaving] = useState(false);
  // Until React has hydrated the form, a click or Enter would make the browser submit it natively
  // (the password in a URL): the button stays disabled, which also blocks implicit submission.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  // A ref, not state: a second click in the same frame must see the first one at once.
  const inFlight = useRef(false);

  const onSubmit = form.handleSubmit(async (values) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setFormError(null);
    try {
      loginResponseSchema.parse(
        await apiFetch("/api/auth/login", {
          method: "POST",
          body: values,
          redirectOnSessionEnd: false,
        }),
      );
      setLeaving(true);
      router.replace(next);
    } catch (error) {
      const placed = placeError(error, t);
      // Keep everything that was typed except the password.
      form.setValue("password", "");
      if (placed.field) {
        form.setError(placed.field, { message: placed.message }, { shouldFocus: true });
      } else {
        setFormError(placed.message);
        form.setFocus("password");
      }
      inFlight.current = false;
    }
  });

  const busy = form.formState.isSubmitting || leaving;
  const textInput = { autoCapitalize: "none", autoCorrect: "off", spellCheck: false } as const;

  return (
    <form
      onSubmit={(event) => {
        // A new attempt: the previous answer no longer applies, whatever this one finds.
        setFormError(null);
        void onSubmit(event);
      }}
      method="post"
      noValidate
      className="grid gap-5"
      aria-busy={busy || undefined}
    >
      {formError ? (
        <Alert variant="destructive">
          <AlertCircleIcon aria-hidden="true" />
          <AlertDescription>{formError}</AlertDescription>
        </Alert>
      ) : null}
      <Field
        label={t("login.account")}
        description={t("login.accountHint")}
        error={errors.domain?.message}
      >
        {(control) => (
          <Input
            {...control}
            {...textInput}
            autoComplete="organization"
            {...form.register("domain")}
          />
        )}
      </Field>
      <Field label={t("login.user")} error={errors.user?.message}>
        {(control) => (
          <Input {...control} {...textInput} autoComplete="username" {...form.register("user")} />
        )}
      </Field>
      <Field label={t("login.password")} error={errors.password?.message}>
        {(control) => (
          <Input
            {...control}
            type="password"
            autoComplete="current-password"
            {...form.register("password")}
          />
        )}
      </Field>
      <Field
        label={t("login.project")}
        description={t("login.projectHint")}
        error={errors.project?.message}
      >
        {(control) => (
          <Input {...control} {...textInput} autoComplete="off" {...form.register("project")} />
        )}
      </Field>
      <Button type="submit" size="lg" disabled={busy || !hydrated} className="w-full">
        {busy ? <Loader2Icon className="animate-spin" aria-hidden="true" /> : null}
        {busy ? t("login.submitting") : t("login.submit")}
      </Button>
    </form>
  );
}

"use client";

import * as React from "react";
import { cn } from "@/lib/utils";
import { Label } from "./label";

/** The props a field hands to its control so that label, description and error are announced with it. */
type FieldControlProps = {
  id: string;
  "aria-invalid": boolean;
  "aria-describedby": string | undefined;
};

type FieldProps = Omit<React.ComponentProps<"div">, "children"> & {
  label: React.ReactNode;
  description?: React.ReactNode;
  /** The message naming what is wrong; the field is invalid exactly when it is set. */
  error?: string;
  /** Stable id for the control (defaults to a generated one). */
  id?: string;
  children: (control: FieldControlProps) => React.ReactNode;
};

function Field({ label, description, error, id, className, children, ...props }: FieldProps) {
  const generated = React.useId();
  const controlId = id ?? generated;
  const descriptionId = `${controlId}-description`;
  const errorId = `${controlId}-error`;
  const describedBy =
    [description ? descriptionId : null, error ? errorId : null].filter(Boolean).join(" ") ||
    undefined;
  return (
    <div
      data-slot="field"
      data-invalid={error ? true : undefined}
      className={cn("group grid gap-2", className)}
      {...props}
    >
      <Label htmlFor={controlId} className="group-data-[invalid=true]:text-destructive">
        {label}
      </Label>
      {children({ id: controlId, "aria-invalid": Boolean(error), "aria-describedby": describedBy })}
      {description ? (
        <p
          id={descriptionId}
          data-slot="field-description"
          className="text-muted-foreground text-sm"
        >
          {description}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} data-slot="field-error" className="font-medium text-destructive text-sm">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export { Field, type FieldControlProps };

/**
 * `setValueAs` for a number input: an empty box is undefined (the schema says it is required),
 * not 0. RHF also passes the default (a number) through it, not only what is typed.
 */
export function numberOrUndefined(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isNaN(value) ? undefined : value;
  if (typeof value !== "string" || value.trim() === "") return undefined;
  return Number(value);
}

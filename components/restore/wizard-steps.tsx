"use client";

import { CheckIcon } from "lucide-react";
import { useT } from "@/lib/i18n/i18n-provider";
import type { MessageKey } from "@/lib/i18n/messages";
import { WIZARD_STEPS, type WizardStep } from "@/lib/schemas/restore";
import { cn } from "@/lib/utils";

type WizardStepsProps = {
  current: WizardStep;
  /** The furthest step the user may jump to (earlier steps are links back). */
  reachable: WizardStep;
  onSelect: (step: WizardStep) => void;
};

/** The five steps as an ordered list: done ones can be revisited, the current one is marked. */
export function WizardSteps({ current, reachable, onSelect }: WizardStepsProps) {
  const t = useT();
  return (
    <nav aria-label={t("restore.steps")} className="mb-6">
      <ol className="grid grid-cols-5 gap-1 sm:gap-2">
        {WIZARD_STEPS.map((step) => {
          const label = t(`restore.step.${step}` as MessageKey);
          const done = step < current;
          const active = step === current;
          const canGo = step !== current && step <= reachable && current !== 5;
          const content = (
            <>
              <span
                aria-hidden="true"
                className={cn(
                  "flex size-7 shrink-0 items-center justify-center rounded-full border font-semibold text-xs tabular-nums",
                  active && "border-primary bg-primary text-primary-foreground",
                  done && "border-primary text-primary",
                )}
              >
                {done ? <CheckIcon className="size-4" /> : step}
              </span>
              <span className="sr-only">{t("restore.stepOf", { n: step, total: 5 })}: </span>
              <span className="sr-only sm:not-sr-only sm:text-left sm:leading-tight">{label}</span>
            </>
          );
          return (
            <li key={step} className="min-w-0">
              {canGo ? (
                <button
                  type="button"
                  onClick={() => onSelect(step)}
                  className="touch-target flex w-full min-w-0 items-center gap-2 rounded-md p-1.5 text-muted-foreground text-sm outline-none hover:bg-accent hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/60"
                >
                  {content}
                </button>
              ) : (
                <div
                  aria-current={active ? "step" : undefined}
                  className={cn(
                    "flex min-w-0 items-center gap-2 p-1.5 text-sm",
                    active ? "font-medium text-foreground" : "text-muted-foreground",
                  )}
                >
                  {content}
                </div>
              )}
              <div
                aria-hidden="true"
                className={cn("mt-1 h-1 rounded-full", step <= current ? "bg-primary" : "bg-muted")}
              />
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

"use client";

import { XIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { useT } from "@/lib/i18n/i18n-provider";

export type FilterChip = { key: string; label: string; onRemove: () => void };

/** The active filters as removable chips, with one way to clear them all. */
export function FilterChips({ chips, onClear }: { chips: FilterChip[]; onClear: () => void }) {
  const t = useT();
  if (chips.length === 0) return null;
  return (
    <ul aria-label={t("table.activeFilters")} className="flex flex-wrap items-center gap-2">
      {chips.map((chip) => (
        <li key={chip.key}>
          <Button
            variant="secondary"
            size="sm"
            className="rounded-full"
            onClick={chip.onRemove}
            aria-label={t("table.removeFilter", { filter: chip.label })}
          >
            {chip.label}
            <XIcon aria-hidden="true" />
          </Button>
        </li>
      ))}
      <li>
        <Button variant="ghost" size="sm" onClick={onClear}>
          {t("table.clearFilters")}
        </Button>
      </li>
    </ul>
  );
}

"use client";

import { useEffect, useId, useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useT } from "@/lib/i18n/i18n-provider";
import { formatOffset, isValidZone, offsetMinutesAt } from "@/lib/schedule";

/** The browser's zone, or UTC where it cannot say. */
export function browserZone(): string {
  try {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    return zone && isValidZone(zone) ? zone : "UTC";
  } catch {
    return "UTC";
  }
}

function zoneNames(): string[] {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: string) => string[] };
  const names = intl.supportedValuesOf?.("timeZone") ?? [];
  return names.includes("UTC") ? names : ["UTC", ...names];
}

type ZoneSelectProps = {
  zone: string;
  onZoneChange: (zone: string) => void;
  now: Date;
  /** What the zone is used for (default: entering a schedule's times). */
  description?: string;
};

/**
 * A searchable IANA zone field (typing filters the browser's list), the zone's offset now, and UTC
 * always beside it. Only valid zones reach the builder; what is typed stays while it is invalid.
 */
export function ZoneSelect({ zone, onZoneChange, now, description }: ZoneSelectProps) {
  const t = useT();
  const listId = useId();
  const [draft, setDraft] = useState(zone);
  const names = useMemo(zoneNames, []);
  useEffect(() => setDraft(zone), [zone]);
  const valid = isValidZone(draft.trim());
  const offset = formatOffset(offsetMinutesAt(zone, now));
  const mine = browserZone();

  return (
    <div className="grid gap-2">
      <Field
        label={t("schedule.zone")}
        description={description ?? t("schedule.zoneHint", { offset })}
        error={valid ? undefined : t("schedule.zoneInvalid")}
      >
        {(control) => (
          <div className="flex flex-wrap items-center gap-2">
            <Input
              {...control}
              list={listId}
              value={draft}
              autoComplete="off"
              spellCheck={false}
              className="max-w-72"
              onChange={(event) => {
                setDraft(event.target.value);
                const next = event.target.value.trim();
                if (isValidZone(next)) onZoneChange(next);
              }}
            />
            <span className="text-muted-foreground text-sm tabular-nums" data-testid="zone-offset">
              {zone} = {offset} · UTC
            </span>
            {mine !== zone ? (
              <Button type="button" variant="outline" size="sm" onClick={() => onZoneChange(mine)}>
                {t("schedule.zoneBrowser", { zone: mine })}
              </Button>
            ) : null}
          </div>
        )}
      </Field>
      <datalist id={listId}>
        {names.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
    </div>
  );
}

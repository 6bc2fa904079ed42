"use client";

import { SearchIcon } from "lucide-react";
import { type FormEvent, useEffect, useId, useState } from "react";
import { NativeSelect } from "@/components/data-table/native-select";
import { StatusGlyph } from "@/components/status/status-icon";
import { statusMeta } from "@/components/status/status-meta";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useT } from "@/lib/i18n/i18n-provider";
import {
  type BackupSearch,
  CBR_RESOURCE_TYPES,
  FILTER_STATUSES,
  IMAGE_TYPES,
  MAX_STATUSES,
  RESOURCE_TYPES,
} from "@/lib/schemas/backups";
import { cn } from "@/lib/utils";

type BackupFiltersProps = {
  search: BackupSearch;
  /** CSBS policies or CBR vaults, for the group filter. */
  groups: { id: string; name: string }[];
  onChange: (patch: Partial<BackupSearch>) => void;
};

const day = (iso: string | undefined) => (iso ? iso.slice(0, 10) : "");

/**
 * Everything the list APIs filter on. Text applies on Enter or the search button (one request, not
 * one per keystroke); choices apply at once. Times are whole days in UTC, as the cloud stores them.
 */
export function BackupFilters({ search, groups, onChange }: BackupFiltersProps) {
  const t = useT();
  const ids = { name: useId(), server: useId(), az: useId(), from: useId(), to: useId() };
  const groupId = useId();
  const typeId = useId();
  const imageId = useId();
  const [name, setName] = useState(search.name ?? "");
  const [server, setServer] = useState(search.server ?? "");
  const [az, setAz] = useState(search.az ?? "");
  // The URL wins when it changes from elsewhere (a chip removed, Back).
  useEffect(() => setName(search.name ?? ""), [search.name]);
  useEffect(() => setServer(search.server ?? ""), [search.server]);
  useEffect(() => setAz(search.az ?? ""), [search.az]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const clean = (value: string) => value.trim() || undefined;
    onChange({ name: clean(name), server: clean(server), az: clean(az) });
  };

  const statuses = FILTER_STATUSES[search.service];
  const multi = MAX_STATUSES[search.service] > 1;
  const toggleStatus = (status: string) => {
    const on = search.status.includes(status);
    if (multi) {
      onChange({
        status: on ? search.status.filter((s) => s !== status) : [...search.status, status],
      });
    } else {
      onChange({ status: on ? [] : [status] });
    }
  };
  const csbs = search.service === "csbs";
  const types = csbs ? RESOURCE_TYPES : CBR_RESOURCE_TYPES;

  return (
    <div className="grid gap-3">
      <fieldset className="flex flex-wrap items-center gap-1.5">
        <legend className="sr-only">
          {t(multi ? "backups.filter.statusMany" : "backups.filter.statusOne")}
        </legend>
        <span aria-hidden="true" className="mr-1 text-muted-foreground text-sm">
          {t("backups.filter.status")}
        </span>
        {statuses.map((status) => {
          const meta = statusMeta(status);
          const on = search.status.includes(status);
          return (
            <Button
              key={status}
              type="button"
              size="sm"
              variant={on ? "secondary" : "ghost"}
              aria-pressed={on}
              onClick={() => toggleStatus(status)}
              className={cn(
                "rounded-full border",
                on ? "border-foreground/30" : "border-transparent",
              )}
            >
              <StatusGlyph icon={meta.icon} />
              {t(meta.label)}
            </Button>
          );
        })}
      </fieldset>
      <form
        onSubmit={submit}
        aria-label={t("backups.filter.label")}
        className="grid grid-cols-2 items-end gap-3 md:grid-cols-4 xl:grid-cols-8"
      >
        <div className="col-span-2 grid gap-1.5 md:col-span-1 xl:col-span-2">
          <Label htmlFor={ids.name}>{t("backups.filter.name")}</Label>
          <Input
            id={ids.name}
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={64}
            placeholder={t("backups.filter.namePlaceholder")}
          />
        </div>
        <div className="col-span-2 grid gap-1.5 md:col-span-1 xl:col-span-2">
          <Label htmlFor={ids.server}>{t("backups.filter.server")}</Label>
          <Input
            id={ids.server}
            value={server}
            onChange={(e) => setServer(e.target.value)}
            maxLength={64}
            placeholder={t("backups.filter.serverPlaceholder")}
          />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor={ids.az}>{t("backups.filter.az")}</Label>
          <Input id={ids.az} value={az} onChange={(e) => setAz(e.target.value)} maxLength={64} />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor={groupId}>
            {t(csbs ? "backups.filter.policy" : "backups.filter.vault")}
          </Label>
          <NativeSelect
            id={groupId}
            value={(csbs ? search.policy : search.vault) ?? ""}
            onChange={(e) => {
              const value = e.target.value || undefined;
              onChange(csbs ? { policy: value } : { vault: value });
            }}
          >
            <option value="">{t("backups.filter.any")}</option>
            {groups.map((group) => (
              <option key={group.id} value={group.id}>
                {group.name}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor={ids.from}>{t("backups.filter.from")}</Label>
          <Input
            id={ids.from}
            type="date"
            value={day(search.from)}
            max={day(search.to) || undefined}
            onChange={(e) =>
              onChange({ from: e.target.value ? `${e.target.value}T00:00:00.000Z` : undefined })
            }
          />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor={ids.to}>{t("backups.filter.to")}</Label>
          <Input
            id={ids.to}
            type="date"
            value={day(search.to)}
            min={day(search.from) || undefined}
            onChange={(e) =>
              onChange({ to: e.target.value ? `${e.target.value}T23:59:59.999Z` : undefined })
            }
          />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor={typeId}>{t("backups.filter.type")}</Label>
          <NativeSelect
            id={typeId}
            value={search.type ?? ""}
            onChange={(e) => onChange({ type: e.target.value || undefined })}
          >
            <option value="">{t("backups.filter.any")}</option>
            {types.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor={imageId}>{t("backups.filter.image")}</Label>
          <NativeSelect
            id={imageId}
            value={search.image ?? ""}
            onChange={(e) => onChange({ image: e.target.value || undefined })}
          >
            <option value="">{t("backups.filter.any")}</option>
            {IMAGE_TYPES.map((image) => (
              <option key={image} value={image}>
                {image}
              </option>
            ))}
          </NativeSelect>
        </div>
        <Button type="submit" className="col-span-2 md:col-span-1">
          <SearchIcon aria-hidden="true" />
          {t("backups.filter.apply")}
        </Button>
      </form>
    </div>
  );
}

"use client";

import { SearchIcon } from "lucide-react";
import { type FormEvent, useEffect, useId, useState } from "react";
import { NativeSelect } from "@/components/data-table/native-select";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useT } from "@/lib/i18n/i18n-provider";
import {
  ACTIVITY_ACTIONS,
  ACTIVITY_RESULTS,
  type ActivityAction,
  type ActivitySearch,
} from "@/lib/schemas/activity";

type Props = { search: ActivitySearch; onChange: (patch: Partial<ActivitySearch>) => void };

const TEXT_KEYS = ["user", "project", "target"] as const;

/**
 * Text applies on Enter or the search button (one request, not one per keystroke); the action,
 * results and days apply at once. Days are whole days in UTC, as the entries are stored.
 */
export function ActivityFilters({ search, onChange }: Props) {
  const t = useT();
  const ids = {
    action: useId(),
    user: useId(),
    project: useId(),
    target: useId(),
    from: useId(),
    to: useId(),
  };
  const [text, setText] = useState({
    user: search.user,
    project: search.project,
    target: search.target,
  });
  // The URL wins when it changes from elsewhere (a chip removed, Back).
  useEffect(
    () => setText({ user: search.user, project: search.project, target: search.target }),
    [search.user, search.project, search.target],
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange({ user: text.user.trim(), project: text.project.trim(), target: text.target.trim() });
  };
  const toggleResult = (result: (typeof ACTIVITY_RESULTS)[number]) =>
    onChange({
      results: search.results.includes(result)
        ? search.results.filter((r) => r !== result)
        : [...search.results, result],
    });

  return (
    <form
      onSubmit={submit}
      className="grid gap-3 rounded-lg border p-3"
      aria-label={t("activity.filters")}
    >
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <div className="grid gap-1">
          <Label htmlFor={ids.action}>{t("activity.col.action")}</Label>
          <NativeSelect
            id={ids.action}
            value={search.actions.length === 1 ? search.actions[0] : ""}
            onChange={(e) =>
              onChange({ actions: e.target.value ? [e.target.value as ActivityAction] : [] })
            }
          >
            <option value="">{t("activity.filter.allActions")}</option>
            {ACTIVITY_ACTIONS.map((action) => (
              <option key={action} value={action}>
                {t(`activity.action.${action}`)}
              </option>
            ))}
          </NativeSelect>
        </div>
        {TEXT_KEYS.map((key) => (
          <div key={key} className="grid gap-1">
            <Label htmlFor={ids[key]}>{t(`activity.col.${key}`)}</Label>
            <Input
              id={ids[key]}
              value={text[key]}
              maxLength={128}
              onChange={(e) => setText((prev) => ({ ...prev, [key]: e.target.value }))}
            />
          </div>
        ))}
        <div className="grid gap-1">
          <Label htmlFor={ids.from}>{t("activity.filter.from")}</Label>
          <Input
            id={ids.from}
            type="date"
            value={search.from}
            onChange={(e) => onChange({ from: e.target.value })}
          />
        </div>
        <div className="grid gap-1">
          <Label htmlFor={ids.to}>{t("activity.filter.to")}</Label>
          <Input
            id={ids.to}
            type="date"
            value={search.to}
            onChange={(e) => onChange({ to: e.target.value })}
          />
        </div>
      </div>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <fieldset className="flex flex-wrap items-center gap-2">
          <legend className="sr-only">{t("activity.col.result")}</legend>
          {ACTIVITY_RESULTS.map((result) => (
            <Button
              key={result}
              type="button"
              size="sm"
              variant={search.results.includes(result) ? "secondary" : "outline"}
              aria-pressed={search.results.includes(result)}
              onClick={() => toggleResult(result)}
            >
              {t(`activity.result.${result}`)}
            </Button>
          ))}
        </fieldset>
        <Button type="submit" size="sm">
          <SearchIcon aria-hidden="true" />
          {t("activity.filter.apply")}
        </Button>
      </div>
    </form>
  );
}

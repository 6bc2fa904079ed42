"use client";

import { AlertTriangleIcon, ClockIcon, InfoIcon, PlusIcon, XIcon } from "lucide-react";
import { useId, useMemo, useState } from "react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useLocale, useT } from "@/lib/i18n/i18n-provider";
import type { MessageKey } from "@/lib/i18n/messages";
import type { Translate } from "@/lib/i18n/translate";
import {
  checkCloudRules,
  type Drift,
  findCloseRuns,
  formatOffset,
  type LocalGrid,
  nextRunsInZone,
  rulesToGrid,
  summarize,
  WEEKDAYS,
  type Weekday,
  wallClock,
} from "@/lib/schedule";
import {
  addTime,
  cellKey,
  closeCells,
  daysOf,
  formatTime,
  isRectangular,
  type PatternDialect,
  PRESETS,
  type PresetId,
  parseTime,
  presetGrid,
  readPattern,
  removeTime,
  timesOf,
  toggleCell,
  toggleDay,
  usualMinute,
  writePattern,
} from "./builder-model";
import { WeekGrid } from "./week-grid";
import { ZoneSelect } from "./zone-select";

export const DAY_KEYS: Record<Weekday, MessageKey> = {
  MO: "schedule.day.MO",
  TU: "schedule.day.TU",
  WE: "schedule.day.WE",
  TH: "schedule.day.TH",
  FR: "schedule.day.FR",
  SA: "schedule.day.SA",
  SU: "schedule.day.SU",
};
const PRESET_KEYS: Record<PresetId, MessageKey> = {
  every4h: "schedule.preset.every4h",
  every12h: "schedule.preset.every12h",
  nightly: "schedule.preset.nightly",
  weekdays: "schedule.preset.weekdays",
};

type ScheduleBuilderProps = {
  /** The pattern text (UTC), the form's value and the one source of truth. */
  pattern: string;
  /** CSBS: one iCalendar document; CBR: one RRULE per line (the form keeps them as a list). */
  dialect?: PatternDialect;
  onPatternChange: (pattern: string) => void;
  zone: string;
  onZoneChange: (zone: string) => void;
  /** The instant whose zone offset converts local times (fixed while the editor is open). */
  now: Date;
  /** A message for the pattern from outside (the form's rule, or the cloud's refusal). */
  error?: string | undefined;
  /** Called with the textarea so that the form can focus the field in error. */
  patternRef?: (element: HTMLTextAreaElement | null) => void;
};

/**
 * The visual schedule builder: days and times (with presets), the week grid, the zone, the
 * problems where they are, the DST drift, the next 10 runs in local time and UTC, the summary and
 * the raw pattern, all kept in sync through the pattern text.
 */
export function ScheduleBuilder({
  pattern,
  dialect = "csbs",
  onPatternChange,
  zone,
  onZoneChange,
  now,
  error,
  patternRef,
}: ScheduleBuilderProps) {
  const t = useT();
  const locale = useLocale();
  const ids = useId();
  const reading = useMemo(
    () => readPattern(pattern, zone, now, dialect),
    [pattern, zone, now, dialect],
  );
  const editable = reading.kind === "grid" || reading.kind === "empty";
  const grid: LocalGrid = reading.kind === "grid" ? reading.grid : [];
  const rules = reading.kind === "grid" || reading.kind === "readonly" ? reading.rules : [];
  const offsetMinutes = reading.kind === "grid" ? reading.offsetMinutes : 0;
  const [emptyDays, setEmptyDays] = useState<Weekday[]>([...WEEKDAYS]);
  const days = grid.length > 0 ? daysOf(grid) : emptyDays;
  const times = timesOf(grid);
  const [newTime, setNewTime] = useState("02:00");
  const [timeError, setTimeError] = useState<string | null>(null);

  const apply = (next: LocalGrid) => onPatternChange(writePattern(next, zone, now, dialect));
  const problems = useMemo(() => (rules.length > 0 ? checkCloudRules(rules) : []), [rules]);
  const closePairs = useMemo(() => (rules.length > 0 ? findCloseRuns(rules) : []), [rules]);
  const close = useMemo(
    () => (reading.kind === "grid" ? closeCells(rules, offsetMinutes) : new Set<string>()),
    [reading.kind, rules, offsetMinutes],
  );
  const runs = useMemo(
    () => (rules.length > 0 && problems.length === 0 ? nextRunsInZone(rules, now, 10, zone) : []),
    [rules, problems, now, zone],
  );
  const summary =
    rules.length > 0 && problems.length === 0
      ? summarize(rules, { zone, locale, refDate: now })
      : null;
  // The grid of a read-only pattern still shows its runs (when it repeats weekly).
  const shownGrid = useMemo(() => {
    if (reading.kind !== "readonly") return grid;
    const view = rulesToGrid(rules, zone, now);
    return view.ok ? view.grid : [];
  }, [reading.kind, grid, rules, zone, now]);
  const byCell = useMemo(() => {
    const map = new Map<string, string[]>();
    for (const slot of shownGrid) {
      const key = cellKey(slot.day, slot.hour);
      map.set(key, [...(map.get(key) ?? []), formatTime(slot)]);
    }
    return map;
  }, [shownGrid]);

  const setDaily = (daily: boolean) => {
    if (!daily) return;
    if (grid.length === 0) setEmptyDays([...WEEKDAYS]);
    else apply(WEEKDAYS.reduce((g, d) => toggleDay(g, d, true), grid));
  };
  const onDay = (day: Weekday) => {
    const on = !days.includes(day);
    if (grid.length === 0) {
      setEmptyDays(
        on ? WEEKDAYS.filter((d) => d === day || days.includes(d)) : days.filter((d) => d !== day),
      );
    } else if (!on && days.length === 1) {
      // The last day leaves with its runs; keep the day list for the next time added.
      setEmptyDays([]);
      apply([]);
    } else {
      apply(toggleDay(grid, day, on));
    }
  };
  const onAddTime = () => {
    const time = parseTime(newTime);
    if (!time) {
      setTimeError(t("schedule.timeInvalid"));
      return;
    }
    if (days.length === 0) {
      setTimeError(t("schedule.chooseDay"));
      return;
    }
    setTimeError(null);
    apply(addTime(grid, days, time));
  };

  const dayLabel = (d: Weekday) => t(DAY_KEYS[d]);
  const dailyMode = days.length === 7;
  const gridHintId = `${ids}-grid-hint`;
  const patternId = `${ids}-pattern`;
  const patternErrorId = `${ids}-pattern-error`;
  // One message per problem: the grid shows the cloud's rules, the pattern field everything else.
  const patternMessage =
    reading.kind === "invalid"
      ? t("schedule.invalid", { detail: reading.problem.message })
      : problems.length > 0
        ? undefined
        : error;

  return (
    <div className="grid min-w-0 gap-5 [&>*]:min-w-0" data-testid="schedule-builder">
      <ZoneSelect zone={zone} onZoneChange={onZoneChange} now={now} />

      {reading.kind === "readonly" ? (
        <Alert variant="info" data-testid="schedule-readonly">
          <InfoIcon aria-hidden="true" />
          <AlertTitle>{t("schedule.readonlyTitle")}</AlertTitle>
          <AlertDescription>
            <p>
              {reading.reason === "rewrites"
                ? t("schedule.readonly.rewrites")
                : t("schedule.readonly.notWeekly", { detail: reading.problem?.message ?? "" })}
            </p>
            <Button
              type="button"
              variant="outline"
              size="sm"
              className="mt-2"
              onClick={() => {
                if (reading.reason === "rewrites") {
                  const view = rulesToGrid(reading.rules, zone, now);
                  apply(view.ok ? view.grid : []);
                } else {
                  onPatternChange("");
                }
              }}
            >
              {reading.reason === "rewrites" ? t("schedule.useBuilder") : t("schedule.startOver")}
            </Button>
          </AlertDescription>
        </Alert>
      ) : null}

      <fieldset disabled={!editable} className="grid gap-4 disabled:opacity-60">
        <legend className="sr-only">{t("schedule.title")}</legend>
        <fieldset className="grid gap-2">
          <legend className="mb-2 font-medium text-sm">{t("schedule.presets")}</legend>
          <div className="flex flex-wrap gap-2">
            {(Object.keys(PRESETS) as PresetId[]).map((id) => (
              <Button
                key={id}
                type="button"
                variant="secondary"
                size="sm"
                onClick={() => apply(presetGrid(id))}
              >
                <ClockIcon aria-hidden="true" />
                {t(PRESET_KEYS[id])}
              </Button>
            ))}
          </div>
        </fieldset>

        <fieldset className="grid gap-2">
          <legend className="mb-2 font-medium text-sm">{t("schedule.repeat")}</legend>
          <div className="flex flex-wrap gap-2">
            <Button
              type="button"
              size="sm"
              variant={dailyMode ? "default" : "outline"}
              aria-pressed={dailyMode}
              onClick={() => setDaily(true)}
            >
              {t("schedule.daily")}
            </Button>
            <span className="mx-1 self-center text-muted-foreground text-sm">
              {t("schedule.or")}
            </span>
            {WEEKDAYS.map((d) => (
              <Button
                key={d}
                type="button"
                size="sm"
                variant={days.includes(d) ? "default" : "outline"}
                aria-pressed={days.includes(d)}
                aria-label={t("schedule.dayToggle", { day: dayLabel(d) })}
                onClick={() => onDay(d)}
                className="min-w-12"
              >
                {dayLabel(d)}
              </Button>
            ))}
          </div>
        </fieldset>

        <div className="grid gap-2">
          <span className="font-medium text-sm" id={`${ids}-times`}>
            {t("schedule.times", { zone })}
          </span>
          <ul className="flex flex-wrap gap-2" aria-labelledby={`${ids}-times`}>
            {times.length === 0 ? (
              <li className="text-muted-foreground text-sm">{t("schedule.noTimes")}</li>
            ) : (
              times.map((time) => (
                <li
                  key={formatTime(time)}
                  className="flex items-center rounded-md border bg-muted/50 pl-3 text-sm tabular-nums"
                >
                  {formatTime(time)}
                  <Button
                    type="button"
                    variant="ghost"
                    size="icon"
                    aria-label={t("schedule.removeTime", { time: formatTime(time) })}
                    onClick={() => apply(removeTime(grid, time))}
                  >
                    <XIcon aria-hidden="true" />
                  </Button>
                </li>
              ))
            )}
          </ul>
          {grid.length > 0 && !isRectangular(grid) ? (
            <p className="text-muted-foreground text-sm">{t("schedule.irregular")}</p>
          ) : null}
          <div className="flex flex-wrap items-end gap-2">
            <div className="grid gap-1">
              <Label htmlFor={`${ids}-new-time`}>{t("schedule.newTime")}</Label>
              <Input
                id={`${ids}-new-time`}
                type="time"
                step={60}
                value={newTime}
                aria-invalid={timeError ? true : undefined}
                aria-describedby={timeError ? `${ids}-time-error` : undefined}
                onChange={(event) => setNewTime(event.target.value)}
                onKeyDown={(event) => {
                  if (event.key === "Enter") {
                    event.preventDefault();
                    onAddTime();
                  }
                }}
                className="w-36"
              />
            </div>
            <Button type="button" variant="outline" onClick={onAddTime}>
              <PlusIcon aria-hidden="true" />
              {t("schedule.addTime")}
            </Button>
          </div>
          {timeError ? (
            <p id={`${ids}-time-error`} className="font-medium text-destructive text-sm">
              {timeError}
            </p>
          ) : null}
        </div>
      </fieldset>

      <div className="grid gap-2 [&>*]:min-w-0">
        <span className="font-medium text-sm">{t("schedule.grid", { zone })}</span>
        <p id={gridHintId} className="text-muted-foreground text-sm">
          {editable
            ? t("schedule.gridHint", { minute: String(usualMinute(grid)).padStart(2, "0") })
            : t("schedule.gridReadonly")}
        </p>
        <WeekGrid
          label={t("schedule.gridLabel", { zone })}
          describedBy={gridHintId}
          dayLabel={dayLabel}
          disabled={!editable}
          onToggle={(day, hour) => apply(toggleCell(grid, day, hour))}
          cell={(day, hour) => {
            const key = cellKey(day, hour);
            const at = byCell.get(key);
            const isClose = close.has(key);
            const state = at
              ? isClose
                ? t("schedule.cellClose", { times: at.join(", ") })
                : t("schedule.cellRuns", { times: at.join(", ") })
              : t("schedule.cellEmpty");
            return {
              label: t("schedule.cell", {
                day: dayLabel(day),
                hour: String(hour).padStart(2, "0"),
                state,
              }),
              tone: at ? (isClose ? "close" : "run") : "empty",
              pressed: Boolean(at),
              content: at ? (at.length > 1 ? `×${at.length}` : at[0]?.slice(3)) : null,
            };
          }}
        />
        {closePairs.length > 0 ? (
          <ul className="grid gap-1" data-testid="schedule-close-runs">
            {closePairs.slice(0, 5).map((pair) => (
              <li
                key={`${pair.first}-${pair.second}`}
                className="flex items-start gap-2 font-medium text-destructive text-sm"
              >
                <AlertTriangleIcon className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
                {t("schedule.close", {
                  first: pair.first,
                  second: pair.second,
                  gap: pair.gapMinutes,
                })}
              </li>
            ))}
          </ul>
        ) : null}
        {problems
          .filter((p) => closePairs.length === 0 || !/apart|same instant/i.test(p.message))
          .map((p) => (
            <p key={p.message} className="font-medium text-destructive text-sm" role="alert">
              {t("schedule.cloudRule", { detail: p.message })}
            </p>
          ))}
      </div>

      {reading.kind === "grid" ? (
        <DriftNote drift={reading.drift} zone={zone} grid={grid} t={t} />
      ) : null}

      <div className="grid gap-4 lg:grid-cols-2">
        <div className="grid content-start gap-2">
          <span className="font-medium text-sm">{t("schedule.summary")}</span>
          <p className="text-sm" data-testid="schedule-summary">
            {summary ?? t("schedule.noRuns")}
          </p>
          <span className="mt-2 font-medium text-sm">{t("schedule.nextRuns")}</span>
          <NextRuns runs={runs} zone={zone} t={t} />
        </div>
        <div className="grid content-start gap-2">
          <Label htmlFor={patternId}>
            {t(dialect === "cbr" ? "schedule.patternCbr" : "schedule.pattern")}
          </Label>
          <textarea
            id={patternId}
            ref={patternRef}
            name="pattern"
            value={pattern}
            rows={7}
            spellCheck={false}
            autoCapitalize="none"
            autoCorrect="off"
            aria-invalid={patternMessage ? true : undefined}
            aria-describedby={`${ids}-pattern-hint${patternMessage ? ` ${patternErrorId}` : ""}`}
            onChange={(event) => onPatternChange(event.target.value)}
            className="w-full rounded-md border border-input bg-background px-3 py-2 font-mono text-xs shadow-xs outline-none focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/50 aria-invalid:border-destructive dark:bg-input/20"
          />
          <p id={`${ids}-pattern-hint`} className="text-muted-foreground text-sm">
            {t("schedule.patternHint")}
          </p>
          {patternMessage ? (
            <p id={patternErrorId} className="font-medium text-destructive text-sm">
              {patternMessage}
            </p>
          ) : null}
        </div>
      </div>
    </div>
  );
}

function NextRuns({
  runs,
  zone,
  t,
}: {
  runs: ReturnType<typeof nextRunsInZone>;
  zone: string;
  t: Translate;
}) {
  if (runs.length === 0)
    return <p className="text-muted-foreground text-sm">{t("schedule.noRuns")}</p>;
  return (
    <section
      aria-label={t("schedule.nextRuns")}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a horizontally scrolling region must be reachable by keyboard (WCAG 2.1.1)
      tabIndex={0}
      className="overflow-x-auto rounded-md border outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
    >
      <table className="w-full text-sm tabular-nums" data-testid="schedule-next-runs">
        <thead className="bg-muted text-left">
          <tr>
            <th scope="col" className="px-3 py-1.5 font-medium">
              {t("schedule.local", { zone })}
            </th>
            <th scope="col" className="px-3 py-1.5 font-medium">
              {t("schedule.utc")}
            </th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.at.toISOString()} className="border-t" data-utc={run.at.toISOString()}>
              <td className="px-3 py-1.5">
                {t(DAY_KEYS[run.local.day])} {run.local.date} {run.local.time}{" "}
                <span className="text-muted-foreground text-xs">{run.local.offset}</span>
              </td>
              <td className="px-3 py-1.5 text-muted-foreground">
                {t(DAY_KEYS[run.utc.day])} {run.utc.date} {run.utc.time}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** What DST does to a schedule kept in UTC: the local time of every run moves at each change. */
function DriftNote({
  drift,
  zone,
  grid,
  t,
}: {
  drift: Drift[];
  zone: string;
  grid: LocalGrid;
  t: Translate;
}) {
  if (drift.length === 0 || grid.length === 0) return null;
  const first = drift.find((d) => d.shiftMinutes !== 0);
  if (!first) return null;
  const back = drift.find((d) => d.at > first.at && d.shiftMinutes === 0);
  const sample = grid[0];
  const shifted = sample ? sample.hour * 60 + sample.minute + first.shiftMinutes : 0;
  const wrap = ((shifted % 1440) + 1440) % 1440;
  const to = { hour: Math.floor(wrap / 60), minute: wrap % 60 };
  const minutes = Math.abs(first.shiftMinutes);
  return (
    <Alert variant="warning" data-testid="schedule-drift">
      <AlertTriangleIcon aria-hidden="true" />
      <AlertTitle>{t("schedule.driftTitle")}</AlertTitle>
      <AlertDescription>
        <p>
          {t("schedule.drift", {
            date: wallClock(first.at, zone).date,
            zone,
            offset: formatOffset(first.offsetMinutes),
            shift:
              first.shiftMinutes > 0
                ? t("schedule.later", { minutes })
                : t("schedule.earlier", { minutes }),
            from: sample ? formatTime(sample) : "",
            to: formatTime(to),
          })}
        </p>
        {back ? (
          <p>
            {t("schedule.driftBack", {
              date: wallClock(back.at, zone).date,
              offset: formatOffset(back.offsetMinutes),
            })}
          </p>
        ) : null}
      </AlertDescription>
    </Alert>
  );
}

"use client";

import { type KeyboardEvent, type ReactNode, useRef, useState } from "react";
import { WEEKDAYS, type Weekday } from "@/lib/schedule";
import { cn } from "@/lib/utils";

export type WeekGridCell = {
  /** Read by screen readers and shown on hover: the day, the hour and what is in it. */
  label: string;
  content?: ReactNode;
  /** Visual state; every state is also in `label` (colour is never the only signal). */
  tone?: "empty" | "run" | "close" | "heat-1" | "heat-2" | "heat-3" | "heat-4";
  pressed?: boolean;
};

type WeekGridProps = {
  /** Names the grid ("Week grid, Europe/Berlin"). */
  label: string;
  dayLabel: (day: Weekday) => string;
  cell: (day: Weekday, hour: number) => WeekGridCell;
  /** Makes the cells buttons (tap, Space or Enter toggles); without it the grid only shows. */
  onToggle?: (day: Weekday, hour: number) => void;
  disabled?: boolean;
  describedBy?: string;
};

const HOURS = Array.from({ length: 24 }, (_, h) => h);

const toneClass: Record<NonNullable<WeekGridCell["tone"]>, string> = {
  empty: "bg-background hover:bg-accent",
  run: "bg-primary text-primary-foreground hover:bg-primary/85",
  close:
    "bg-destructive text-destructive-foreground hover:bg-destructive/85 ring-2 ring-destructive ring-inset",
  "heat-1": "bg-primary/20 text-foreground",
  "heat-2": "bg-primary/45 text-foreground",
  "heat-3": "bg-primary/70 text-primary-foreground",
  "heat-4": "bg-primary text-primary-foreground",
};

/**
 * The 7 × 24 week (days as rows, hours as columns), the primary view of a schedule. Interactive
 * grids follow the ARIA grid pattern: one tab stop, arrow keys (and Home/End) move between cells,
 * Space or Enter toggles; every cell is at least 44 px on touch screens and scrolls sideways on
 * narrow ones rather than shrinking below that.
 */
export function WeekGrid({
  label,
  dayLabel,
  cell,
  onToggle,
  disabled,
  describedBy,
}: WeekGridProps) {
  const [focus, setFocus] = useState<{ row: number; col: number }>({ row: 0, col: 0 });
  const refs = useRef(new Map<string, HTMLButtonElement>());
  const interactive = onToggle !== undefined && !disabled;

  const move = (row: number, col: number) => {
    const r = Math.max(0, Math.min(6, row));
    const c = Math.max(0, Math.min(23, col));
    setFocus({ row: r, col: c });
    refs.current.get(`${r}-${c}`)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const { row, col } = focus;
    const moves: Record<string, [number, number]> = {
      ArrowRight: [row, col + 1],
      ArrowLeft: [row, col - 1],
      ArrowDown: [row + 1, col],
      ArrowUp: [row - 1, col],
      Home: [row, 0],
      End: [row, 23],
    };
    const target = moves[event.key];
    if (target) {
      event.preventDefault();
      move(target[0], target[1]);
    }
  };

  // `relative`: the cells' screen-reader text is absolutely positioned; it must scroll and clip
  // with the grid, not widen the page.
  // A read-only grid has no focusable cell: the scrolling wrapper itself must be reachable by
  // keyboard (WCAG 2.1.1), as the Table primitive does.
  return (
    <div
      className="relative overflow-x-auto rounded-md border outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
      {...(interactive ? {} : { role: "region", "aria-label": label, tabIndex: 0 })}
    >
      <table
        role={interactive ? "grid" : undefined}
        aria-label={label}
        aria-describedby={describedBy}
        aria-disabled={onToggle && disabled ? true : undefined}
        className="w-full border-collapse text-xs tabular-nums"
        onKeyDown={interactive ? onKeyDown : undefined}
      >
        <thead>
          <tr>
            <th scope="col" className="sticky left-0 z-10 bg-muted px-2 text-left font-medium">
              <span className="sr-only">{label}</span>
            </th>
            {HOURS.map((h) => (
              <th
                key={h}
                scope="col"
                className="min-w-8 bg-muted px-0.5 py-1 text-center font-normal text-muted-foreground"
              >
                {String(h).padStart(2, "0")}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {WEEKDAYS.map((day, row) => (
            <tr key={day}>
              <th
                scope="row"
                className="sticky left-0 z-10 bg-muted px-2 text-left font-medium whitespace-nowrap"
              >
                {dayLabel(day)}
              </th>
              {HOURS.map((hour, col) => {
                const c = cell(day, hour);
                const tone = toneClass[c.tone ?? "empty"];
                const base =
                  "flex h-9 w-full min-w-8 items-center justify-center border-l border-t text-[10px] leading-none [@media(pointer:coarse)]:h-11 [@media(pointer:coarse)]:min-w-11";
                return (
                  <td
                    key={hour}
                    role={interactive ? "gridcell" : undefined}
                    className="p-0"
                    title={c.label}
                  >
                    {onToggle ? (
                      <button
                        type="button"
                        ref={(el) => {
                          if (el) refs.current.set(`${row}-${col}`, el);
                          else refs.current.delete(`${row}-${col}`);
                        }}
                        tabIndex={focus.row === row && focus.col === col ? 0 : -1}
                        aria-label={c.label}
                        aria-pressed={c.pressed ?? false}
                        disabled={disabled}
                        data-cell={`${day}-${hour}`}
                        onFocus={() => setFocus({ row, col })}
                        onClick={() => onToggle(day, hour)}
                        className={cn(
                          base,
                          tone,
                          "outline-none focus-visible:relative focus-visible:z-20 focus-visible:ring-[3px] focus-visible:ring-ring disabled:cursor-not-allowed disabled:opacity-60",
                        )}
                      >
                        {c.content}
                      </button>
                    ) : (
                      <div className={cn(base, tone)} data-cell={`${day}-${hour}`}>
                        <span className="sr-only">{c.label}</span>
                        <span aria-hidden="true">{c.content}</span>
                      </div>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

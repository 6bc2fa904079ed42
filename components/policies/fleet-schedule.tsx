"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useMemo, useState } from "react";
import { useSession } from "@/components/layout/session-provider";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { cbrPoliciesQuery } from "@/lib/api/cbr-policies";
import { policiesQuery } from "@/lib/api/policies";
import { useT } from "@/lib/i18n/i18n-provider";
import { formatOffset, offsetMinutesAt } from "@/lib/schedule";
import { type FleetCell, type FleetPolicy, fleetWeek } from "../schedule/builder-model";
import { DAY_KEYS } from "../schedule/schedule-builder";
import { WeekGrid, type WeekGridCell } from "../schedule/week-grid";
import { browserZone, ZoneSelect } from "../schedule/zone-select";

function heat(cell: FleetCell | undefined, max: number): WeekGridCell["tone"] {
  if (!cell || cell.servers === 0 || max === 0) return "empty";
  const share = cell.servers / max;
  if (share > 0.75) return "heat-4";
  if (share > 0.5) return "heat-3";
  if (share > 0.25) return "heat-2";
  return "heat-1";
}

/**
 * Both services' enabled backup policies on one grid: a CSBS policy backs up the servers it lists,
 * a CBR policy every resource of the vaults it is bound to. Shown once either list has come.
 */
export function BothServicesFleet() {
  const { services } = useSession();
  const csbs = useQuery({ ...policiesQuery(), enabled: services.csbs });
  const cbr = useQuery(cbrPoliciesQuery());
  const [zone, setZone] = useState("UTC");
  const [now, setNow] = useState<Date | null>(null);
  // The browser's zone and clock only after hydration: the server knows neither.
  useEffect(() => {
    setZone(browserZone());
    setNow(new Date());
  }, []);
  const policies = useMemo<FleetPolicy[]>(
    () => [
      ...(csbs.data?.policies ?? [])
        .filter((p) => p.enabled)
        .map((p) => ({ id: p.id, name: p.name, pattern: p.pattern, servers: p.resources.length })),
      ...(cbr.data ?? [])
        .filter((p) => p.enabled && p.operationType === "backup")
        .map((p) => ({
          id: p.id,
          name: p.name,
          pattern: p.pattern,
          servers: p.vaults.reduce((sum, v) => sum + (v.resources ?? 0), 0),
        })),
    ],
    [csbs.data, cbr.data],
  );
  if (!now || (!csbs.data && !cbr.data)) return null;
  return <FleetSchedule policies={policies} zone={zone} onZoneChange={setZone} now={now} />;
}

/**
 * Every enabled policy's runs of the coming week on one grid in the chosen zone, each hour with
 * the number of servers it backs up, so that crowded hours stand out.
 */
export function FleetSchedule({
  policies,
  zone,
  onZoneChange,
  now,
}: {
  policies: FleetPolicy[];
  zone: string;
  onZoneChange: (zone: string) => void;
  now: Date;
}) {
  const t = useT();
  const { cells, unreadable } = useMemo(
    () => fleetWeek(policies, zone, now),
    [policies, zone, now],
  );
  const max = Math.max(0, ...[...cells.values()].map((c) => c.servers));
  const busiest = [...cells.entries()].sort((a, b) => b[1].servers - a[1].servers)[0];

  return (
    <Card data-testid="fleet-schedule" className="min-w-0">
      <CardHeader>
        <CardTitle>
          <h2 className="text-lg">{t("policies.fleet.title")}</h2>
        </CardTitle>
        <CardDescription>{t("policies.fleet.hint", { zone })}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4 [&>*]:min-w-0">
        <ZoneSelect
          zone={zone}
          onZoneChange={onZoneChange}
          now={now}
          description={t("policies.fleet.zoneHint", {
            offset: formatOffset(offsetMinutesAt(zone, now)),
          })}
        />
        <WeekGrid
          label={t("policies.fleet.gridLabel", { zone })}
          dayLabel={(d) => t(DAY_KEYS[d])}
          cell={(day, hour) => {
            const cell = cells.get(`${day}-${hour}`);
            const hh = String(hour).padStart(2, "0");
            return {
              label: cell
                ? t("policies.fleet.cell", {
                    day: t(DAY_KEYS[day]),
                    hour: hh,
                    servers: cell.servers,
                    policies: cell.policies.join(", "),
                  })
                : t("policies.fleet.cellEmpty", { day: t(DAY_KEYS[day]), hour: hh }),
              tone: heat(cell, max),
              content: cell ? cell.servers : null,
            };
          }}
        />
        {busiest ? (
          <p className="text-sm">
            {t("policies.fleet.busiest", {
              day: t(DAY_KEYS[busiest[0].split("-")[0] as keyof typeof DAY_KEYS]),
              hour: String(busiest[0].split("-")[1]).padStart(2, "0"),
              servers: busiest[1].servers,
            })}
          </p>
        ) : (
          <p className="text-muted-foreground text-sm">{t("policies.fleet.none")}</p>
        )}
        {unreadable.length > 0 ? (
          <p className="text-muted-foreground text-sm">
            {t("policies.fleet.unreadable", { names: unreadable.join(", ") })}
          </p>
        ) : null}
      </CardContent>
    </Card>
  );
}

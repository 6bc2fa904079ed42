import "server-only";
import { type CbrPolicy, listBackups, listCbrPolicies, listVaults } from "@/lib/cloud/cbr";
import type { CloudContext } from "@/lib/cloud/context";
import {
  countCheckpointItems,
  csbsOffered,
  getQuotas,
  listCheckpointItems,
  listPolicies,
  type Policy,
} from "@/lib/cloud/csbs";
import { listAllServers, type Server } from "@/lib/cloud/ecs";
import { parseCbrPatterns, parseCsbsPattern, runsBetween } from "@/lib/schedule";
import {
  type BackupRow,
  cbrTime,
  csbsTime,
  FILTER_STATUSES,
  type OverviewResponse,
} from "@/lib/schemas/backups";
import { isRunningStatus } from "@/lib/status";
import { cbrProtectionByResource } from "@/lib/vaults";
import { cbrRow, csbsRow, policyByServer } from "../backups/backup-rows";

const DAY_MS = 86_400_000;
/** "No successful backup in the last N days" and the bar chart's width. */
export const COVERAGE_DAYS = 7;
export const CHART_DAYS = 14;
const RUNNING_SHOWN = 10;
const FAILURES_SHOWN = 10;

/** The tiles' states, as CBR can count them: its status filter repeats, so one call per tile. */
const CBR_TILE_STATUSES: readonly (readonly string[])[] = [
  ["available"],
  ["waiting_protect", "protecting"],
  ["waiting_restore", "restoring"],
  ["waiting_delete", "deleting"],
  ["error"],
];
const CBR_RUNNING = [
  "waiting_protect",
  "protecting",
  "waiting_restore",
  "restoring",
  "waiting_delete",
  "deleting",
];

/**
 * The CBR side of the overview: counts per tile, what runs, the failures of the last 24 hours, the
 * chart's backups, and coverage (which servers sit in a vault that follows an enabled backup
 * policy, which have a CBR backup that succeeded since `coverageSince`, the policies' next runs).
 * A tenant without CBR (or a CBR that does not answer) has none: its servers count as
 * unprotected rather than hiding a gap.
 */
async function cbrSide(
  cloud: CloudContext,
  window: { since24h: string; chartStart: string; coverageSince: string },
) {
  const empty = {
    counts: [] as OverviewResponse["counts"],
    running: [] as BackupRow[],
    failures: { count: 0, items: [] as BackupRow[] },
    chart: [] as { created_at?: string | undefined; status: string }[],
    protectedIds: new Set<string>(),
    succeeded: new Set<string>(),
    runs: [] as { policy: CbrPolicy; resources: number }[],
  };
  try {
    const [vaults, policies, counts, running, failures, chart] = await Promise.all([
      listVaults(cloud, { limit: 1000 }),
      listCbrPolicies(cloud, { operation_type: "backup" }),
      Promise.all(
        CBR_TILE_STATUSES.map(async (status) => ({
          service: "cbr" as const,
          status: status.at(-1) ?? "",
          count: (await listBackups(cloud, { status, limit: 1 })).count ?? 0,
        })),
      ),
      listBackups(cloud, { status: CBR_RUNNING, limit: RUNNING_SHOWN }),
      listBackups(cloud, {
        status: ["error"],
        start_time: cbrTime(window.since24h),
        limit: FAILURES_SHOWN,
      }),
      listBackups(cloud, { start_time: cbrTime(window.chartStart), limit: 1000 }),
    ]);
    const protection = cbrProtectionByResource(vaults.items, policies);
    const resourcesOf = new Map(vaults.items.map((v) => [v.id, v.resources.length]));
    const vaultNames = new Map(vaults.items.map((v) => [v.id, v.name ?? v.id]));
    return {
      counts,
      running: running.items.map((b) => cbrRow(b, vaultNames)),
      failures: {
        count: failures.count ?? failures.items.length,
        items: failures.items.map((b) => cbrRow(b, vaultNames)),
      },
      chart: chart.items,
      protectedIds: new Set(protection.keys()),
      succeeded: new Set(
        chart.items.flatMap((b) =>
          b.status === "available" && (b.created_at ?? "") >= window.coverageSince && b.resource_id
            ? [b.resource_id]
            : [],
        ),
      ),
      runs: policies.map((policy) => ({
        policy,
        resources: (policy.associated_vaults ?? []).reduce(
          (sum, a) => sum + (resourcesOf.get(a.vault_id) ?? 0),
          0,
        ),
      })),
    };
  } catch {
    return empty;
  }
}

/**
 * The ops-room view of a project: status counts from the count operation, what runs now, the
 * failures of the last 24 hours, quotas, coverage and two weeks of results, in parallel requests.
 */
export async function buildOverview(
  cloud: CloudContext,
  now = new Date(),
): Promise<OverviewResponse> {
  const since24h = new Date(now.getTime() - DAY_MS).toISOString();
  const chartStart = new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - (CHART_DAYS - 1) * DAY_MS,
  );
  // A region without CSBS counts nothing there, so that its tiles open CBR's lists.
  const statuses = csbsOffered(cloud) ? FILTER_STATUSES.csbs.filter((s) => s !== "deleted") : [];
  const coverageSince = new Date(now.getTime() - COVERAGE_DAYS * DAY_MS).toISOString();

  const [counts, policies, quotas, servers, failureCount, failureList, recent, cbr] =
    await Promise.all([
      Promise.all(
        statuses.map(async (status) => ({
          status,
          service: "csbs" as const,
          count: await countCheckpointItems(cloud, { status }),
        })),
      ),
      listPolicies(cloud, { limit: 1000 }),
      getQuotas(cloud).catch(() => []),
      listAllServers(cloud),
      countCheckpointItems(cloud, { status: "error", start_time: csbsTime(since24h) }),
      listCheckpointItems(cloud, {
        status: "error",
        start_time: csbsTime(since24h),
        limit: FAILURES_SHOWN,
      }),
      listCheckpointItems(cloud, { start_time: csbsTime(chartStart.toISOString()), limit: 1000 }),
      cbrSide(cloud, { since24h, chartStart: chartStart.toISOString(), coverageSince }),
    ]);
  const byServer = policyByServer(policies);

  // Only the running states that have backups are listed: most of the time that is none.
  const runningStatuses = counts.filter((c) => isRunningStatus(c.status) && c.count > 0);
  const runningLists = await Promise.all(
    runningStatuses.map((c) =>
      listCheckpointItems(cloud, { status: c.status, limit: RUNNING_SHOWN }),
    ),
  );
  const running = newestFirst([
    ...runningLists.flatMap((l) => l.items).map((item) => csbsRow(item, byServer)),
    ...cbr.running,
  ]).slice(0, RUNNING_SHOWN);

  const succeeded = new Set(
    recent.items
      .filter(
        (i) => i.status === "available" && (i.created_at ?? "") >= coverageSince && i.resource_id,
      )
      .map((i) => i.resource_id as string),
  );
  for (const id of cbr.succeeded) succeeded.add(id);
  const named = (s: Server) => ({ id: s.id, name: s.name });

  return {
    generatedAt: now.toISOString(),
    counts: [...counts, ...cbr.counts],
    running,
    failures: {
      since: since24h,
      count: failureCount + cbr.failures.count,
      items: newestFirst([
        ...failureList.items.map((i) => csbsRow(i, byServer)),
        ...cbr.failures.items,
      ]).slice(0, FAILURES_SHOWN),
    },
    quotas: quotas.map((q) => ({
      type: q.type,
      ...(q.unit ? { unit: q.unit } : {}),
      quota: q.quota,
      used: q.used,
    })),
    coverage: {
      days: COVERAGE_DAYS,
      servers: servers.length,
      withoutPolicy: servers
        .filter((s) => !byServer.has(s.id) && !cbr.protectedIds.has(s.id))
        .map(named),
      withoutRecentSuccess: servers.filter((s) => !succeeded.has(s.id)).map(named),
    },
    daily: dailyResults([...recent.items, ...cbr.chart], chartStart, CHART_DAYS),
    scheduled: [...scheduledRuns(policies, now), ...scheduledCbrRuns(cbr.runs, now)]
      .sort((a, b) => a.at.localeCompare(b.at))
      .slice(0, SCHEDULED_SHOWN),
  };
}

const SCHEDULED_SHOWN = 20;

/** The runs enabled policies will start in the next 24 hours, from their patterns (one engine). */
export function scheduledRuns(
  policies: readonly Policy[],
  now: Date,
): OverviewResponse["scheduled"] {
  const until = new Date(now.getTime() + DAY_MS);
  const runs: OverviewResponse["scheduled"] = [];
  for (const policy of policies) {
    for (const op of policy.scheduled_operations) {
      const pattern = op.trigger?.properties.pattern;
      if (op.enabled === false || !pattern) continue;
      const parsed = parseCsbsPattern(pattern);
      // A pattern the engine cannot read is the policy page's problem, not the overview's.
      if (!parsed.ok) continue;
      for (const at of runsBetween(parsed.rules, now, until)) {
        runs.push({
          at: at.toISOString(),
          policyId: policy.id,
          policyName: policy.name,
          servers: policy.resources.length,
        });
      }
    }
  }
  return runs.sort((a, b) => a.at.localeCompare(b.at)).slice(0, SCHEDULED_SHOWN);
}

/** The runs of enabled CBR backup policies bound to vaults with resources, in the next 24 hours. */
export function scheduledCbrRuns(
  policies: readonly { policy: CbrPolicy; resources: number }[],
  now: Date,
): OverviewResponse["scheduled"] {
  const until = new Date(now.getTime() + DAY_MS);
  const runs: OverviewResponse["scheduled"] = [];
  for (const { policy, resources } of policies) {
    if (policy.enabled === false || resources === 0) continue;
    const parsed = parseCbrPatterns(policy.trigger?.properties?.pattern ?? []);
    if (!parsed.ok) continue;
    for (const at of runsBetween(parsed.rules, now, until)) {
      runs.push({
        at: at.toISOString(),
        policyId: policy.id,
        policyName: policy.name ?? policy.id,
        servers: resources,
      });
    }
  }
  return runs.slice(0, SCHEDULED_SHOWN);
}

function newestFirst(rows: BackupRow[]): BackupRow[] {
  return rows.sort((a, b) => (b.createdAt ?? "").localeCompare(a.createdAt ?? ""));
}

/** Backups of either service per UTC day of creation and outcome. */
export function dailyResults(
  items: readonly { created_at?: string | undefined; status: string }[],
  start: Date,
  days: number,
) {
  const rows = Array.from({ length: days }, (_, i) => ({
    day: new Date(start.getTime() + i * DAY_MS).toISOString().slice(0, 10),
    available: 0,
    error: 0,
    other: 0,
  }));
  const index = new Map(rows.map((r, i) => [r.day, i]));
  for (const item of items) {
    const i = item.created_at ? index.get(item.created_at.slice(0, 10)) : undefined;
    const row = i === undefined ? undefined : rows[i];
    if (!row) continue;
    if (item.status === "available") row.available++;
    else if (item.status === "error") row.error++;
    else row.other++;
  }
  return rows;
}

"use client";

import { useQuery } from "@tanstack/react-query";
import { AlertCircleIcon, EyeIcon, PencilIcon, PlusIcon, XIcon } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useMemo, useState } from "react";
import { useCanChange } from "@/components/layout/session-provider";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Skeleton } from "@/components/ui/skeleton";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { policiesQuery } from "@/lib/api/policies";
import { useLocale, useT } from "@/lib/i18n/i18n-provider";
import type { MessageKey } from "@/lib/i18n/messages";
import { summarize } from "@/lib/schedule";
import {
  POLICY_SORTS,
  type PolicyListSearch,
  type PolicyView,
  parsePolicyListSearch,
} from "@/lib/schemas/policy";
import { browserZone } from "../schedule/zone-select";
import { DeleteButton, EnableButton, RunNowButton } from "./policy-actions";
import {
  EnabledBadge,
  LastRunBadge,
  nextRunOf,
  retentionText,
  rulesOf,
  runText,
} from "./policy-display";

const SORT_KEYS: Record<(typeof POLICY_SORTS)[number], MessageKey> = {
  name: "policies.sort.name",
  "-name": "policies.sort.-name",
  next: "policies.sort.next",
  servers: "policies.sort.servers",
  "-servers": "policies.sort.-servers",
};

type Row = { policy: PolicyView; next: Date | null; summary: string | null };

function sortRows(rows: Row[], sort: PolicyListSearch["sort"]): Row[] {
  const byName = (a: Row, b: Row) => a.policy.name.localeCompare(b.policy.name);
  const compare: Record<PolicyListSearch["sort"], (a: Row, b: Row) => number> = {
    name: byName,
    "-name": (a, b) => byName(b, a),
    // Disabled policies do not run: they go last.
    next: (a, b) => {
      const x = a.policy.enabled && a.next ? a.next.getTime() : Number.POSITIVE_INFINITY;
      const y = b.policy.enabled && b.next ? b.next.getTime() : Number.POSITIVE_INFINITY;
      return x - y || byName(a, b);
    },
    servers: (a, b) => a.policy.resources.length - b.policy.resources.length || byName(a, b),
    "-servers": (a, b) => b.policy.resources.length - a.policy.resources.length || byName(a, b),
  };
  return [...rows].sort(compare[sort]);
}

/** `/policies`: the table (cards on narrow screens), filters and sort in the URL, the fleet week. */
export function PoliciesView() {
  const t = useT();
  const locale = useLocale();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const search = parsePolicyListSearch(params);
  const query = useQuery(policiesQuery());
  const canChange = useCanChange();
  // Read-only users open a policy to look at it: "View", and none of the change buttons.
  const open = canChange
    ? ({ Icon: PencilIcon, label: "policies.edit", named: "policies.editNamed" } as const)
    : ({ Icon: EyeIcon, label: "policies.view", named: "policies.viewNamed" } as const);
  const [zone, setZone] = useState("UTC");
  const [now, setNow] = useState<Date | null>(null);
  // The browser's zone and clock only after hydration: the server knows neither.
  useEffect(() => {
    setZone(browserZone());
    setNow(new Date());
  }, []);
  const [text, setText] = useState(search.q);
  useEffect(() => setText(search.q), [search.q]);

  const setSearch = (patch: Partial<PolicyListSearch>) => {
    const next = new URLSearchParams(params.toString());
    const merged = { ...search, ...patch };
    for (const [key, value] of Object.entries(merged)) {
      const defaults: Record<string, string> = { q: "", state: "all", sort: "name" };
      if (value === defaults[key]) next.delete(key);
      else next.set(key, value);
    }
    const qs = next.toString();
    router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
  };

  const rows = useMemo(() => {
    const policies = query.data?.policies ?? [];
    const q = search.q.trim().toLowerCase();
    const filtered = policies.filter(
      (p) =>
        (q === "" || p.name.toLowerCase().includes(q)) &&
        (search.state === "all" || (search.state === "enabled") === p.enabled),
    );
    const withRuns = filtered.map((policy): Row => {
      const rules = rulesOf(policy.pattern);
      return {
        policy,
        next: now ? nextRunOf(policy.pattern, now) : null,
        summary: rules && now ? summarize(rules, { zone, locale, refDate: now }) : null,
      };
    });
    return sortRows(withRuns, search.sort);
  }, [query.data, search.q, search.state, search.sort, now, zone, locale]);

  const total = query.data?.policies.length ?? 0;
  const filtersActive = search.q !== "" || search.state !== "all";
  const lastRunsLoaded = query.data?.lastRunsLoaded ?? true;

  return (
    <div className="grid min-w-0 gap-6 [&>*]:min-w-0">
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          setSearch({ q: text });
        }}
      >
        <div className="grid gap-1">
          <Label htmlFor="policy-filter">{t("policies.filter")}</Label>
          <Input
            id="policy-filter"
            type="search"
            value={text}
            className="w-60"
            onChange={(event) => setText(event.target.value)}
            onBlur={() => text !== search.q && setSearch({ q: text })}
          />
        </div>
        <div className="grid gap-1">
          <Label htmlFor="policy-state">{t("policies.stateLabel")}</Label>
          <select
            id="policy-state"
            value={search.state}
            onChange={(event) =>
              setSearch({ state: event.target.value as PolicyListSearch["state"] })
            }
            className="h-9 rounded-md border border-input bg-background px-3 text-sm dark:bg-input/20 [@media(pointer:coarse)]:h-11"
          >
            <option value="all">{t("policies.state.all")}</option>
            <option value="enabled">{t("policies.state.enabled")}</option>
            <option value="disabled">{t("policies.state.disabled")}</option>
          </select>
        </div>
        <div className="grid gap-1">
          <Label htmlFor="policy-sort">{t("policies.sortLabel")}</Label>
          <select
            id="policy-sort"
            value={search.sort}
            onChange={(event) =>
              setSearch({ sort: event.target.value as PolicyListSearch["sort"] })
            }
            className="h-9 rounded-md border border-input bg-background px-3 text-sm dark:bg-input/20 [@media(pointer:coarse)]:h-11"
          >
            {POLICY_SORTS.map((s) => (
              <option key={s} value={s}>
                {t(SORT_KEYS[s])}
              </option>
            ))}
          </select>
        </div>
        {filtersActive ? (
          <div className="flex flex-wrap items-center gap-2 pb-1">
            {search.q ? (
              <Button
                type="button"
                variant="secondary"
                size="sm"
                onClick={() => setSearch({ q: "" })}
                aria-label={t("policies.removeFilter", { filter: search.q })}
              >
                “{search.q}” <XIcon aria-hidden="true" />
              </Button>
            ) : null}
            {search.state !== "all" ? (
              <Button
                type="button"
                variant="secondary"
                size="sm"
                onClick={() => setSearch({ state: "all" })}
                aria-label={t("policies.removeFilter", {
                  filter: t(`policies.state.${search.state}`),
                })}
              >
                {t(`policies.state.${search.state}`)} <XIcon aria-hidden="true" />
              </Button>
            ) : null}
          </div>
        ) : null}
        <p className="ml-auto pb-2 text-muted-foreground text-sm tabular-nums" aria-live="polite">
          {query.data ? t("policies.count", { shown: rows.length, total }) : null}
        </p>
      </form>

      {query.isError ? (
        <Alert variant="destructive">
          <AlertCircleIcon aria-hidden="true" />
          <AlertDescription>
            {t("policies.loadError", { message: query.error.message })}
            <Button type="button" variant="outline" size="sm" onClick={() => query.refetch()}>
              {t("common.retry")}
            </Button>
          </AlertDescription>
        </Alert>
      ) : null}

      {query.isPending ? (
        <div className="grid gap-2" aria-busy="true">
          <span className="sr-only">{t("common.loading")}</span>
          {[0, 1, 2, 3].map((i) => (
            <Skeleton key={i} className="h-12 w-full" />
          ))}
        </div>
      ) : null}

      {query.data && rows.length === 0 ? (
        <Card>
          <CardContent className="flex flex-wrap items-center gap-3 py-6">
            <p>{filtersActive ? t("policies.emptyFiltered") : t("policies.empty")}</p>
            {filtersActive ? (
              <Button
                type="button"
                variant="outline"
                onClick={() => setSearch({ q: "", state: "all" })}
              >
                {t("policies.clearFilters")}
              </Button>
            ) : canChange ? (
              <Button asChild>
                <Link href="/policies/new">{t("policies.new")}</Link>
              </Button>
            ) : null}
          </CardContent>
        </Card>
      ) : null}

      {rows.length > 0 ? (
        <>
          <div className="hidden lg:block">
            <Table label={t("policies.tableLabel")} data-testid="policies-table">
              <TableHeader>
                <TableRow>
                  <TableHead
                    aria-sort={
                      search.sort.endsWith("name")
                        ? search.sort === "name"
                          ? "ascending"
                          : "descending"
                        : undefined
                    }
                  >
                    {t("policies.col.name")}
                  </TableHead>
                  <TableHead>{t("policies.col.enabled")}</TableHead>
                  <TableHead>{t("policies.col.schedule")}</TableHead>
                  <TableHead aria-sort={search.sort === "next" ? "ascending" : undefined}>
                    {t("policies.col.nextRun")}
                  </TableHead>
                  <TableHead>{t("policies.col.retention")}</TableHead>
                  <TableHead
                    className="text-right"
                    aria-sort={
                      search.sort === "servers"
                        ? "ascending"
                        : search.sort === "-servers"
                          ? "descending"
                          : undefined
                    }
                  >
                    {t("policies.col.servers")}
                  </TableHead>
                  <TableHead>{t("policies.col.lastRun")}</TableHead>
                  <TableHead>
                    <span className="sr-only">{t("policies.col.actions")}</span>
                  </TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.map(({ policy, next, summary }) => (
                  <TableRow key={policy.id} data-policy={policy.name}>
                    <TableCell className="font-medium">
                      <Link
                        href={`/policies/${policy.id}`}
                        className="underline-offset-4 hover:underline"
                      >
                        {policy.name}
                      </Link>
                    </TableCell>
                    <TableCell>
                      <EnabledBadge t={t} enabled={policy.enabled} />
                    </TableCell>
                    <TableCell className="min-w-44 max-w-72 whitespace-normal text-sm">
                      {summary ?? (
                        <Badge variant="warning">{t("policies.scheduleUnreadable")}</Badge>
                      )}
                    </TableCell>
                    <TableCell className="min-w-40 max-w-52 whitespace-normal text-sm tabular-nums">
                      {!policy.enabled ? (
                        <span className="text-muted-foreground">{t("policies.notRunning")}</span>
                      ) : next ? (
                        runText(t, next, zone)
                      ) : (
                        t("policies.nextRunNone")
                      )}
                    </TableCell>
                    <TableCell className="text-sm">{retentionText(t, policy.retention)}</TableCell>
                    <TableCell className="text-right tabular-nums">
                      {policy.resources.length}
                    </TableCell>
                    <TableCell>
                      <LastRunBadge t={t} lastRun={policy.lastRun} loaded={lastRunsLoaded} />
                    </TableCell>
                    <TableCell>
                      <div className="flex justify-end gap-2">
                        <Button asChild variant="outline" size="icon">
                          <Link
                            href={`/policies/${policy.id}`}
                            aria-label={t(open.named, { name: policy.name })}
                            title={t(open.label)}
                          >
                            <open.Icon aria-hidden="true" />
                          </Link>
                        </Button>
                        {canChange ? (
                          <>
                            <EnableButton policy={policy} compact />
                            <RunNowButton policy={policy} compact />
                            <span className="mx-1 w-px self-stretch bg-border" aria-hidden="true" />
                            <DeleteButton policy={policy} compact />
                          </>
                        ) : null}
                      </div>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          <ul className="grid gap-3 md:grid-cols-2 lg:hidden" aria-label={t("policies.tableLabel")}>
            {rows.map(({ policy, next, summary }) => (
              <li key={policy.id} data-policy={policy.name}>
                <Card>
                  <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-2">
                    <CardTitle className="text-base">
                      <Link
                        href={`/policies/${policy.id}`}
                        className="underline-offset-4 hover:underline"
                      >
                        {policy.name}
                      </Link>
                    </CardTitle>
                    <EnabledBadge t={t} enabled={policy.enabled} />
                  </CardHeader>
                  <CardContent className="grid gap-2 text-sm">
                    <p>{summary ?? t("policies.scheduleUnreadable")}</p>
                    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
                      <dt className="text-muted-foreground">{t("policies.col.nextRun")}</dt>
                      <dd className="tabular-nums">
                        {!policy.enabled
                          ? t("policies.notRunning")
                          : next
                            ? runText(t, next, zone)
                            : t("policies.nextRunNone")}
                      </dd>
                      <dt className="text-muted-foreground">{t("policies.col.retention")}</dt>
                      <dd>{retentionText(t, policy.retention)}</dd>
                      <dt className="text-muted-foreground">{t("policies.col.servers")}</dt>
                      <dd className="tabular-nums">{policy.resources.length}</dd>
                      <dt className="text-muted-foreground">{t("policies.col.lastRun")}</dt>
                      <dd>
                        <LastRunBadge t={t} lastRun={policy.lastRun} loaded={lastRunsLoaded} />
                      </dd>
                    </dl>
                    <div className="flex flex-wrap gap-2 pt-2">
                      <Button asChild variant="outline" size="sm">
                        <Link
                          href={`/policies/${policy.id}`}
                          aria-label={t(open.named, { name: policy.name })}
                        >
                          <open.Icon aria-hidden="true" />
                          {t(open.label)}
                        </Link>
                      </Button>
                      {canChange ? (
                        <>
                          <EnableButton policy={policy} />
                          <RunNowButton policy={policy} />
                          <DeleteButton policy={policy} />
                        </>
                      ) : null}
                    </div>
                  </CardContent>
                </Card>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

export function NewPolicyLink() {
  const t = useT();
  if (!useCanChange()) return null;
  return (
    <Button asChild>
      <Link href="/policies/new">
        <PlusIcon aria-hidden="true" />
        {t("policies.new")}
      </Link>
    </Button>
  );
}

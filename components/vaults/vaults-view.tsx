"use client";

import { useQuery } from "@tanstack/react-query";
import {
  AlertCircleIcon,
  ChevronLeftIcon,
  ChevronRightIcon,
  LockIcon,
  PlusIcon,
  XIcon,
} from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { type FormEvent, useEffect, useState } from "react";
import { PageHeader } from "@/components/layout/page-header";
import { useCanChange } from "@/components/layout/session-provider";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import {
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
} from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { vaultsQuery } from "@/lib/api/vaults";
import { formatNumber } from "@/lib/i18n/format";
import { useLocale, useT } from "@/lib/i18n/i18n-provider";
import {
  parseVaultSearch,
  VAULT_PAGE_SIZES,
  VAULT_STATUSES,
  VAULT_TYPES,
  type VaultSearch,
  type VaultView,
  vaultSearchToParams,
} from "@/lib/schemas/vault";
import { cn } from "@/lib/utils";
import { CapacityBar } from "./capacity-bar";
import { vaultStatusLabel, vaultTypeLabel } from "./vault-labels";
import { VaultStatusBadge } from "./vault-status-badge";

const ANY = "any";

/** `/vaults`: filters and paging in the URL, applied by the cloud; a table, cards below 1024 px. */
export function VaultsView() {
  const t = useT();
  const canChange = useCanChange();
  const locale = useLocale();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const search = parseVaultSearch(params);
  const query = useQuery(vaultsQuery(search, { figures: true }));
  const [name, setName] = useState(search.name ?? "");
  // The box follows the URL (back/forward, a removed chip).
  useEffect(() => setName(search.name ?? ""), [search.name]);

  const go = (next: Partial<VaultSearch>, resetPage = true) => {
    const merged: VaultSearch = { ...search, ...next, ...(resetPage ? { page: 1 } : {}) };
    for (const key of ["name", "status", "type"] as const) {
      if (merged[key] === undefined) delete merged[key];
    }
    const qs = vaultSearchToParams(merged).toString();
    router.push(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
  };

  const onName = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    go({ name: trimmed === "" ? undefined : trimmed });
  };

  const chips: { key: "name" | "status" | "type"; text: string }[] = [];
  if (search.name) chips.push({ key: "name", text: `${t("vaults.filter.name")}: ${search.name}` });
  if (search.status) {
    chips.push({
      key: "status",
      text: `${t("vaults.filter.status")}: ${vaultStatusLabel(t, search.status)}`,
    });
  }
  if (search.type) {
    chips.push({
      key: "type",
      text: `${t("vaults.filter.type")}: ${vaultTypeLabel(t, search.type)}`,
    });
  }

  const data = query.data;
  const total = data?.count ?? 0;
  const pages = Math.max(1, Math.ceil(total / search.size));
  const from = total === 0 ? 0 : (search.page - 1) * search.size + 1;
  const to = Math.min(total, (search.page - 1) * search.size + (data?.vaults.length ?? 0));
  const n = (value: number) => formatNumber(locale, value);

  return (
    <>
      <PageHeader title={t("nav.vaults")}>
        {canChange ? (
          <Button asChild className="min-h-11 lg:min-h-9">
            <Link href="/vaults/new">
              <PlusIcon aria-hidden="true" />
              {t("vaultCreate.open")}
            </Link>
          </Button>
        ) : null}
      </PageHeader>
      <p className="-mt-4 mb-4 text-muted-foreground text-sm">{t("vaults.subtitle")}</p>
      {data?.total ? (
        <div
          className="mb-4 flex max-w-md flex-wrap items-center gap-x-4 gap-y-1 text-sm"
          data-testid="vaults-total"
        >
          <span className="font-medium">{t("vaults.total")}</span>
          <CapacityBar
            vault={{ name: t("vaults.total"), ...data.total }}
            className="min-w-48 flex-1"
          />
        </div>
      ) : null}

      <div className="mb-3 flex flex-wrap items-end gap-3">
        <search>
          <form onSubmit={onName} className="flex items-end gap-2">
            <div className="grid gap-1.5">
              <Label htmlFor="vault-name-filter">{t("vaults.filter.name")}</Label>
              <Input
                id="vault-name-filter"
                value={name}
                maxLength={64}
                placeholder={t("vaults.filter.namePlaceholder")}
                onChange={(e) => setName(e.target.value)}
                className="w-56"
              />
            </div>
            <Button type="submit" variant="secondary">
              {t("vaults.filter.apply")}
            </Button>
          </form>
        </search>
        <FilterSelect
          id="vault-status-filter"
          label={t("vaults.filter.status")}
          value={search.status}
          options={VAULT_STATUSES.map((s) => ({ value: s, label: vaultStatusLabel(t, s) }))}
          onChange={(status) => go({ status: status as VaultSearch["status"] })}
        />
        <FilterSelect
          id="vault-type-filter"
          label={t("vaults.filter.type")}
          value={search.type}
          options={VAULT_TYPES.map((s) => ({ value: s, label: vaultTypeLabel(t, s) }))}
          onChange={(type) => go({ type: type as VaultSearch["type"] })}
        />
      </div>

      {chips.length > 0 ? (
        <ul
          aria-label={t("vaults.filter.active")}
          className="mb-3 flex flex-wrap items-center gap-2"
        >
          {chips.map((chip) => (
            <li key={chip.key}>
              <Badge variant="secondary" className="gap-1 py-0.5 pr-0.5">
                {chip.text}
                <button
                  type="button"
                  className="inline-flex size-6 items-center justify-center rounded-sm hover:bg-background/60 focus-visible:outline-2"
                  aria-label={t("vaults.filter.remove", { name: chip.text })}
                  onClick={() => go({ [chip.key]: undefined })}
                >
                  <XIcon className="size-3.5" aria-hidden="true" />
                </button>
              </Badge>
            </li>
          ))}
          <li>
            <Button variant="link" size="sm" onClick={() => router.push(pathname)}>
              {t("vaults.filter.clear")}
            </Button>
          </li>
        </ul>
      ) : null}

      {query.isError ? (
        <Alert variant="destructive" className="mb-4">
          <AlertCircleIcon aria-hidden="true" />
          <AlertDescription>
            {t("vaults.loadError", { message: query.error.message })}{" "}
            <Button variant="link" className="h-auto p-0" onClick={() => void query.refetch()}>
              {t("common.retry")}
            </Button>
          </AlertDescription>
        </Alert>
      ) : null}

      <p className="mb-2 text-muted-foreground text-sm tabular-nums" aria-live="polite">
        {data
          ? data.vaults.length === 0
            ? t("vaults.countNone")
            : t("vaults.count", { from: n(from), to: n(to), total: n(total) })
          : "\u00a0"}
      </p>

      {query.isPending ? (
        <div className="grid gap-2" role="status" aria-busy="true" aria-label={t("common.loading")}>
          {[0, 1, 2, 3].map((i) => (
            <Skeleton key={i} className="h-12 w-full" />
          ))}
        </div>
      ) : data && data.vaults.length === 0 ? (
        <Card>
          <CardContent className="py-8 text-center text-muted-foreground">
            {t("vaults.empty")}
          </CardContent>
        </Card>
      ) : data ? (
        <>
          <div className="hidden lg:block">
            <VaultTable vaults={data.vaults} />
          </div>
          <ul className="grid gap-3 sm:grid-cols-2 lg:hidden" aria-label={t("nav.vaults")}>
            {data.vaults.map((vault) => (
              <li key={vault.id}>
                <VaultCard vault={vault} />
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <nav
        aria-label={t("vaults.page.label", { page: search.page, pages })}
        className="mt-4 flex flex-wrap items-center justify-between gap-3"
      >
        <div className="flex items-center gap-2">
          <Label htmlFor="vault-page-size" className="text-muted-foreground">
            {t("vaults.page.size")}
          </Label>
          <Select value={String(search.size)} onValueChange={(v) => go({ size: Number(v) })}>
            <SelectTrigger id="vault-page-size" className="w-20">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              {VAULT_PAGE_SIZES.map((size) => (
                <SelectItem key={size} value={String(size)}>
                  {size}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        </div>
        <div className="flex items-center gap-2">
          <span className="text-muted-foreground text-sm tabular-nums">
            {t("vaults.page.label", { page: n(search.page), pages: n(pages) })}
          </span>
          <Button
            variant="outline"
            size="icon"
            aria-label={t("vaults.page.prev")}
            disabled={search.page <= 1}
            onClick={() => go({ page: search.page - 1 }, false)}
          >
            <ChevronLeftIcon aria-hidden="true" />
          </Button>
          <Button
            variant="outline"
            size="icon"
            aria-label={t("vaults.page.next")}
            disabled={search.page >= pages}
            onClick={() => go({ page: search.page + 1 }, false)}
          >
            <ChevronRightIcon aria-hidden="true" />
          </Button>
        </div>
      </nav>
    </>
  );
}

function FilterSelect({
  id,
  label,
  value,
  options,
  onChange,
}: {
  id: string;
  label: string;
  value: string | undefined;
  options: { value: string; label: string }[];
  onChange: (value: string | undefined) => void;
}) {
  const t = useT();
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <Select value={value ?? ANY} onValueChange={(v) => onChange(v === ANY ? undefined : v)}>
        <SelectTrigger id={id} className="w-44">
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          <SelectItem value={ANY}>{t("vaults.filter.any")}</SelectItem>
          {options.map((o) => (
            <SelectItem key={o.value} value={o.value}>
              {o.label}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
    </div>
  );
}

function PolicyCell({ vault }: { vault: VaultView }) {
  const t = useT();
  return vault.policyId ? (
    <span title={vault.policyId}>{t("vaults.policy.applied")}</span>
  ) : (
    <span className="text-muted-foreground">{t("vaults.policy.none")}</span>
  );
}

function LockedCell({ locked }: { locked: boolean }) {
  const t = useT();
  return locked ? (
    <span className="inline-flex items-center gap-1">
      <LockIcon className="size-3.5" aria-hidden="true" />
      {t("vaults.locked.on")}
    </span>
  ) : (
    <span className="text-muted-foreground">{t("vaults.locked.off")}</span>
  );
}

const vaultHref = (id: string) => `/vaults/${encodeURIComponent(id)}`;

function VaultTable({ vaults }: { vaults: VaultView[] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <Table label={t("nav.vaults")}>
      <TableHeader>
        <TableRow>
          <TableHead>{t("vaults.col.name")}</TableHead>
          <TableHead>{t("vaults.col.type")}</TableHead>
          <TableHead>{t("vaults.col.status")}</TableHead>
          <TableHead className="w-48">{t("vaults.col.capacity")}</TableHead>
          <TableHead>{t("vaults.col.policy")}</TableHead>
          <TableHead className="text-right">{t("vaults.col.resources")}</TableHead>
          <TableHead>{t("vaults.col.locked")}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {vaults.map((vault) => (
          <TableRow key={vault.id} data-testid="vault-row">
            <TableCell>
              <Link href={vaultHref(vault.id)} className="font-medium hover:underline">
                {vault.name}
              </Link>
              <div className="font-mono text-muted-foreground text-xs">{vault.id.slice(0, 8)}</div>
            </TableCell>
            <TableCell>{vaultTypeLabel(t, vault.type)}</TableCell>
            <TableCell>
              <VaultStatusBadge status={vault.status} />
            </TableCell>
            <TableCell>
              <CapacityBar vault={vault} />
              <DaysLeft vault={vault} />
            </TableCell>
            <TableCell>
              <PolicyCell vault={vault} />
            </TableCell>
            <TableCell className="text-right tabular-nums">
              {formatNumber(locale, vault.resources.length)}
            </TableCell>
            <TableCell>
              <LockedCell locked={vault.locked} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function VaultCard({ vault }: { vault: VaultView }) {
  const t = useT();
  const locale = useLocale();
  return (
    <Card className="gap-3 py-4" data-testid="vault-row">
      <CardContent className="grid gap-3 px-4">
        <div className="flex items-start justify-between gap-2">
          <Link href={vaultHref(vault.id)} className="font-medium text-base hover:underline">
            {vault.name}
          </Link>
          <VaultStatusBadge status={vault.status} />
        </div>
        <div>
          <CapacityBar vault={vault} />
          <DaysLeft vault={vault} />
        </div>
        <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm">
          <dt className="text-muted-foreground">{t("vaults.col.type")}</dt>
          <dd>{vaultTypeLabel(t, vault.type)}</dd>
          <dt className="text-muted-foreground">{t("vaults.col.resources")}</dt>
          <dd className="tabular-nums">{formatNumber(locale, vault.resources.length)}</dd>
          <dt className="text-muted-foreground">{t("vaults.col.policy")}</dt>
          <dd>
            <PolicyCell vault={vault} />
          </dd>
          <dt className="text-muted-foreground">{t("vaults.col.locked")}</dt>
          <dd>
            <LockedCell locked={vault.locked} />
          </dd>
        </dl>
      </CardContent>
    </Card>
  );
}

/**
 * How long the free space lasts at the pace of the last 14 days: the cloud gives no backup's own
 * size, so the pace is estimated from each resource's average backup (lib/vaults/usage.ts).
 */
function DaysLeft({ vault }: { vault: VaultView }) {
  const t = useT();
  const locale = useLocale();
  const forecast = vault.forecast;
  if (!forecast) return null;
  const days = forecast.daysLeft;
  const text =
    days === null
      ? t("vaults.forecast.noGrowth")
      : days === 0
        ? t("vaults.forecast.full")
        : t("vaults.forecast.days", { days: formatNumber(locale, days) });
  const soon = days !== null && days < 14 && !vault.autoExpand;
  return (
    <p
      className={cn("mt-1 text-xs", soon ? "font-medium text-warning" : "text-muted-foreground")}
      data-testid="vault-days-left"
      title={t("vaults.forecast.how")}
    >
      {text}
      {days !== null && vault.autoExpand ? ` ${t("vaults.forecast.autoExpand")}` : ""}
    </p>
  );
}

"use client";

import { ChevronLeftIcon, ChevronRightIcon, ChevronsLeftIcon } from "lucide-react";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { formatNumber } from "@/lib/i18n/format";
import { useLocale, useT } from "@/lib/i18n/i18n-provider";
import { NativeSelect } from "./native-select";

type PaginationProps = {
  page: number;
  size: number;
  total: number;
  sizes: readonly number[];
  onPage: (page: number) => void;
  onSize: (size: number) => void;
  /** Shown while the next page is on its way. */
  busy?: boolean;
};

/** "21–40 of 1,234", first/previous/next, and the page size: below every paged list. */
export function Pagination({ page, size, total, sizes, onPage, onSize, busy }: PaginationProps) {
  const t = useT();
  const locale = useLocale();
  const sizeId = useId();
  const pages = Math.max(1, Math.ceil(total / size));
  const from = total === 0 ? 0 : (page - 1) * size + 1;
  const to = Math.min(total, page * size);
  const n = (value: number) => formatNumber(locale, value);
  return (
    <nav
      aria-label={t("table.pagination")}
      className="flex flex-wrap items-center justify-between gap-3 py-3 text-sm"
      aria-busy={busy || undefined}
    >
      <p className="text-muted-foreground tabular-nums" aria-live="polite">
        {t("table.range", { from: n(from), to: n(to), total: n(total) })}
      </p>
      <div className="flex items-center gap-2">
        <label htmlFor={sizeId} className="text-muted-foreground">
          {t("table.pageSize")}
        </label>
        <NativeSelect
          id={sizeId}
          className="w-20"
          value={size}
          onChange={(event) => onSize(Number(event.target.value))}
        >
          {sizes.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </NativeSelect>
        <Button
          variant="outline"
          size="icon"
          onClick={() => onPage(1)}
          disabled={page <= 1}
          aria-label={t("table.firstPage")}
        >
          <ChevronsLeftIcon aria-hidden="true" />
        </Button>
        <Button
          variant="outline"
          size="icon"
          onClick={() => onPage(page - 1)}
          disabled={page <= 1}
          aria-label={t("table.previousPage")}
        >
          <ChevronLeftIcon aria-hidden="true" />
        </Button>
        <span className="min-w-20 text-center tabular-nums">
          {t("table.pageOf", { page: n(page), pages: n(pages) })}
        </span>
        <Button
          variant="outline"
          size="icon"
          onClick={() => onPage(page + 1)}
          disabled={page >= pages}
          aria-label={t("table.nextPage")}
        >
          <ChevronRightIcon aria-hidden="true" />
        </Button>
      </div>
    </nav>
  );
}

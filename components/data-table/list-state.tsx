"use client";

import { AlertCircleIcon, InboxIcon } from "lucide-react";
import type { ReactNode } from "react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { errorMessage } from "@/lib/api/errors";
import { useT } from "@/lib/i18n/i18n-provider";
import { type ListQuery, listStateOf } from "./list-state-of";

/** A list that could not be loaded: the API's words (or `fallback`) and a way to try again. */
export function ListError({
  title,
  error,
  fallback,
  onRetry,
}: {
  title: string;
  error: unknown;
  fallback: string;
  onRetry: () => void;
}) {
  const t = useT();
  return (
    <Alert variant="destructive">
      <AlertCircleIcon aria-hidden="true" />
      <AlertTitle>{title}</AlertTitle>
      <AlertDescription>
        <p>{errorMessage(error, fallback)}</p>
        <Button variant="outline" size="sm" className="mt-2" onClick={onRetry}>
          {t("common.retry")}
        </Button>
      </AlertDescription>
    </Alert>
  );
}

/** Placeholder rows while the first page loads, announced as busy. */
export function ListLoading({
  rows = 6,
  rowClassName = "h-10",
}: {
  rows?: number;
  rowClassName?: string;
}) {
  const t = useT();
  return (
    <div className="grid gap-2" role="status" aria-busy="true" aria-label={t("common.loading")}>
      {Array.from({ length: rows }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
        <Skeleton key={i} className={`${rowClassName} w-full`} />
      ))}
    </div>
  );
}

export type ListEmptyProps = {
  title: string;
  hint?: string;
  /** E.g. "Clear filters" when filters emptied the list. */
  action?: { label: string; onClick: () => void };
};

/** Nothing to list, said plainly, with what to do about it. */
export function ListEmpty({ title, hint, action }: ListEmptyProps) {
  return (
    <div className="grid justify-items-center gap-2 rounded-lg border border-dashed p-10 text-center">
      <InboxIcon aria-hidden="true" className="size-8 text-muted-foreground" />
      <p className="font-medium">{title}</p>
      {hint ? <p className="text-muted-foreground text-sm">{hint}</p> : null}
      {action ? (
        <Button variant="outline" size="sm" onClick={action.onClick}>
          {action.label}
        </Button>
      ) : null}
    </div>
  );
}

/**
 * The states every list view has before its rows: error (with retry), loading, empty, and then the
 * rows (`children`). Give it the query and whether the loaded page is empty.
 */
export function ListState({
  query,
  isEmpty,
  error,
  empty,
  loading,
  children,
}: {
  query: ListQuery & { error: unknown; refetch: () => unknown };
  isEmpty: boolean;
  error: { title: string; fallback: string };
  empty: ListEmptyProps;
  loading?: { rows?: number; rowClassName?: string };
  children: ReactNode;
}) {
  switch (listStateOf(query, isEmpty)) {
    case "error":
      return (
        <ListError
          title={error.title}
          error={query.error}
          fallback={error.fallback}
          onRetry={() => void query.refetch()}
        />
      );
    case "loading":
      return <ListLoading {...loading} />;
    case "empty":
      return <ListEmpty {...empty} />;
    default:
      return <>{children}</>;
  }
}

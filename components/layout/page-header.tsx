import type { ReactNode } from "react";

/** The top of every console page: its title (the page's one h1) and, later, its actions. */
export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="mb-6 flex flex-wrap items-center justify-between gap-3">
      <h1 className="font-semibold text-2xl tracking-tight">{title}</h1>
      {children}
    </div>
  );
}

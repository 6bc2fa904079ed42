"use client";

import { useT } from "@/lib/i18n/i18n-provider";
import { Brand } from "./brand";
import { NavLinks } from "./nav-links";

/** The left navigation on wide screens; narrower ones use the drawer in the header. */
export function AppSidebar() {
  const t = useT();
  return (
    <aside className="sticky top-0 hidden h-dvh w-64 shrink-0 flex-col gap-4 border-sidebar-border border-r bg-sidebar p-3 lg:flex">
      <div className="flex h-10 items-center px-2">
        <Brand name={t("app.name")} />
      </div>
      <nav aria-label={t("nav.label")}>
        <NavLinks />
      </nav>
    </aside>
  );
}

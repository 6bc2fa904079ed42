"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useT } from "@/lib/i18n/i18n-provider";
import { cn } from "@/lib/utils";
import { isCurrentSection, navItems } from "./nav-items";

/** The section links, shared by the sidebar and the drawer. */
export function NavLinks({ onNavigate }: { onNavigate?: () => void }) {
  const t = useT();
  const pathname = usePathname();
  return (
    <ul className="grid gap-1">
      {navItems.map(({ href, label, icon: Icon }) => {
        const current = isCurrentSection(href, pathname);
        return (
          <li key={href}>
            <Link
              href={href}
              onClick={onNavigate}
              aria-current={current ? "page" : undefined}
              className={cn(
                "flex h-9 items-center gap-3 rounded-md px-3 font-medium text-sm text-sidebar-foreground outline-none transition-colors hover:bg-sidebar-accent hover:text-sidebar-accent-foreground focus-visible:ring-[3px] focus-visible:ring-ring/60 [@media(pointer:coarse)]:h-11",
                current && "bg-sidebar-accent text-sidebar-accent-foreground",
              )}
            >
              <Icon className="size-4 shrink-0" aria-hidden="true" />
              {t(label)}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

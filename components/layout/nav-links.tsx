"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import { useT } from "@/lib/i18n/i18n-provider";
import { cn } from "@/lib/utils";
import { isCurrentSection, navItems } from "./nav-items";

type NavLinksProps = {
  onNavigate?: () => void;
  /** The collapsed sidebar: icons only, the name kept for screen readers and shown as a tooltip. */
  iconOnly?: boolean;
};

/** The section links, shared by the sidebar and the drawer. */
export function NavLinks({ onNavigate, iconOnly = false }: NavLinksProps) {
  const t = useT();
  const pathname = usePathname();
  return (
    <ul className="grid gap-1">
      {navItems.map(({ href, label, icon: Icon }) => {
        const current = isCurrentSection(href, pathname);
        const link = (
          <Link
            href={href}
            onClick={onNavigate}
            aria-current={current ? "page" : undefined}
            className={cn(
              "flex h-9 items-center gap-3 rounded-md px-3 font-medium text-sidebar-foreground text-sm outline-none transition-colors hover:bg-sidebar-accent hover:text-sidebar-accent-foreground focus-visible:ring-[3px] focus-visible:ring-ring/60 [@media(pointer:coarse)]:h-11",
              iconOnly && "justify-center px-0",
              current && "bg-sidebar-accent text-sidebar-accent-foreground",
            )}
          >
            <Icon className="size-4 shrink-0" aria-hidden="true" />
            <span className={iconOnly ? "sr-only" : undefined}>{t(label)}</span>
          </Link>
        );
        return (
          <li key={href}>
            {iconOnly ? (
              <Tooltip>
                <TooltipTrigger asChild>{link}</TooltipTrigger>
                <TooltipContent side="right">{t(label)}</TooltipContent>
              </Tooltip>
            ) : (
              link
            )}
          </li>
        );
      })}
    </ul>
  );
}

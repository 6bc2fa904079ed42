"use client";

import { PanelLeftCloseIcon, PanelLeftOpenIcon } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import { basePath } from "@/lib/api/fetcher";
import { useT } from "@/lib/i18n/i18n-provider";
import { cn } from "@/lib/utils";
import { Brand } from "./brand";
import { NavLinks } from "./nav-links";
import { sidebarCookie } from "./sidebar-state";

/**
 * The left navigation on wide screens, full or collapsed to icons (the choice is remembered);
 * narrower screens use the drawer in the header instead.
 */
export function AppSidebar({ defaultCollapsed }: { defaultCollapsed: boolean }) {
  const t = useT();
  const [collapsed, setCollapsed] = useState(defaultCollapsed);
  const toggle = () => {
    const next = !collapsed;
    setCollapsed(next);
    // biome-ignore lint/suspicious/noDocumentCookie: a plain preference the server reads to render the shell
    document.cookie = sidebarCookie(next, basePath());
  };
  const toggleLabel = collapsed ? t("nav.expand") : t("nav.collapse");
  const ToggleIcon = collapsed ? PanelLeftOpenIcon : PanelLeftCloseIcon;
  return (
    <aside
      data-collapsed={collapsed || undefined}
      className={cn(
        "sticky top-0 hidden h-dvh shrink-0 flex-col gap-4 border-sidebar-border border-r bg-sidebar p-3 lg:flex",
        collapsed ? "w-16" : "w-64",
      )}
    >
      <div className="flex h-10 items-center px-1.5">
        <Brand name={t("app.name")} iconOnly={collapsed} />
      </div>
      <nav id="main-navigation" aria-label={t("nav.label")}>
        <NavLinks iconOnly={collapsed} />
      </nav>
      <div className={cn("mt-auto flex", collapsed ? "justify-center" : "justify-end")}>
        <Tooltip>
          <TooltipTrigger asChild>
            <Button
              variant="ghost"
              size="icon"
              onClick={toggle}
              aria-label={toggleLabel}
              aria-expanded={!collapsed}
              aria-controls="main-navigation"
            >
              <ToggleIcon aria-hidden="true" />
            </Button>
          </TooltipTrigger>
          <TooltipContent side="right">{toggleLabel}</TooltipContent>
        </Tooltip>
      </div>
    </aside>
  );
}

"use client";

import { useT } from "@/lib/i18n/i18n-provider";
import { LanguageSwitcher } from "./language-switcher";
import { MobileNav } from "./mobile-nav";
import { PortalLink, type PortalLinkProps } from "./portal-link";
import { ProjectSwitcher } from "./project-switcher";
import { useSession } from "./session-provider";
import { SimulatorBadge } from "./simulator-badge";
import { ThemeSwitcher } from "./theme-switcher";
import { UserMenu } from "./user-menu";

/** `portal`: the optional "back to portal" link (PORTAL_URL, read on the server). */
export function SiteHeader({ portal }: { portal?: PortalLinkProps | null }) {
  const t = useT();
  const { simulator } = useSession();
  return (
    <header className="sticky top-0 z-40 flex h-14 items-center gap-2 border-b bg-background/95 px-3 backdrop-blur supports-[backdrop-filter]:bg-background/80 sm:px-4 [@media(pointer:coarse)]:h-16">
      <MobileNav />
      {portal ? <PortalLink url={portal.url} name={portal.name} /> : null}
      <ProjectSwitcher />
      {simulator ? (
        <span className="hidden md:inline-flex">
          <SimulatorBadge label={t("app.simulator")} hint={t("app.simulatorHint")} />
        </span>
      ) : null}
      <div className="ml-auto flex items-center gap-1">
        <LanguageSwitcher />
        <ThemeSwitcher />
        <UserMenu />
      </div>
    </header>
  );
}

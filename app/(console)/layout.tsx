import { cookies } from "next/headers";
import type { ReactNode } from "react";
import { AppSidebar } from "@/components/layout/app-sidebar";
import { LiveAnnouncer } from "@/components/layout/live-announcer";
import { SessionProvider } from "@/components/layout/session-provider";
import { isSidebarCollapsed, SIDEBAR_COOKIE } from "@/components/layout/sidebar-state";
import { SiteHeader } from "@/components/layout/site-header";
import { SkipLink } from "@/components/layout/skip-link";
import { requireSession } from "@/lib/auth/session";
import { getT } from "@/lib/i18n/server";
import { portalLink } from "@/lib/server/portal";

/** The signed-in shell: navigation, header, and the page. No session: off to /login?next=…. */
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const [session, t, cookieStore] = await Promise.all([requireSession(), getT(), cookies()]);
  const collapsed = isSidebarCollapsed(cookieStore.get(SIDEBAR_COOKIE)?.value);
  return (
    <SessionProvider session={session}>
      <SkipLink label={t("common.skipToContent")} />
      <div className="flex min-h-dvh">
        <AppSidebar defaultCollapsed={collapsed} />
        <div className="flex min-w-0 flex-1 flex-col">
          <SiteHeader portal={portalLink()} />
          <main id="main" tabIndex={-1} className="flex-1 p-4 outline-none sm:p-6">
            {children}
          </main>
        </div>
      </div>
      <LiveAnnouncer />
    </SessionProvider>
  );
}

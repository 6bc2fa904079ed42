import {
  ActivityIcon,
  ArchiveIcon,
  CalendarClockIcon,
  DatabaseBackupIcon,
  LayoutDashboardIcon,
  ListChecksIcon,
  type LucideIcon,
  ServerIcon,
} from "lucide-react";
import type { MessageKey } from "@/lib/i18n/messages";

export type NavItem = { href: string; label: MessageKey; icon: LucideIcon };

/** The console's sections, in the order of the ui-guide (Tasks, issue 16, after the vaults). */
export const navItems: readonly NavItem[] = [
  { href: "/", label: "nav.overview", icon: LayoutDashboardIcon },
  { href: "/backups", label: "nav.backups", icon: DatabaseBackupIcon },
  { href: "/servers", label: "nav.servers", icon: ServerIcon },
  { href: "/policies", label: "nav.policies", icon: CalendarClockIcon },
  { href: "/vaults", label: "nav.vaults", icon: ArchiveIcon },
  { href: "/tasks", label: "nav.tasks", icon: ListChecksIcon },
  { href: "/activity", label: "nav.activity", icon: ActivityIcon },
];

/** A section is current on its own page and on every page below it (the overview only on "/"). */
export function isCurrentSection(href: string, pathname: string): boolean {
  if (href === "/") return pathname === "/";
  return pathname === href || pathname.startsWith(`${href}/`);
}

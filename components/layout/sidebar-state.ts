/** Whether the desktop sidebar shows only icons; remembered in a cookie so the server renders it right. */
export const SIDEBAR_COOKIE = "sidebar";
const ONE_YEAR_S = 60 * 60 * 24 * 365;

export function isSidebarCollapsed(cookieValue: string | undefined): boolean {
  return cookieValue === "collapsed";
}

export function sidebarCookie(collapsed: boolean, basePath = ""): string {
  return `${SIDEBAR_COOKIE}=${collapsed ? "collapsed" : "expanded"}; Path=${basePath || "/"}; Max-Age=${ONE_YEAR_S}; SameSite=Lax`;
}

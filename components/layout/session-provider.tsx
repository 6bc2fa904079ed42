"use client";

import { createContext, type ReactNode, useContext } from "react";
import type { SessionInfo } from "@/lib/schemas/session";

const SessionContext = createContext<SessionInfo | null>(null);

/** The shell's session (read on the server) for client components: who, which project, read-only. */
export function SessionProvider({
  session,
  children,
}: {
  session: SessionInfo;
  children: ReactNode;
}) {
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionInfo {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession used outside the console shell");
  return session;
}

/**
 * Whether the signed-in user may change anything. Read-only users (the cloud answers 403 to their
 * changes) are not offered changes at all: no button that can only fail.
 */
export function useCanChange(): boolean {
  return !useSession().readOnly;
}

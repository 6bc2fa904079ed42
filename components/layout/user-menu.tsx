"use client";

import { useQueryClient } from "@tanstack/react-query";
import { EyeIcon, LogOutIcon, UserIcon } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuGroup,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { apiFetch, basePath } from "@/lib/api/fetcher";
import { formatDateTime } from "@/lib/i18n/format";
import { useLocale, useT } from "@/lib/i18n/i18n-provider";
import { useSession } from "./session-provider";

/** Who is signed in, in which account, with which roles; and sign-out. */
export function UserMenu() {
  const t = useT();
  const locale = useLocale();
  const session = useSession();
  const queryClient = useQueryClient();
  const [signingOut, setSigningOut] = useState(false);

  const signOut = async () => {
    if (signingOut) return;
    setSigningOut(true);
    try {
      await apiFetch("/api/auth/logout", { method: "POST", redirectOnSessionEnd: false });
    } catch (error) {
      // The session may already be gone on the server; leaving is still right.
      if (error instanceof Error) toast.error(t("user.signOutFailed", { message: error.message }));
    }
    queryClient.clear();
    // A full load, not a client navigation: nothing of the signed-in pages stays in memory, and
    // Back asks the server again (which answers with the login page).
    window.location.assign(`${basePath()}/login`);
  };

  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button
          variant="ghost"
          className="h-9 gap-2 px-2"
          aria-label={t("user.menu", { name: session.user.name })}
        >
          <UserIcon aria-hidden="true" />
          <span className="hidden max-w-[10rem] truncate md:inline">{session.user.name}</span>
          {session.readOnly ? (
            <Badge variant="warning" className="hidden sm:inline-flex">
              <EyeIcon aria-hidden="true" />
              {t("user.readOnly")}
            </Badge>
          ) : null}
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-72">
        <DropdownMenuLabel className="grid gap-1 font-normal">
          <span className="font-medium">{session.user.name}</span>
          <span className="text-muted-foreground text-xs">
            {t("user.account")}: {session.account.name}
          </span>
          <span className="text-muted-foreground text-xs">
            {t("user.roles")}:{" "}
            {session.roles.length > 0 ? session.roles.join(", ") : t("user.noRoles")}
          </span>
        </DropdownMenuLabel>
        {session.readOnly ? (
          <div className="mx-2 mb-1 grid gap-1 rounded-md border border-warning/30 bg-warning/10 p-2 text-xs">
            <Badge variant="warning">
              <EyeIcon aria-hidden="true" />
              {t("user.readOnly")}
            </Badge>
            <span>{t("user.readOnlyHint")}</span>
          </div>
        ) : null}
        <p className="px-2 py-1 text-muted-foreground text-xs">
          {t("user.sessionEnds", { time: formatDateTime(locale, session.expiresAt) })}
        </p>
        <DropdownMenuSeparator />
        <DropdownMenuGroup>
          <DropdownMenuItem
            destructive
            disabled={signingOut}
            onSelect={(event) => {
              event.preventDefault();
              void signOut();
            }}
          >
            <LogOutIcon aria-hidden="true" />
            {t("user.signOut")}
          </DropdownMenuItem>
        </DropdownMenuGroup>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

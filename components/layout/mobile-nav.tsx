"use client";

import { MenuIcon } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import {
  Sheet,
  SheetContent,
  SheetDescription,
  SheetTitle,
  SheetTrigger,
} from "@/components/ui/sheet";
import { useT } from "@/lib/i18n/i18n-provider";
import { Brand } from "./brand";
import { NavLinks } from "./nav-links";

/** Below the large breakpoint (tablets in portrait) the navigation lives in a drawer. */
export function MobileNav() {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <Sheet open={open} onOpenChange={setOpen}>
      <SheetTrigger asChild>
        <Button variant="ghost" size="icon" className="lg:hidden" aria-label={t("nav.open")}>
          <MenuIcon aria-hidden="true" />
        </Button>
      </SheetTrigger>
      <SheetContent side="left" closeLabel={t("common.close")} className="bg-sidebar p-4">
        <SheetTitle className="pr-10">
          <Brand name={t("app.name")} />
        </SheetTitle>
        <SheetDescription className="sr-only">{t("nav.label")}</SheetDescription>
        <nav aria-label={t("nav.label")}>
          <NavLinks onNavigate={() => setOpen(false)} />
        </nav>
      </SheetContent>
    </Sheet>
  );
}

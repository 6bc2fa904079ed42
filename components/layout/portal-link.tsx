"use client";

import { ArrowLeftIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { useT } from "@/lib/i18n/i18n-provider";

export type PortalLinkProps = { url: string; name: string | undefined };

/**
 * "Back to <portal>" in the header when PORTAL_URL is set. It targets the top window: inside the
 * portal's iframe, the portal must replace itself rather than open inside its own frame.
 */
export function PortalLink({ url, name }: PortalLinkProps) {
  const t = useT();
  const label = name ? t("portal.backTo", { name }) : t("portal.back");
  return (
    <Button asChild variant="ghost" size="sm">
      <a href={url} target="_top" data-testid="portal-link">
        <ArrowLeftIcon aria-hidden="true" />
        {/* The words stay for screen readers when a narrow header shows the arrow only. */}
        <span className="sr-only lg:not-sr-only">{label}</span>
      </a>
    </Button>
  );
}

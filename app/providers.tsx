"use client";

import { QueryClientProvider } from "@tanstack/react-query";
import { ThemeProvider } from "next-themes";
import { type ReactNode, useState } from "react";
import { Toaster } from "@/components/ui/sonner";
import { TooltipProvider } from "@/components/ui/tooltip";
import { makeQueryClient } from "@/lib/api/query-client";
import { I18nProvider } from "@/lib/i18n/i18n-provider";
import type { Locale } from "@/lib/i18n/locales";
import type { Messages } from "@/lib/i18n/messages";

type ProvidersProps = {
  locale: Locale;
  /** The active language's catalog (the only one the browser downloads). */
  messages: Messages;
  /** The CSP nonce of this response (set by proxy.ts), for next-themes' inline script. */
  nonce: string | undefined;
  children: ReactNode;
};

export function Providers({ locale, messages, nonce, children }: ProvidersProps) {
  // One client per tab, created once: a module-level client would be shared between requests on the server.
  const [queryClient] = useState(makeQueryClient);
  return (
    <ThemeProvider
      attribute="class"
      defaultTheme="system"
      enableSystem
      disableTransitionOnChange
      storageKey="theme"
      nonce={nonce}
    >
      <I18nProvider locale={locale} messages={messages}>
        <QueryClientProvider client={queryClient}>
          <TooltipProvider delayDuration={300}>
            {children}
            <Toaster position="bottom-right" />
          </TooltipProvider>
        </QueryClientProvider>
      </I18nProvider>
    </ThemeProvider>
  );
}

import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { localeTags } from "@/lib/i18n/locales";
import { getLocale, getMessages, getT } from "@/lib/i18n/server";
import { Providers } from "./providers";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: { default: t("app.name"), template: `%s · ${t("app.shortName")}` } };
}

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#f8f9fb" },
    { media: "(prefers-color-scheme: dark)", color: "#15171c" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, messages, headerList] = await Promise.all([getLocale(), getMessages(), headers()]);
  const nonce = headerList.get("x-nonce") ?? undefined;
  return (
    // next-themes sets the theme class before hydration, so React must not warn about it.
    <html lang={localeTags[locale]} suppressHydrationWarning>
      <body className="min-h-dvh">
        <Providers locale={locale} messages={messages} nonce={nonce}>
          {children}
        </Providers>
      </body>
    </html>
  );
}

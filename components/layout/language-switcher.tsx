"use client";

import { LanguagesIcon } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { basePath } from "@/lib/api/fetcher";
import { useLocale, useT } from "@/lib/i18n/i18n-provider";
import { isLocale, localeCookie, locales } from "@/lib/i18n/locales";

/** Remembers the language in the `locale` cookie, then re-renders the page on the server in it. */
export function LanguageSwitcher() {
  const t = useT();
  const locale = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const choose = (value: string) => {
    if (!isLocale(value) || value === locale) return;
    // biome-ignore lint/suspicious/noDocumentCookie: the server reads this plain preference cookie on every request
    document.cookie = localeCookie(value, basePath());
    startTransition(() => router.refresh());
  };
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button
          variant="ghost"
          size="sm"
          className="h-9 gap-1.5 px-2"
          aria-label={t("language.choose", { name: t(`language.${locale}`) })}
          aria-busy={pending || undefined}
        >
          <LanguagesIcon aria-hidden="true" />
          <span aria-hidden="true" className="font-medium text-xs uppercase">
            {locale === "zh" ? "中" : "EN"}
          </span>
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end">
        <DropdownMenuLabel>{t("language.label")}</DropdownMenuLabel>
        <DropdownMenuRadioGroup value={locale} onValueChange={choose}>
          {locales.map((value) => (
            <DropdownMenuRadioItem key={value} value={value} lang={value === "zh" ? "zh-CN" : "en"}>
              {t(`language.${value}`)}
            </DropdownMenuRadioItem>
          ))}
        </DropdownMenuRadioGroup>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

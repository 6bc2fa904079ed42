import { CompassIcon } from "lucide-react";
import Link from "next/link";
import { Brand } from "@/components/layout/brand";
import { Button } from "@/components/ui/button";
import { getT } from "@/lib/i18n/server";

export default async function NotFound() {
  const t = await getT();
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-6 p-6 text-center">
      <Brand name={t("app.name")} />
      <CompassIcon className="size-10 text-muted-foreground" aria-hidden="true" />
      <div className="grid gap-2">
        <h1 className="font-semibold text-2xl">{t("notFound.title")}</h1>
        <p className="text-muted-foreground">{t("notFound.body")}</p>
      </div>
      <Button asChild>
        <Link href="/">{t("notFound.home")}</Link>
      </Button>
    </main>
  );
}

import { ConstructionIcon } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { MessageKey } from "@/lib/i18n/messages";
import { getT } from "@/lib/i18n/server";
import { PageHeader } from "./page-header";

type NotBuiltYetProps = {
  title: MessageKey;
  /** What the page will hold, as a phrase. */
  what: MessageKey;
  /** The issue that brings the page. */
  issue: number;
};

/** A section whose issue has not landed: says so plainly, with no data and no pretend links. */
export async function NotBuiltYet({ title, what, issue }: NotBuiltYetProps) {
  const t = await getT();
  return (
    <>
      <PageHeader title={t(title)} />
      <Card className="max-w-2xl">
        <CardHeader>
          <CardTitle className="flex items-center gap-2">
            <Badge variant="muted">
              <ConstructionIcon aria-hidden="true" />
              {t("page.notBuilt")}
            </Badge>
          </CardTitle>
        </CardHeader>
        <CardContent>
          <p className="text-muted-foreground">
            {t("page.notBuiltBody", { issue, what: t(what) })}
          </p>
        </CardContent>
      </Card>
    </>
  );
}

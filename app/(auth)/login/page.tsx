import { ClockIcon, ExternalLinkIcon, FlaskConicalIcon } from "lucide-react";
import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { Brand } from "@/components/layout/brand";
import { LanguageSwitcher } from "@/components/layout/language-switcher";
import { SkipLink } from "@/components/layout/skip-link";
import { ThemeSwitcher } from "@/components/layout/theme-switcher";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getSession } from "@/lib/auth/session";
import { isSimulatorMode } from "@/lib/cloud/config";
import { getT } from "@/lib/i18n/server";
import { frameContextOf } from "@/lib/portal/frame-context";
import { demoLogin } from "@/lib/schemas/login";
import { safeNextPath } from "@/lib/schemas/next-path";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("login.title") };
}

type SearchParams = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function LoginPage(props: { searchParams: Promise<SearchParams> }) {
  const searchParams = await props.searchParams;
  const next = safeNextPath(first(searchParams.next), process.env.NEXT_PUBLIC_BASE_PATH ?? "");
  // Already signed in (another tab, or Back after signing in): no second sign-in needed.
  if (await getSession()) redirect(next);

  const t = await getT();
  const simulator = isSimulatorMode();
  const expired = first(searchParams.reason) === "expired";
  // In a cross-site portal frame the session cookie would never come back: say so (issue 8).
  const crossSiteFrame = frameContextOf(await headers()) === "cross-site-frame";
  const basePath = process.env.NEXT_PUBLIC_BASE_PATH ?? "";
  const defaults = simulator
    ? { domain: demoLogin.domain, user: demoLogin.user, project: demoLogin.project }
    : { domain: "", user: "", project: "" };

  return (
    <>
      <SkipLink label={t("common.skipToContent")} />
      <div className="flex min-h-dvh flex-col">
        <header className="flex items-center justify-between gap-2 p-3 sm:p-4">
          <Brand name={t("app.name")} />
          <div className="flex items-center gap-1">
            <LanguageSwitcher />
            <ThemeSwitcher />
          </div>
        </header>
        <main
          id="main"
          tabIndex={-1}
          className="flex flex-1 items-start justify-center px-4 pt-6 pb-12 outline-none sm:items-center sm:pt-0"
        >
          <div className="grid w-full max-w-md gap-4">
            {crossSiteFrame ? (
              <Alert variant="warning" data-testid="frame-notice">
                <ExternalLinkIcon aria-hidden="true" />
                <AlertTitle>{t("portal.frameTitle")}</AlertTitle>
                <AlertDescription className="text-foreground">
                  <p>{t("portal.frameBody")}</p>
                  <a
                    href={`${basePath}${next}`}
                    target="_blank"
                    rel="noopener"
                    className="font-medium underline underline-offset-4"
                  >
                    {t("portal.openInTab")}
                  </a>
                </AlertDescription>
              </Alert>
            ) : null}
            {expired ? (
              <Alert variant="warning">
                <ClockIcon aria-hidden="true" />
                <AlertDescription className="text-foreground">
                  {t("login.expired")}
                </AlertDescription>
              </Alert>
            ) : null}
            <Card>
              <CardHeader>
                <CardTitle>
                  <h1 className="text-2xl">{t("login.title")}</h1>
                </CardTitle>
                <CardDescription>{t("login.subtitle")}</CardDescription>
              </CardHeader>
              <CardContent>
                <LoginForm defaults={defaults} next={next} />
              </CardContent>
            </Card>
            {simulator ? (
              <Alert variant="info">
                <FlaskConicalIcon aria-hidden="true" />
                <AlertTitle>{t("login.demoTitle")}</AlertTitle>
                <AlertDescription>
                  <p>{t("app.simulatorHint")}</p>
                  <ul className="grid gap-1">
                    <li>
                      <code className="font-mono text-foreground">
                        {demoLogin.domain} / {demoLogin.user} / {demoLogin.password}
                      </code>{" "}
                      ({t("login.demoAdmin")})
                    </li>
                    <li>
                      <code className="font-mono text-foreground">
                        {demoLogin.domain} / {demoLogin.auditor.user} / {demoLogin.auditor.password}
                      </code>{" "}
                      ({t("login.demoAuditor")})
                    </li>
                  </ul>
                  <p>{t("login.demoProjects", { projects: demoLogin.projects.join(", ") })}</p>
                </AlertDescription>
              </Alert>
            ) : null}
          </div>
        </main>
      </div>
    </>
  );
}

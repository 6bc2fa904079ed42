"use client";

import "./globals.css";
import { globalErrorWords } from "@/lib/i18n/global-error-words";

const { en, zh } = globalErrorWords;

// Replaces the root layout when it fails itself, so no provider (and no locale) can be trusted:
// it says the same thing in both languages.
export default function GlobalError({
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <html lang="en">
      <body className="flex min-h-dvh items-center justify-center bg-background p-6 text-foreground">
        <main className="grid max-w-lg gap-6">
          <section className="grid gap-2">
            <h1 className="font-semibold text-2xl">{en.title}</h1>
            <p className="text-muted-foreground">{en.body}</p>
          </section>
          <section lang="zh-CN" className="grid gap-2">
            <h2 className="font-semibold text-xl">{zh.title}</h2>
            <p className="text-muted-foreground">{zh.body}</p>
          </section>
          <button
            type="button"
            onClick={reset}
            className="h-10 w-fit rounded-md bg-primary px-6 font-medium text-primary-foreground text-sm outline-none focus-visible:ring-[3px] focus-visible:ring-ring/60"
          >
            {en.retry} · <span lang="zh-CN">{zh.retry}</span>
          </button>
        </main>
      </body>
    </html>
  );
}

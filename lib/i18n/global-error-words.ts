/**
 * The words of the page shown when the root layout itself fails (app/global-error.tsx). That page
 * has no provider, so it says them in both languages at once; and Next.js loads it with every page,
 * so it takes these few strings, not the catalogs. messages.ts reads them from here: one source.
 */
export const globalErrorWords = {
  en: {
    title: "Something went wrong",
    body: "The console hit an unexpected error. Try again; if it keeps happening, tell your administrator.",
    retry: "Try again",
  },
  zh: {
    title: "出错了",
    body: "控制台发生意外错误。请重试；如果问题持续出现，请联系管理员。",
    retry: "重试",
  },
} as const;

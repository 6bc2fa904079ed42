import { z } from "zod";

/** What the audit trail records (lib/server/audit-store.ts) and /activity filters on. */
export const ACTIVITY_ACTIONS = [
  "backup.create",
  "backup.delete",
  "backup.rename",
  "vault.backup",
  "vault.create",
  "vault.update",
  "vault.add-resources",
  "vault.remove-resources",
  "vault.lock",
  "vault.delete",
  "policy.create",
  "policy.update",
  "policy.enable",
  "policy.disable",
  "policy.delete",
  "policy.run",
  "policy.bind",
  "policy.unbind",
  "restore.start",
  "session.sign-in",
  "session.sign-out",
  "session.project-switch",
  "session.ended",
] as const;
export const ACTIVITY_RESULTS = ["succeeded", "failed", "refused"] as const;
export const ACTIVITY_PAGE_SIZES = [25, 50, 100] as const;

export type ActivityAction = (typeof ACTIVITY_ACTIONS)[number];
export type ActivityResult = (typeof ACTIVITY_RESULTS)[number];

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use YYYY-MM-DD.")
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), "Not a date.");
const text = z.string().trim().max(128);
const many = <T extends z.ZodType>(item: T) =>
  z.union([item.transform((v) => [v]), z.array(item).max(ACTIVITY_ACTIONS.length)]);

/** The API's query: strict, so that a wrong value is a 400 rather than a silently wider list. */
export const activityQuerySchema = z
  .object({
    action: many(z.enum(ACTIVITY_ACTIONS)).optional(),
    result: many(z.enum(ACTIVITY_RESULTS)).optional(),
    user: text.optional(),
    project: text.optional(),
    target: text.optional(),
    from: day.optional(),
    to: day.optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    size: z.coerce
      .number()
      .int()
      .refine((n) => (ACTIVITY_PAGE_SIZES as readonly number[]).includes(n), "Not a page size.")
      .default(ACTIVITY_PAGE_SIZES[0]),
  })
  .strict();

export type ActivityQuery = z.output<typeof activityQuerySchema>;

export type ActivitySearch = {
  actions: ActivityAction[];
  results: ActivityResult[];
  user: string;
  project: string;
  target: string;
  from: string;
  to: string;
  page: number;
  size: number;
};

export const emptyActivitySearch: ActivitySearch = {
  actions: [],
  results: [],
  user: "",
  project: "",
  target: "",
  from: "",
  to: "",
  page: 1,
  size: ACTIVITY_PAGE_SIZES[0],
};

/** The page's address, read leniently: a value that does not fit is dropped, never an error. */
export function parseActivitySearch(params: URLSearchParams): ActivitySearch {
  const pick = <T extends string>(key: string, allowed: readonly T[]) =>
    [...new Set(params.getAll(key))].filter((v): v is T =>
      (allowed as readonly string[]).includes(v),
    );
  const textOf = (key: string) => {
    const parsed = text.safeParse(params.get(key) ?? "");
    return parsed.success ? parsed.data : "";
  };
  const dayOf = (key: string) => {
    const parsed = day.safeParse(params.get(key));
    return parsed.success ? parsed.data : "";
  };
  const page = Number(params.get("page"));
  const size = Number(params.get("size"));
  return {
    actions: pick("action", ACTIVITY_ACTIONS),
    results: pick("result", ACTIVITY_RESULTS),
    user: textOf("user"),
    project: textOf("project"),
    target: textOf("target"),
    from: dayOf("from"),
    to: dayOf("to"),
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    size: (ACTIVITY_PAGE_SIZES as readonly number[]).includes(size) ? size : ACTIVITY_PAGE_SIZES[0],
  };
}

/** The search as an address query (and the API's): defaults left out. */
export function activitySearchParams(search: ActivitySearch, paging = true): URLSearchParams {
  const params = new URLSearchParams();
  for (const action of search.actions) params.append("action", action);
  for (const result of search.results) params.append("result", result);
  for (const key of ["user", "project", "target", "from", "to"] as const) {
    if (search[key]) params.set(key, search[key]);
  }
  if (paging && search.page !== 1) params.set("page", String(search.page));
  if (paging && search.size !== ACTIVITY_PAGE_SIZES[0]) params.set("size", String(search.size));
  return params;
}

export const activityEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  action: z.enum(ACTIVITY_ACTIONS),
  result: z.enum(ACTIVITY_RESULTS),
  account: z.string(),
  user: z.string(),
  project: z.string(),
  target: z.string(),
  detail: z.string(),
  address: z.string(),
});
export type ActivityEntry = z.infer<typeof activityEntrySchema>;

export const activityPageSchema = z.object({
  items: z.array(activityEntrySchema),
  total: z.number().int().nonnegative(),
  page: z.number().int(),
  size: z.number().int(),
});
export type ActivityPage = z.infer<typeof activityPageSchema>;

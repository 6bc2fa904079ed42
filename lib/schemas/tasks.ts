import { z } from "zod";
import { uuidSchema } from "./common";

/**
 * CBR tasks (the cloud's operation logs) as the console shows them: on `/tasks` and on a vault's
 * page. The filters are the ones `GET /operation-logs` takes (cloud-apis.md §4.8); CBR keeps a
 * task for 30 days, so no view reaches further back.
 */

/** `operation_type` values of the reference. */
export const TASK_TYPES = [
  "backup",
  "restore",
  "delete",
  "vault_delete",
  "remove_resource",
  "sync",
  "replication",
] as const;
export type TaskType = (typeof TASK_TYPES)[number];

/** `status` values of the reference, moving ones first (the order of the filter). */
export const TASK_STATUSES = [
  "running",
  "waiting",
  "success",
  "failed",
  "timeout",
  "skipped",
] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** Task states that are still moving: a view that shows one keeps refreshing. */
export const RUNNING_TASK_STATUSES = ["running", "waiting"] as const;

export function isRunningTask(status: string): boolean {
  return (RUNNING_TASK_STATUSES as readonly string[]).includes(status);
}

/** How far back CBR keeps its tasks. */
export const TASK_RETENTION_DAYS = 30;
const DAY_MS = 86_400_000;

/** The time windows `/tasks` offers, each ending now. */
export const TASK_WINDOWS = ["24h", "7d", "30d"] as const;
export type TaskWindow = (typeof TASK_WINDOWS)[number];
export const DEFAULT_TASK_WINDOW: TaskWindow = "30d";
const WINDOW_MS: Record<TaskWindow, number> = {
  "24h": DAY_MS,
  "7d": 7 * DAY_MS,
  "30d": TASK_RETENTION_DAYS * DAY_MS,
};

/**
 * The earliest creation time a view asks the cloud for: the window's start, never before the
 * 30 days CBR keeps (whatever a window may say, older tasks are not the console's to show).
 */
export function taskWindowStart(window: TaskWindow, now: Date): Date {
  const floor = now.getTime() - TASK_RETENTION_DAYS * DAY_MS;
  return new Date(Math.max(floor, now.getTime() - WINDOW_MS[window]));
}

export const TASK_PAGE_SIZES = [20, 50, 100] as const;
export const DEFAULT_TASK_PAGE_SIZE = 20;
const MAX_PAGE = 10_000;

export type TaskSearch = {
  type?: TaskType;
  status?: TaskStatus;
  vault?: string;
  window: TaskWindow;
  page: number;
  size: number;
};

export const DEFAULT_TASK_SEARCH: TaskSearch = {
  window: DEFAULT_TASK_WINDOW,
  page: 1,
  size: DEFAULT_TASK_PAGE_SIZE,
};

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;

/** The page's address, read leniently: a value that does not fit is dropped, never an error. */
export function parseTaskSearch(params: URLSearchParams): TaskSearch {
  const vault = params.get("vault");
  const page = Number(params.get("page"));
  const size = Number(params.get("size"));
  const type = oneOf(TASK_TYPES, params.get("type"));
  const status = oneOf(TASK_STATUSES, params.get("status"));
  return {
    ...(type ? { type } : {}),
    ...(status ? { status } : {}),
    ...(vault && uuidSchema.safeParse(vault).success ? { vault } : {}),
    window: oneOf(TASK_WINDOWS, params.get("window")) ?? DEFAULT_TASK_WINDOW,
    page: Number.isInteger(page) && page >= 1 && page <= MAX_PAGE ? page : 1,
    size: (TASK_PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_TASK_PAGE_SIZE,
  };
}

/** The search as an address query (and the API's): defaults left out, so that links stay short. */
export function taskSearchParams(search: TaskSearch): URLSearchParams {
  const params = new URLSearchParams();
  if (search.type) params.set("type", search.type);
  if (search.status) params.set("status", search.status);
  if (search.vault) params.set("vault", search.vault);
  if (search.window !== DEFAULT_TASK_WINDOW) params.set("window", search.window);
  if (search.page !== 1) params.set("page", String(search.page));
  if (search.size !== DEFAULT_TASK_PAGE_SIZE) params.set("size", String(search.size));
  return params;
}

/** `GET /api/tasks`: strict, so that a wrong value is a 400 rather than a silently wider list. */
export const taskQuerySchema = z
  .object({
    type: z.enum(TASK_TYPES).optional(),
    status: z.enum(TASK_STATUSES).optional(),
    vault: uuidSchema.optional(),
    window: z.enum(TASK_WINDOWS).default(DEFAULT_TASK_WINDOW),
    page: z.coerce.number().int().min(1).max(MAX_PAGE).default(1),
    size: z.coerce
      .number()
      .int()
      .refine((n) => (TASK_PAGE_SIZES as readonly number[]).includes(n), "Not a page size.")
      .default(DEFAULT_TASK_PAGE_SIZE),
  })
  .strict();
export type TaskQuery = z.output<typeof taskQuerySchema>;

// ---------- what the routes answer ----------

const named = z.object({ id: z.string(), name: z.string() });

/** One task: what it did, to what, how it went, and where its backup, vault and target are. */
export const taskViewSchema = z.object({
  id: z.string(),
  type: z.string(),
  status: z.string(),
  checkpointId: z.string().optional(),
  startedAt: z.string().optional(),
  endedAt: z.string().optional(),
  /** 0–100, as the cloud reports it. */
  progress: z.number().optional(),
  vault: named.optional(),
  /** The resource the task is about (`OS::Nova::Server`, `OS::Cinder::Volume` …). */
  resource: named.extend({ type: z.string() }).optional(),
  backupId: z.string().optional(),
  backupName: z.string().optional(),
  /** A restore's target: the resource that was overwritten. */
  restoreTarget: named.optional(),
  errorCode: z.string().optional(),
  errorMessage: z.string().optional(),
  policyId: z.string().optional(),
});
export type TaskView = z.infer<typeof taskViewSchema>;

export const taskListResponseSchema = z.object({
  tasks: z.array(taskViewSchema),
  total: z.number().int().nonnegative(),
  page: z.number().int(),
  size: z.number().int(),
  /** The window's start as it was asked of the cloud (ISO). */
  since: z.string(),
});
export type TaskListResponse = z.infer<typeof taskListResponseSchema>;

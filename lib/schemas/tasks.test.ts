import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_TASK_SEARCH,
  parseTaskSearch,
  TASK_RETENTION_DAYS,
  TASK_WINDOWS,
  taskQuerySchema,
  taskSearchParams,
  taskWindowStart,
} from "./tasks";

const DAY = 86_400_000;
const NOW = new Date("2026-11-22T10:15:00Z");
const VAULT = "3c4b6f1e-2a7d-4b8e-9f10-5d6c7b8a9e01";

describe("taskWindowStart", () => {
  it("starts each window that long before now", () => {
    expect(taskWindowStart("24h", NOW).toISOString()).toBe("2026-11-21T10:15:00.000Z");
    expect(taskWindowStart("7d", NOW).toISOString()).toBe("2026-11-15T10:15:00.000Z");
    expect(taskWindowStart("30d", NOW).toISOString()).toBe("2026-10-23T10:15:00.000Z");
  });

  it("never reaches further back than the 30 days CBR keeps", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...TASK_WINDOWS),
        fc.date({
          min: new Date("2000-01-01T00:00:00Z"),
          max: new Date("2100-01-01T00:00:00Z"),
          noInvalidDate: true,
        }),
        (w, now) => {
          const start = taskWindowStart(w, now).getTime();
          expect(start).toBeGreaterThanOrEqual(now.getTime() - TASK_RETENTION_DAYS * DAY);
          expect(start).toBeLessThan(now.getTime());
        },
      ),
    );
  });
});

describe("the /tasks address", () => {
  it("round-trips a view, leaving the defaults out", () => {
    const search = {
      type: "restore",
      status: "failed",
      vault: VAULT,
      window: "7d",
      page: 3,
      size: 50,
    } as const;
    const params = taskSearchParams(search);
    expect(params.toString()).toBe(
      `type=restore&status=failed&vault=${VAULT}&window=7d&page=3&size=50`,
    );
    expect(parseTaskSearch(params)).toEqual(search);
    expect(taskSearchParams(DEFAULT_TASK_SEARCH).toString()).toBe("");
  });

  it("drops a value that does not fit, keeping the others", () => {
    const params = new URLSearchParams(
      `type=snapshot&status=running&vault=../x&window=90d&page=-2&size=7`,
    );
    expect(parseTaskSearch(params)).toEqual({ ...DEFAULT_TASK_SEARCH, status: "running" });
  });

  it("is what the API accepts, and the API refuses what the address would drop", () => {
    fc.assert(
      fc.property(
        fc.record({
          type: fc.constantFrom(undefined, "backup", "vault_delete"),
          status: fc.constantFrom(undefined, "waiting", "timeout"),
          window: fc.constantFrom(...TASK_WINDOWS),
          page: fc.integer({ min: 1, max: 10_000 }),
          size: fc.constantFrom(20, 50, 100),
        }),
        (raw) => {
          const search = parseTaskSearch(
            new URLSearchParams(Object.entries(raw).filter(([, v]) => v !== undefined) as never),
          );
          const query = Object.fromEntries(taskSearchParams(search));
          expect(taskQuerySchema.parse(query)).toEqual({ ...search });
        },
      ),
    );
    expect(taskQuerySchema.safeParse({ window: "90d" }).success).toBe(false);
    expect(taskQuerySchema.safeParse({ vault: "x" }).success).toBe(false);
    expect(taskQuerySchema.safeParse({ since: "2020-01-01" }).success).toBe(false);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cloudErrorMessage } from "@/lib/i18n/cloud-errors";
import type { TaskListResponse, TaskView } from "@/lib/schemas/tasks";
import type { VaultListResponse } from "@/lib/schemas/vault";
import {
  idParams,
  noParams,
  type RouteHarness,
  startRouteHarness,
} from "@/lib/testing/route-harness";
import { GET as vaultTasks } from "../vaults/[id]/operation-logs/route";
import { GET as listVaults } from "../vaults/route";
import { GET as listTasks } from "./route";

const DAY = 86_400_000;
let h: RouteHarness;
let projectId: string;

beforeAll(async () => {
  // The seeded manual backup keeps running for the whole suite.
  h = await startRouteHarness({
    project: "cn-north-4",
    sim: { durations: { protectMs: 600_000 } },
  });
  ({ projectId } = await h.sim.adminToken("cn-north-4"));
});
afterAll(() => h.close());

async function tasks(qs = ""): Promise<{ status: number; body: TaskListResponse }> {
  const res = await listTasks(h.request("GET", `/api/tasks${qs ? `?${qs}` : ""}`), noParams);
  return { status: res.status, body: (await res.json()) as TaskListResponse };
}

/** The simulator's own answer, without the console in between. */
async function cloudCount(qs: string): Promise<number> {
  const { token } = await h.sim.adminToken("cn-north-4");
  const res = await fetch(`${h.sim.url}/cbr/v3/${projectId}/operation-logs?limit=1&${qs}`, {
    headers: { "x-auth-token": token },
  });
  return ((await res.json()) as { count: number }).count;
}

async function vaultId(name: string): Promise<string> {
  const res = await listVaults(h.request("GET", `/api/vaults?name=${name}`), noParams);
  const vault = ((await res.json()) as VaultListResponse).vaults.find((v) => v.name === name);
  if (!vault) throw new Error(name);
  return vault.id;
}

const startedMs = (task: TaskView) => Date.parse(task.startedAt ?? "");

describe("GET /api/tasks against the simulator", () => {
  it("lists the project's tasks newest first, paged, each with its vault, resource and backup", async () => {
    const { status, body } = await tasks();
    expect(status).toBe(200);
    expect(body).toMatchObject({ page: 1, size: 20 });
    expect(body.tasks).toHaveLength(20);
    expect(body.total).toBe(await cloudCount("")); // every seeded task is within the 30 days
    const starts = body.tasks.map(startedMs);
    expect(starts).toEqual([...starts].sort((a, b) => b - a));
    const backup = body.tasks.find((t) => t.type === "backup" && t.status === "success");
    expect(backup).toMatchObject({
      id: expect.any(String),
      vault: { id: expect.any(String), name: expect.stringMatching(/^vault-/) },
      resource: { id: expect.any(String), name: expect.any(String), type: expect.any(String) },
      backupId: expect.any(String),
      backupName: expect.stringMatching(/bk_/),
      startedAt: expect.any(String),
      endedAt: expect.any(String),
      progress: 100,
    });

    const second = await tasks("page=2");
    expect(second.body.total).toBe(body.total);
    const firstIds = new Set(body.tasks.map((t) => t.id));
    expect(second.body.tasks.some((t) => firstIds.has(t.id))).toBe(false);
  });

  it("filters by type, status and vault in the cloud", async () => {
    const failed = await tasks("type=backup&status=failed");
    expect(failed.body.total).toBe(await cloudCount("operation_type=backup&status=failed"));
    expect(failed.body.total).toBeGreaterThan(0);
    for (const task of failed.body.tasks) {
      expect(task).toMatchObject({ type: "backup", status: "failed" });
      // The catalog's plain words for the code, not the cloud's text.
      expect(task.errorCode).toMatch(/^BackupService\./);
      expect(task.errorMessage).toBe(cloudErrorMessage(task.errorCode ?? "", "en"));
    }

    const running = await tasks("status=running");
    expect(running.body.tasks.length).toBeGreaterThan(0);
    expect(running.body.tasks[0]).toMatchObject({
      status: "running",
      progress: expect.any(Number),
    });

    const id = await vaultId("vault-data-disks");
    const inVault = await tasks(`vault=${id}&size=100`);
    expect(inVault.body.total).toBe(await cloudCount(`vault_id=${id}`));
    expect(inVault.body.tasks.every((t) => t.vault?.id === id)).toBe(true);
  });

  it("asks for a window's tasks only, and never for any older than 30 days", async () => {
    const now = Date.now();
    const day = await tasks("window=24h&size=100");
    expect(Date.parse(day.body.since)).toBeGreaterThan(now - DAY - 60_000);
    expect(day.body.tasks.every((t) => startedMs(t) >= now - DAY - 60_000)).toBe(true);
    const week = await tasks("window=7d");
    expect(week.body.total).toBeGreaterThanOrEqual(day.body.total);

    // A task the cloud still has from 40 days ago: the simulator lists it, the console does not.
    const logs = h.sim.ctx.state.projects[projectId]?.cbr.operationLogs ?? [];
    const template = logs.find((l) => l.operationType === "backup" && l.status === "success");
    if (!template) throw new Error("no seeded backup log");
    const old = new Date(now - 40 * DAY).toISOString();
    const oldId = "00000000-0000-4000-8000-0000000000aa";
    logs.push({ ...template, id: oldId, createdAt: old, startedAt: old, updatedAt: old });
    const all = await tasks("size=100");
    expect(await cloudCount("")).toBe(all.body.total + 1);
    expect(Date.parse(all.body.since)).toBeGreaterThanOrEqual(now - 30 * DAY - 60_000);
    for (let page = 1; (page - 1) * 100 < all.body.total; page++) {
      const { body } = await tasks(`size=100&page=${page}`);
      expect(body.tasks.some((t) => t.id === oldId)).toBe(false);
    }
  });

  it("refuses what the cloud does not filter by, before asking it", async () => {
    for (const qs of [
      "status=done",
      "type=snapshot",
      "vault=not-a-uuid",
      "window=90d",
      "size=7",
      "page=0",
      "resource=x",
    ]) {
      const res = await listTasks(h.request("GET", `/api/tasks?${qs}`), noParams);
      expect(res.status, qs).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: expect.any(String) } });
    }
  });

  it("gives a vault's page the same task view", async () => {
    const id = await vaultId("vault-prod-servers");
    const res = await vaultTasks(
      h.request("GET", `/api/vaults/${id}/operation-logs?limit=5`),
      idParams(id),
    );
    const body = (await res.json()) as { tasks: TaskView[] };
    const { body: page } = await tasks(`vault=${id}&size=20`);
    // A running task's progress may move between the two calls.
    const still = ({ progress: _, ...task }: TaskView) => task;
    expect(body.tasks.map(still)).toEqual(page.tasks.slice(0, 5).map(still));
  });
});

import { describe, expect, it } from "vitest";
import { operationLogSchema } from "@/lib/cloud/schemas/cbr";
import { toTaskView } from "./task-view";

const VAULT = "3c4b6f1e-2a7d-4b8e-9f10-5d6c7b8a9e01";
const log = (over: Record<string, unknown>) =>
  operationLogSchema.parse({
    id: "4827f2da-b008-4507-ab7d-42d0df5ed912",
    operation_type: "backup",
    status: "success",
    vault_id: VAULT,
    vault_name: "vault-prod-servers",
    created_at: "2026-11-20T02:00:00.000Z",
    started_at: "2026-11-20T02:00:01.000Z",
    ended_at: "2026-11-20T02:09:00.000Z",
    error_info: { code: "", message: "" },
    extra_info: {
      common: { progress: 100 },
      resource: { id: "srv-1", name: "web-01", type: "OS::Nova::Server" },
      backup: { backup_id: "bk-1", backup_name: "autobk_3f2a", incremental: "true" },
    },
    ...over,
  });

describe("toTaskView", () => {
  it("maps a backup task: vault, resource, backup, times and progress", () => {
    expect(toTaskView(log({ policy_id: "p-1", checkpoint_id: "cp-1" }), "en")).toEqual({
      id: "4827f2da-b008-4507-ab7d-42d0df5ed912",
      type: "backup",
      status: "success",
      checkpointId: "cp-1",
      startedAt: "2026-11-20T02:00:01.000Z",
      endedAt: "2026-11-20T02:09:00.000Z",
      progress: 100,
      vault: { id: VAULT, name: "vault-prod-servers" },
      resource: { id: "srv-1", name: "web-01", type: "OS::Nova::Server" },
      backupId: "bk-1",
      backupName: "autobk_3f2a",
      policyId: "p-1",
    });
  });

  it("takes a restore's backup and target from its own part", () => {
    const task = toTaskView(
      log({
        operation_type: "restore",
        extra_info: {
          resource: { id: "srv-1", name: "web-01", type: "OS::Nova::Server" },
          restore: {
            backup_id: "bk-1",
            backup_name: "autobk_3f2a",
            target_resource_id: "srv-2",
            target_resource_name: "web-02",
          },
        },
      }),
      "en",
    );
    expect(task).toMatchObject({
      type: "restore",
      backupId: "bk-1",
      restoreTarget: { id: "srv-2", name: "web-02" },
    });
  });

  it("words a failure from the catalog, and in the cloud's words only when it has none", () => {
    const known = {
      code: "BackupService.7101",
      message: "Backup is not allowed in the current server status.",
    };
    expect(toTaskView(log({ status: "failed", error_info: known }), "zh")).toMatchObject({
      errorCode: "BackupService.7101",
      errorMessage: "当前云服务器状态不允许备份。",
    });
    const unknown = { code: "BackupService.0000x", message: "Something odd." };
    expect(toTaskView(log({ status: "failed", error_info: unknown }), "en")).toMatchObject({
      errorMessage: "Something odd.",
    });
  });

  it("falls back to the creation time and the ids where names are missing", () => {
    const task = toTaskView(
      log({ started_at: undefined, vault_name: "", extra_info: { resource: { id: "vol-1" } } }),
      "en",
    );
    expect(task).toMatchObject({
      startedAt: "2026-11-20T02:00:00.000Z",
      vault: { id: VAULT, name: VAULT },
      resource: { id: "vol-1", name: "vol-1", type: "" },
    });
    expect(task.backupId).toBeUndefined();
  });
});

import { describe, expect, it } from "vitest";
import type { TaskView } from "@/lib/schemas/tasks";
import { taskLinks } from "./task-links";

const VAULT = { id: "3c4b6f1e-2a7d-4b8e-9f10-5d6c7b8a9e01", name: "vault-prod-servers" };
const task = (over: Partial<TaskView>): TaskView => ({
  id: "t1",
  type: "backup",
  status: "success",
  vault: VAULT,
  backupId: "b/1",
  ...over,
});

describe("taskLinks", () => {
  it("links a backup task to its CBR backup and its vault", () => {
    expect(taskLinks(task({}))).toEqual({
      backup: "/backups/b%2F1?service=cbr",
      vault: `/vaults/${VAULT.id}`,
    });
  });

  it("links a restore to the backup it restored from (no page shows a restore itself)", () => {
    expect(taskLinks(task({ type: "restore", status: "running" })).backup).toBe(
      "/backups/b%2F1?service=cbr",
    );
  });

  it("does not link what a finished delete removed, but does while it runs or after it failed", () => {
    expect(taskLinks(task({ type: "delete" })).backup).toBeUndefined();
    expect(taskLinks(task({ type: "delete", status: "failed" })).backup).toBeDefined();
    expect(taskLinks(task({ type: "vault_delete" })).vault).toBeUndefined();
    expect(taskLinks(task({ type: "vault_delete", status: "running" })).vault).toBeDefined();
  });

  it("links nothing the task does not name", () => {
    expect(taskLinks({ id: "t2", type: "sync", status: "success" })).toEqual({});
  });
});

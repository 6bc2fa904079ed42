import { describe, expect, it } from "vitest";
import { changeEntries, matchChange } from "./audit-actions";

const who = { account: "demo", user: "admin", project: "eu-west-0" };
const ok = (payload: unknown = {}) => ({ kind: "answered" as const, status: 200, payload });

describe("matchChange", () => {
  it("knows every change the issue names, and nothing else", () => {
    expect(matchChange("POST", "/servers/backup")?.rule.action).toBe("backup.create");
    expect(matchChange("POST", "/backups/delete")?.rule.action).toBe("backup.delete");
    expect(matchChange("PATCH", "/backups/abc")?.pathParams).toEqual({ id: "abc" });
    expect(matchChange("POST", "/policies")?.rule.action).toBe("policy.create");
    expect(matchChange("PUT", "/policies/p1")?.rule.action).toBe("policy.update");
    expect(matchChange("DELETE", "/policies/p1")?.rule.action).toBe("policy.delete");
    expect(matchChange("POST", "/policies/p1/execute")?.rule.action).toBe("policy.run");
    expect(matchChange("POST", "/restores")?.rule.action).toBe("restore.start");
    expect(matchChange("PATCH", "/vaults/v1")?.rule.action).toBe("vault.update");
    expect(matchChange("POST", "/vaults/v1/remove-resources")?.rule.action).toBe(
      "vault.remove-resources",
    );
    expect(matchChange("POST", "/vaults/v1/delete")?.rule.action).toBe("vault.delete");
    expect(matchChange("POST", "/restores/preflight")).toBeUndefined();
    expect(matchChange("GET", "/policies")).toBeUndefined();
    expect(matchChange("POST", "/auth/login")).toBeUndefined();
  });
});

describe("changeEntries", () => {
  it("records one entry per item of a several-at-once answer", () => {
    const entries = changeEntries({
      method: "POST",
      apiPath: "/servers/backup",
      who,
      params: {},
      body: { servers: [{ id: "s1" }, { id: "s2" }] },
      outcome: ok({
        results: [
          { serverId: "s1", name: "b-0001", ok: true, checkpointId: "c1" },
          { serverId: "s2", name: "b-0002", ok: false, error: { code: "CSBS.6004" } },
        ],
      }),
    });
    expect(entries).toEqual([
      { ...who, action: "backup.create", target: "s1", result: "succeeded", detail: "b-0001" },
      { ...who, action: "backup.create", target: "s2", result: "failed", detail: "CSBS.6004" },
    ]);
  });

  it("says which service a deleted backup belonged to", () => {
    const entries = changeEntries({
      method: "POST",
      apiPath: "/backups/delete",
      who,
      params: {},
      body: { service: "cbr", items: [{ id: "b1" }, { id: "b2" }] },
      outcome: ok({
        results: [
          { id: "b1", ok: true },
          { id: "b2", ok: false, error: { code: "BackupService.6201" } },
        ],
      }),
    });
    expect(entries).toEqual([
      { ...who, action: "backup.delete", target: "b1", result: "succeeded", detail: "cbr" },
      {
        ...who,
        action: "backup.delete",
        target: "b2",
        result: "failed",
        detail: "BackupService.6201",
      },
    ]);
  });

  it("tells enable from disable and keeps the new name of a rename", () => {
    const [disable] = changeEntries({
      method: "PATCH",
      apiPath: "/policies/p1",
      who,
      params: { id: "p1" },
      body: { enabled: false },
      outcome: ok(),
    });
    expect(disable).toMatchObject({ action: "policy.disable", target: "p1", result: "succeeded" });
    const [rename] = changeEntries({
      method: "PATCH",
      apiPath: "/backups/b1",
      who,
      params: { id: "b1" },
      body: { name: "nightly" },
      outcome: ok(),
    });
    expect(rename).toMatchObject({ action: "backup.rename", target: "b1", detail: "nightly" });
  });

  it("says refused for the console's checks and failed for the cloud's", () => {
    const [refused] = changeEntries({
      method: "DELETE",
      apiPath: "/policies/p1",
      who,
      params: undefined,
      body: undefined,
      outcome: { kind: "error", stage: "checks", status: 403, code: "READ_ONLY" },
    });
    expect(refused).toMatchObject({
      action: "policy.delete",
      target: "p1",
      result: "refused",
      detail: "READ_ONLY",
    });
    const [failed] = changeEntries({
      method: "POST",
      apiPath: "/restores",
      who,
      params: {},
      body: { backupId: "b", serverId: "s" },
      outcome: { kind: "error", stage: "handler", status: 502, code: "CSBS.6015" },
    });
    expect(failed).toMatchObject({
      action: "restore.start",
      target: "b → s",
      result: "failed",
      detail: "CSBS.6015",
    });
  });

  it("records nothing for reads and unknown routes", () => {
    expect(
      changeEntries({
        method: "POST",
        apiPath: "/restores/preflight",
        who,
        params: {},
        body: {},
        outcome: ok(),
      }),
    ).toEqual([]);
  });
});

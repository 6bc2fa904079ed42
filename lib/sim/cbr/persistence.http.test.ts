// CBR state (a new checkpoint, a renamed backup) survives a simulator restart on the same data dir.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startTestSim } from "../testing/start";

const dataDir = mkdtempSync(path.join(tmpdir(), "sim-cbr-persist-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function session(reset: boolean) {
  const sim = await startTestSim({ dataDir, reset, durations: { protectMs: 60_000 } });
  const { token, projectId } = await sim.adminToken();
  const call = async (method: string, p: string, body?: unknown) => {
    const res = await fetch(`${sim.url}/cbr/v3/${projectId}${p}`, {
      method,
      headers: { "x-auth-token": token, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    // biome-ignore lint/suspicious/noExplicitAny: the test reads untyped JSON answers
    return { status: res.status, json: (await res.json()) as Record<string, any> };
  };
  return { sim, call };
}

describe("CBR persistence", () => {
  it("keeps checkpoints, running backups and renames across a restart", async () => {
    const first = await session(true);
    const { json: vaults } = await first.call("GET", "/vaults?name=vault-data-disks");
    const vault = vaults.vaults[0];
    const created = await first.call("POST", "/checkpoints", {
      checkpoint: { vault_id: vault.id, parameters: { name: "before_restart" } },
    });
    expect(created.status).toBe(200);
    const checkpointId = created.json.checkpoint.id;
    const { json: list } = await first.call("GET", "/backups?status=available&limit=1");
    const backupId = list.backups[0].id;
    expect(
      (await first.call("PUT", `/backups/${backupId}`, { backup: { name: "renamed_kept" } }))
        .status,
    ).toBe(200);
    await first.sim.close();

    const second = await session(false);
    try {
      const checkpoint = await second.call("GET", `/checkpoints/${checkpointId}`);
      expect(checkpoint.json.checkpoint).toMatchObject({
        id: checkpointId,
        status: "protecting",
        extra_info: { name: "before_restart" },
      });
      const backups = await second.call("GET", `/backups?checkpoint_id=${checkpointId}`);
      expect(backups.json.count).toBe(vault.resources.length);
      expect((await second.call("GET", `/backups/${backupId}`)).json.backup.name).toBe(
        "renamed_kept",
      );
    } finally {
      await second.sim.close();
    }
  });
});

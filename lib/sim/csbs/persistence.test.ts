import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { PROVIDER_ID, startCsbs } from "./test-kit";

const dataDir = mkdtempSync(path.join(tmpdir(), "csbs-persist-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

it("keeps policies and backups across a restart of the simulator", async () => {
  const first = await startCsbs({ dataDir });
  const server = first.sim.ctx.state.projects[first.projectId]?.servers.find(
    (s) => s.status === "ACTIVE" && s.volumeIds.length > 0 && !s.bareMetal,
  );
  const created = await first.call("POST", "/policies", {
    policy: {
      name: "survives-restart",
      provider_id: PROVIDER_ID,
      parameters: { common: {} },
      resources: [],
      scheduled_operations: [
        {
          enabled: true,
          operation_type: "backup",
          operation_definition: { max_backups: 3 },
          trigger: {
            properties: {
              pattern:
                "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nRRULE:FREQ=DAILY;BYHOUR=3;BYMINUTE=0\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
            },
          },
        },
      ],
    },
  });
  expect(created.status).toBe(200);
  const backup = await first.call(
    "POST",
    `/providers/${PROVIDER_ID}/resources/${server?.id}/action`,
    { protect: { backup_name: "kept" } },
  );
  expect(backup.status).toBe(200);
  const count = (await first.call("GET", "/checkpoint_items/count")).body.count;
  await first.close();

  const second = await startCsbs({ dataDir });
  try {
    const policy = await second.call("GET", `/policies/${created.body.policy.id}`);
    expect(policy.status).toBe(200);
    expect(policy.body.policy.name).toBe("survives-restart");
    expect((await second.call("GET", "/checkpoint_items/count")).body.count).toBe(count);
    const items = await second.call(
      "GET",
      `/checkpoint_items?checkpoint_id=${backup.body.checkpoint.id}`,
    );
    expect(items.body.checkpoint_items[0].name).toBe("kept");
  } finally {
    await second.close();
  }
});

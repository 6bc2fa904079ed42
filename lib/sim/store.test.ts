import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { StateStore } from "./store";
import { startTestSim } from "./testing/start";

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(path.join(tmpdir(), "sim-store-"));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe("state persistence", () => {
  it("state (data and tokens) survives a restart on the same data dir; reset re-seeds", async () => {
    const dataDir = tempDir();
    const first = await startTestSim({ dataDir });
    const { token, projectId } = await first.adminToken();
    const project = first.ctx.state.projects[projectId];
    const server = project?.servers[0];
    if (!server) throw new Error("no seeded server");
    server.name = "renamed-before-restart";
    first.ctx.markDirty();
    const seededAt = first.ctx.state.seededAt;
    await first.close();

    const second = await startTestSim({ dataDir });
    try {
      expect(second.ctx.state.seededAt).toBe(seededAt);
      const res = await fetch(`${second.url}/ecs/v2.1/${projectId}/servers/${server.id}`, {
        headers: { "X-Auth-Token": token },
      });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { server: { name: string } }).server.name).toBe(
        "renamed-before-restart",
      );
    } finally {
      await second.close();
    }

    const third = await startTestSim({ dataDir, reset: true });
    try {
      expect(
        third.ctx.state.projects[projectId]?.servers.some(
          (s) => s.name === "renamed-before-restart",
        ),
      ).toBe(false);
      const res = await fetch(`${third.url}/ecs/v2.1/${projectId}/servers`, {
        headers: { "X-Auth-Token": token },
      });
      expect(res.status).toBe(401);
    } finally {
      await third.close();
    }
  });

  it("debounces writes, writes atomically, and ignores a corrupt file", async () => {
    const dataDir = tempDir();
    let state = { version: 1 as const, seededAt: "x", projects: {}, tokens: {} };
    const store = new StateStore(dataDir, () => state, 30);
    expect(store.load()).toBeNull();
    store.markDirty();
    state = { ...state, seededAt: "y" };
    store.markDirty();
    await store.flush();
    expect(JSON.parse(readFileSync(store.filePath, "utf8")).seededAt).toBe("y");
    expect(store.load()?.seededAt).toBe("y");
    writeFileSync(store.filePath, "{ torn");
    expect(store.load()).toBeNull();
    writeFileSync(store.filePath, JSON.stringify({ version: 2 }));
    expect(store.load()).toBeNull();
  });
});

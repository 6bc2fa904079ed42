import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSim, type TestSim } from "@/lib/sim/testing/start";
import * as cbr from "./cbr";
import { parseCloudConfig, setCloudConfigForTests } from "./config";
import type { CloudContext } from "./context";
import * as csbs from "./csbs";
import * as ecs from "./ecs";
import { CloudError } from "./errors";
import * as evs from "./evs";
import { type IamToken, listUserProjects, passwordLogin, rescopeToken, revokeToken } from "./iam";

// The real clients against the simulator over HTTP, in simulator mode (no CLOUD_IAM_ENDPOINT).

let sim: TestSim;
let admin: IamToken;
let ctx: CloudContext;

const demo = { domain: "demo", user: "admin", password: "Demo@2026", project: "eu-west-0" };

function useSimulator(extra: Record<string, string> = {}) {
  const port = new URL(sim.url).port;
  setCloudConfigForTests(parseCloudConfig({ SIM_PORT: port, ...extra }));
}

async function failure(promise: Promise<unknown>): Promise<CloudError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CloudError) return error;
    throw error;
  }
  throw new Error("expected a CloudError");
}

/** A service's own root, as the catalog names it. */
const at = (service: "csbs" | "cbr" | "ecs" | "evs") =>
  `http://127.0.0.1:${sim.sim.ports()?.[service]}`;

beforeAll(async () => {
  sim = await startTestSim();
  useSimulator();
  admin = await passwordLogin(demo);
  ctx = { token: admin.token, projectId: admin.project.id, endpoints: admin.endpoints };
});

afterAll(async () => {
  setCloudConfigForTests();
  await sim?.close();
});

describe("IAM", () => {
  it("password login gives a project token with endpoints from the catalog", () => {
    expect(admin.token.length).toBeGreaterThan(10);
    expect(admin.user.name).toBe("admin");
    expect(admin.domain.name).toBe("demo");
    expect(admin.project.name).toBe("eu-west-0");
    expect(admin.expiresAt.getTime()).toBeGreaterThan(Date.now() + 60 * 60 * 1000);
    // Each service at its own port's root, read from the catalog as for a real cloud.
    expect(admin.endpoints).toEqual({
      csbs: `${at("csbs")}/v1/${admin.project.id}`,
      cbr: `${at("cbr")}/v3/${admin.project.id}`,
      ecs: `${at("ecs")}/v2.1/${admin.project.id}`,
      evs: `${at("evs")}/v2/${admin.project.id}`,
    });
  });

  it("a wrong password is a 401 CloudError", async () => {
    const error = await failure(passwordLogin({ ...demo, password: "wrong" }));
    expect(error.status).toBe(401);
    expect(error.service).toBe("iam");
  });

  it("lists the user's projects and re-scopes to another one", async () => {
    const projects = await listUserProjects(admin.token);
    expect(projects.map((p) => p.name).sort()).toEqual(["cn-north-4", "eu-de", "eu-west-0"]);
    const other = projects.find((p) => p.name === "cn-north-4");
    if (!other) throw new Error("no cn-north-4");
    const rescoped = await rescopeToken(admin.token, other.id);
    expect(rescoped.project).toEqual({ id: other.id, name: "cn-north-4" });
    expect(rescoped.endpoints.csbs).toBe(`${at("csbs")}/v1/${other.id}`);
  });

  it("a revoked token is refused afterwards", async () => {
    const session = await passwordLogin(demo);
    await revokeToken(session.token);
    await revokeToken(session.token); // twice is fine
    const error = await failure(
      ecs.listServers({
        token: session.token,
        projectId: session.project.id,
        endpoints: session.endpoints,
      }),
    );
    expect(error.status).toBe(401);
  });
});

describe("CSBS", () => {
  it("lists, counts and reads backups", async () => {
    const page = await csbs.listCheckpointItems(ctx, { limit: 5 });
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.length).toBeLessThanOrEqual(5);
    const total = await csbs.countCheckpointItems(ctx);
    expect(total).toBeGreaterThan(page.items.length);
    const first = page.items[0];
    if (!first) throw new Error("no backup");
    const item = await csbs.getCheckpointItem(ctx, first.id);
    expect(item.id).toBe(first.id);
    expect(item.created_at).toMatch(/Z$/);
    expect(page.nextMarker).toBeTruthy();
    const next = await csbs.listCheckpointItems(ctx, { limit: 5, marker: page.nextMarker });
    expect(next.items.length).toBeGreaterThan(0);
    expect(next.items.some((i) => page.items.some((p) => p.id === i.id))).toBe(false);
    const available = await csbs.listCheckpointItems(ctx, { status: "available", limit: 3 });
    expect(available.items.every((i) => i.status === "available")).toBe(true);
  });

  it("policies and quotas", async () => {
    const policies = await csbs.listPolicies(ctx);
    expect(policies.length).toBeGreaterThan(0);
    const policy = await csbs.getPolicy(ctx, policies[0]?.id ?? "");
    expect(policy.scheduled_operations[0]?.trigger?.properties.pattern).toMatch(/RRULE/);
    const quotas = await csbs.getQuotas(ctx);
    expect(quotas.map((q) => q.type)).toContain("backups");
  });

  it("an unknown backup is a 404 with the CSBS code", async () => {
    const error = await failure(
      csbs.getCheckpointItem(ctx, "00000000-0000-4000-8000-000000000000"),
    );
    expect(error.status).toBe(404);
    expect(error.code).toMatch(/^CSBS\./);
  });

  it("a path escape is refused before any request", async () => {
    const error = await failure(csbs.getCheckpointItem(ctx, "../../../iam/v3/auth/projects"));
    expect(error.code).toBe("INVALID_PATH");
  });

  it("the read-only user gets a CSBS 403 on a change", async () => {
    const auditor = await passwordLogin({ ...demo, user: "auditor", password: "Audit@2026" });
    const servers = await ecs.listServers(ctx, { limit: 1 });
    const server = servers.items[0];
    if (!server) throw new Error("no server");
    const error = await failure(
      csbs.createCheckpoint(
        { token: auditor.token, projectId: auditor.project.id, endpoints: auditor.endpoints },
        { resourceId: server.id, backup_name: "not-allowed" },
      ),
    );
    expect(error.status).toBe(403);
    expect(error.code).toMatch(/^CSBS\./);
  });
});

describe("CSBS changes", () => {
  it("back up a server now, see the backup, check it can be restored", async () => {
    const servers = await ecs.listServers(ctx);
    const checks = await csbs.checkProtectable(
      ctx,
      servers.items.map((s) => ({ resource_id: s.id, resource_type: "OS::Nova::Server" })),
    );
    const ok = checks.find((c) => c.result === true);
    if (!ok?.resource_id) throw new Error("no protectable server");
    const checkpoint = await csbs.createCheckpoint(ctx, {
      resourceId: ok.resource_id,
      backup_name: "it-backup",
      description: "integration test",
      incremental: false,
    });
    expect(checkpoint.id).toBeTruthy();
    const page = await csbs.listCheckpointItems(ctx, { checkpoint_id: checkpoint.id });
    expect(page.items).toHaveLength(1);
    expect(page.items[0]?.name).toBe("it-backup");
    expect(page.items[0]?.resource_id).toBe(ok.resource_id);
  });

  it("a policy round trip keeps the pattern byte for byte", async () => {
    const servers = await ecs.listServers(ctx, { limit: 1 });
    const target = servers.items[0];
    if (!target) throw new Error("no server");
    const pattern =
      "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nRRULE:FREQ=WEEKLY;BYDAY=MO,TH;BYHOUR=2;BYMINUTE=30\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    const created = await csbs.createPolicy(ctx, {
      name: `it-policy-${Date.now()}`,
      description: "integration test",
      resources: [],
      scheduled_operation: {
        name: "weekly",
        enabled: false,
        operation_definition: { max_backups: 7, retention_duration_days: -1, permanent: false },
        pattern,
      },
    });
    const op = created.scheduled_operations[0];
    expect(op?.trigger?.properties.pattern).toBe(pattern);
    expect(op?.operation_definition.max_backups).toBe(7);
    const updated = await csbs.updatePolicy(ctx, created.id, {
      description: "changed",
      scheduled_operation: { id: op?.id ?? "", enabled: true },
    });
    expect(updated.description).toBe("changed");
    expect(updated.scheduled_operations[0]?.enabled).toBe(true);
    expect(
      (await csbs.getPolicy(ctx, created.id)).scheduled_operations[0]?.trigger?.properties.pattern,
    ).toBe(pattern);
    await csbs.deletePolicy(ctx, created.id);
    const error = await failure(csbs.getPolicy(ctx, created.id));
    expect(error.status).toBe(404);
  });
});

describe("ECS and EVS", () => {
  it("lists servers, their attachments and volumes", async () => {
    const servers = await ecs.listServers(ctx);
    expect(servers.items.length).toBeGreaterThan(5);
    const withDisk = servers.items.find(
      (s) => s["os-extended-volumes:volumes_attached"].length > 0,
    );
    if (!withDisk) throw new Error("no server with a disk");
    const server = await ecs.getServer(ctx, withDisk.id);
    expect(server.id).toBe(withDisk.id);
    const attachments = await ecs.listServerVolumeAttachments(ctx, withDisk.id);
    expect(attachments.length).toBe(withDisk["os-extended-volumes:volumes_attached"].length);
    const volume = await evs.getVolume(ctx, attachments[0]?.volumeId ?? "");
    expect(volume.attachments.some((a) => a.server_id === withDisk.id)).toBe(true);
    const volumes = await evs.listVolumes(ctx);
    expect(volumes.items.length).toBeGreaterThan(servers.items.length / 2);
  });
});

describe("CBR", () => {
  it("vaults, backups with children, tasks", async () => {
    const vaults = await cbr.listVaults(ctx);
    expect(vaults.items.length).toBeGreaterThan(0);
    const vault = await cbr.getVault(ctx, vaults.items[0]?.id ?? "");
    expect(vault.id).toBe(vaults.items[0]?.id);
    expect(vault.billing?.size).toBeGreaterThan(0);
    const backups = await cbr.listBackups(ctx, { status: ["available", "error"], limit: 10 });
    expect(backups.items.length).toBeGreaterThan(0);
    expect(backups.items.every((b) => b.status === "available" || b.status === "error")).toBe(true);
    const server = backups.items.find((b) => b.resource_type === "OS::Nova::Server");
    if (!server) throw new Error("no server backup");
    const backup = await cbr.getBackup(ctx, server.id);
    expect(backup.children.length).toBeGreaterThan(0);
    expect(backup.children.every((c) => c.parent_id === backup.id)).toBe(true);
    const logs = await cbr.listOperationLogs(ctx, { limit: 5 });
    expect(logs.items.length).toBeGreaterThan(0);
    const log = await cbr.getOperationLog(ctx, logs.items[0]?.id ?? "");
    expect(log.id).toBe(logs.items[0]?.id);
    const checkpoint = await cbr.getCheckpoint(ctx, backup.checkpoint_id ?? "");
    expect(checkpoint.id).toBe(backup.checkpoint_id);
  });
});

describe("AK/SK", () => {
  it("the demo key signs requests instead of the token", async () => {
    useSimulator({
      CLOUD_AK: "DEMOACCESSKEY0000000",
      CLOUD_SK: "DEMOSECRETKEY000000000000000000000000000",
    });
    try {
      const servers = await ecs.listServers({ ...ctx, token: "not-a-token" }, { limit: 2 });
      expect(servers.items.length).toBe(2);
      const items = await csbs.listCheckpointItems({ ...ctx, token: "not-a-token" }, { limit: 1 });
      expect(items.items).toHaveLength(1);
    } finally {
      useSimulator();
    }
  });
});

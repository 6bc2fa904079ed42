import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as cbr from "./cbr";
import { parseCloudConfig, setCloudConfigForTests } from "./config";
import type { CloudContext } from "./context";
import * as csbs from "./csbs";
import * as ecs from "./ecs";
import { CloudError } from "./errors";
import * as seed from "./fixtures/seed-samples";
import { type FakeServer, json, startFakeServer } from "./testing/fake-server";

// What the clients send: exactly the documented fields, paths and queries (strict writing).

const PID = "0c89d4e457c3401a89c65420fd45f3a2";
const SERVER = "f45c477a-57e5-465f-999f-d845083962db";
const ITEM = "504b7d59-c361-411f-9ed3-814f35d08e3d";
const CHECKPOINT = "a2b9fb53-2770-4fc9-9bad-6cadd56e6c09";
const VOL_BACKUP = "bc118c24-3234-4af9-8423-d66d3d677649";
const VOLUME = "ee27f809-6fb5-40ae-ac46-c932bb4ee8fe";
const POLICY = "f766c171-9336-479a-8b30-b83cabf6381e";
const PROVIDER = "fc4d5750-22e7-4798-8a46-f48f62c4c1da";

let server: FakeServer;
let ctx: CloudContext;

beforeAll(async () => {
  server = await startFakeServer();
  ctx = {
    token: "token-0123456789",
    projectId: PID,
    endpoints: {
      csbs: `${server.url}/csbs/v1/${PID}`,
      cbr: `${server.url}/cbr/v3/${PID}`,
      ecs: `${server.url}/ecs/v2.1/${PID}`,
      evs: `${server.url}/evs/v2/${PID}`,
    },
  };
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  setCloudConfigForTests(parseCloudConfig({}));
});
afterEach(() => setCloudConfigForTests());

const answer = (body: string, status = 200) => server.handle((_r, res) => json(res, status, body));
const last = () => {
  const req = server.requests.at(-1);
  if (!req) throw new Error("no request");
  return { ...req, json: req.body ? JSON.parse(req.body) : undefined };
};

describe("CSBS requests", () => {
  it("back up a server", async () => {
    answer(seed.csbsProtectResponse);
    const checkpoint = await csbs.createCheckpoint(ctx, {
      resourceId: SERVER,
      backup_name: "backup",
      description: "backup des",
      exclude_volumes: [VOLUME],
    });
    expect(checkpoint.status).toBe("protecting");
    const req = last();
    expect(req.method).toBe("POST");
    expect(req.url).toBe(`/csbs/v1/${PID}/providers/${PROVIDER}/resources/${SERVER}/action`);
    expect(req.json).toEqual({
      protect: {
        backup_name: "backup",
        description: "backup des",
        extra_info: { exclude_volumes: [VOLUME] },
      },
    });
  });

  it("restore sends power_on explicitly and every mapping", async () => {
    answer(seed.csbsRestoreResponse);
    await csbs.restore(ctx, {
      checkpoint_id: CHECKPOINT,
      checkpoint_item_id: ITEM,
      power_on: false,
      server_id: SERVER,
      volumes: [{ backup_id: VOL_BACKUP, volume_id: VOLUME }],
    });
    expect(last().url).toBe(`/csbs/v1/${PID}/restores`);
    expect(last().json).toEqual({
      restore: {
        provider_id: PROVIDER,
        checkpoint_id: CHECKPOINT,
        parameters: {
          checkpoint_item_id: ITEM,
          power_on: false,
          targets: { server_id: SERVER, volumes: [{ backup_id: VOL_BACKUP, volume_id: VOLUME }] },
        },
      },
    });
  });

  it("check_restorable with the target as an object", async () => {
    answer(seed.csbsCheckRestorableResponse);
    const results = await csbs.checkRestorable(ctx, [
      {
        checkpoint_item_id: ITEM,
        target: {
          resource_id: SERVER,
          resource_type: "OS::Nova::Server",
          volumes: [{ backup_id: VOL_BACKUP, volume_id: VOLUME }],
        },
      },
    ]);
    expect(results[0]?.result).toBe(true);
    expect(last().url).toBe(`/csbs/v1/${PID}/providers/${PROVIDER}/resources/action`);
    expect(last().json.check_restorable[0].target).toEqual({
      resource_id: SERVER,
      resource_type: "OS::Nova::Server",
      volumes: [{ backup_id: VOL_BACKUP, volume_id: VOLUME }],
    });
  });

  it("create policy: one scheduled operation, real numbers, the pattern as given", async () => {
    answer(seed.csbsCreatePolicyResponse);
    const pattern =
      "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nRRULE:FREQ=WEEKLY;BYDAY=TH;BYHOUR=12;BYMINUTE=27\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    const policy = await csbs.createPolicy(ctx, {
      name: "my-plan",
      description: "My plan",
      resources: [{ id: SERVER, type: "OS::Nova::Server", name: "resource1" }],
      scheduled_operation: {
        name: "my-backup-policy",
        enabled: true,
        operation_definition: { max_backups: 20, permanent: false },
        pattern,
      },
    });
    expect(policy.scheduled_operations[0]?.operation_definition.max_backups).toBe(20);
    expect(last().json).toEqual({
      policy: {
        name: "my-plan",
        description: "My plan",
        provider_id: PROVIDER,
        parameters: { common: {} },
        resources: [{ id: SERVER, type: "OS::Nova::Server", name: "resource1" }],
        scheduled_operations: [
          {
            name: "my-backup-policy",
            enabled: true,
            operation_type: "backup",
            operation_definition: { max_backups: 20, permanent: false },
            trigger: { properties: { pattern } },
          },
        ],
      },
    });
  });

  it("update policy sends only what changes", async () => {
    answer(seed.csbsUpdatePolicyResponse);
    await csbs.updatePolicy(ctx, POLICY, {
      scheduled_operation: { id: "fed3c8f1-7b6e-4e24-b1ad-473838bad569", enabled: false },
    });
    expect(last().method).toBe("PUT");
    expect(last().url).toBe(`/csbs/v1/${PID}/policies/${POLICY}`);
    expect(last().json).toEqual({
      policy: {
        scheduled_operations: [{ id: "fed3c8f1-7b6e-4e24-b1ad-473838bad569", enabled: false }],
      },
    });
  });

  it("execute policy, delete one item, delete a policy", async () => {
    answer(seed.csbsExecutePolicyResponse);
    await csbs.executePolicy(ctx, POLICY, { resources: [SERVER] });
    expect(last().url).toBe(`/csbs/v1/${PID}/providers/${PROVIDER}/checkpoints`);
    expect(last().json).toEqual({
      checkpoint: { plan_id: POLICY, parameters: { auto_trigger: false, resources: [SERVER] } },
    });
    answer("{}");
    await csbs.deleteCheckpoint(ctx, CHECKPOINT, ITEM);
    expect(last().method).toBe("DELETE");
    expect(last().url).toBe(
      `/csbs/v1/${PID}/providers/${PROVIDER}/checkpoints/${CHECKPOINT}?checkpoint_items=${ITEM}`,
    );
    server.handle((_r, res) => res.writeHead(200).end());
    await csbs.deletePolicy(ctx, POLICY);
    expect(last().url).toBe(`/csbs/v1/${PID}/policies/${POLICY}`);
  });

  it("list queries carry only documented keys", async () => {
    answer(seed.csbsListCheckpointItemsResponse);
    const page = await csbs.listCheckpointItems(ctx, {
      status: "available",
      limit: 2,
      sort: "created_at:desc",
      // A key the API does not document never reaches it.
      ...({ project_id: "other" } as object),
    });
    expect(page.items).toHaveLength(1);
    expect(last().url).toBe(
      `/csbs/v1/${PID}/checkpoint_items?status=available&limit=2&sort=created_at%3Adesc`,
    );
    answer(seed.csbsCountResponse);
    expect(await csbs.countCheckpointItems(ctx, { status: "error" })).toBe(10);
    expect(last().url).toBe(`/csbs/v1/${PID}/checkpoint_items/count?status=error`);
  });

  it("refuses an id that is not one, and sends nothing", async () => {
    for (const call of [
      () => csbs.getCheckpointItem(ctx, "../policies"),
      () => csbs.deleteCheckpoint(ctx, CHECKPOINT, "x&all=1"),
      () => csbs.executePolicy(ctx, "%2e%2e"),
      () => csbs.getPolicy(ctx, `${POLICY}/../../x`),
    ]) {
      await expect(call()).rejects.toMatchObject({ code: "INVALID_PATH" });
    }
    expect(server.requests).toHaveLength(0);
  });

  it("refuses endpoints of another project", async () => {
    const other = { ...ctx, projectId: "ffffffffffffffffffffffffffffffff" };
    await expect(csbs.getQuotas(other)).rejects.toBeInstanceOf(CloudError);
    expect(server.requests).toHaveLength(0);
  });

  it("a catalog without CSBS reads as empty and refuses changes with NO_ENDPOINT", async () => {
    const cbrOnly = { ...ctx, endpoints: { ...ctx.endpoints, csbs: "" } };
    expect(csbs.csbsOffered(cbrOnly)).toBe(false);
    expect(csbs.csbsOffered(ctx)).toBe(true);
    expect(await csbs.listCheckpointItems(cbrOnly)).toEqual({ items: [] });
    expect(await csbs.countCheckpointItems(cbrOnly)).toBe(0);
    expect(await csbs.listPolicies(cbrOnly)).toEqual([]);
    expect(await csbs.getQuotas(cbrOnly)).toEqual([]);
    await expect(csbs.executePolicy(cbrOnly, POLICY)).rejects.toMatchObject({
      code: "NO_ENDPOINT",
    });
    expect(server.requests).toHaveLength(0);
  });
});

describe("CBR and ECS requests", () => {
  it("repeated status, restore with explicit power_on, rename", async () => {
    answer('{"backups":[],"count":0}');
    await cbr.listBackups(ctx, { status: ["available", "error"], vault_id: POLICY, limit: 5 });
    expect(last().url).toBe(
      `/cbr/v3/${PID}/backups?vault_id=${POLICY}&status=available&status=error&limit=5`,
    );
    server.handle((_r, res) => res.writeHead(202).end());
    const result = await cbr.restoreBackup(ctx, ITEM, {
      server_id: SERVER,
      power_on: false,
      mappings: [{ backup_id: VOL_BACKUP, volume_id: VOLUME }],
    });
    expect(result).toEqual({ job_id: undefined });
    expect(last().url).toBe(`/cbr/v3/${PID}/backups/${ITEM}/restore`);
    expect(last().json).toEqual({
      restore: {
        server_id: SERVER,
        power_on: false,
        mappings: [{ backup_id: VOL_BACKUP, volume_id: VOLUME }],
      },
    });
    answer('{"job_id":"4827f2da-b008-4507-ab7d-42d0df5ed912"}');
    expect(await cbr.restoreBackup(ctx, ITEM, { volume_id: VOLUME })).toEqual({
      job_id: "4827f2da-b008-4507-ab7d-42d0df5ed912",
    });
    expect(last().json).toEqual({ restore: { volume_id: VOLUME } });
    answer(seed.cbrRenameBackupResponse);
    await cbr.renameBackup(ctx, ITEM, "new-name");
    expect(last().method).toBe("PUT");
    expect(last().json).toEqual({ backup: { name: "new-name" } });
  });

  it("vault checkpoint", async () => {
    answer(seed.cbrCreateCheckpointResponse);
    const checkpoint = await cbr.createCheckpoint(ctx, {
      vault_id: POLICY,
      parameters: { name: "backup_name", incremental: true, resources: [SERVER] },
    });
    expect(checkpoint.vault?.name).toBe("vault-be94");
    expect(last().json).toEqual({
      checkpoint: {
        vault_id: POLICY,
        parameters: { name: "backup_name", incremental: true, resources: [SERVER] },
      },
    });
  });

  it("ECS paging by marker", async () => {
    answer(
      JSON.stringify({
        servers: [],
        servers_links: [
          {
            rel: "next",
            href: `${server.url}/ecs/v2.1/${PID}/servers/detail?limit=1&marker=${SERVER}`,
          },
        ],
      }),
    );
    const page = await ecs.listServers(ctx, { limit: 1 });
    expect(page.nextMarker).toBe(SERVER);
    expect(last().url).toBe(`/ecs/v2.1/${PID}/servers/detail?limit=1`);
  });
});

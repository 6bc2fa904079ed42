import { mkdtempSync, rmSync } from "node:fs";
import os, { tmpdir } from "node:os";
import path from "node:path";
import { BasicCredentials } from "@huaweicloud/huaweicloud-sdk-core";
import { ClientBuilder } from "@huaweicloud/huaweicloud-sdk-core/ClientBuilder";
import type { HcClient, HttpRequestOptions } from "@huaweicloud/huaweicloud-sdk-core/HcClient";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { demoAccessKey } from "./iam/directory";
import { startTestSim, type TestSim } from "./testing/start";

/*
 * Huawei's own Node SDK core (npm @huaweicloud/huaweicloud-sdk-core): its HcClient keeps only the
 * scheme and host of an endpoint, adds `/v3/{project_id}/…` itself, fills the project id from the
 * credentials and signs with its AKSKSigner (SDK-HMAC-SHA256, signing `host`, `x-project-id`,
 * `x-sdk-date` and, with a body, `content-type`). The simulator must accept those requests at the
 * services' own endpoints, as a region's CSBS and CBR hosts do.
 */
let sim: TestSim;
let projectId: string;
let tempHome: string;

beforeAll(async () => {
  // The SDK writes an application id under ~/.huaweicloud: a temporary home keeps it out of ours
  // (os.homedir() reads the process's real HOME, which a worker thread's env cannot change).
  tempHome = mkdtempSync(path.join(tmpdir(), "huawei-sdk-home-"));
  vi.spyOn(os, "homedir").mockReturnValue(tempHome);
  sim = await startTestSim();
  ({ projectId } = await sim.adminToken());
});
afterAll(async () => {
  await sim.close();
  vi.restoreAllMocks();
  rmSync(tempHome, { recursive: true, force: true });
});

function client(
  service: "csbs" | "cbr",
  credentials: { ak: string; sk: string } = demoAccessKey,
): HcClient {
  const port = sim.sim.ports()?.[service];
  const creds = new BasicCredentials()
    .withAk(credentials.ak)
    .withSk(credentials.sk)
    .withProjectId(projectId);
  return new ClientBuilder((hc: HcClient) => hc)
    .withEndpoint(`http://127.0.0.1:${port}`)
    .withCredential(creds)
    .build();
}

const request = (options: Partial<HttpRequestOptions> & { url: string }): HttpRequestOptions => ({
  method: "GET",
  contentType: "application/json",
  queryParams: {},
  pathParams: {},
  headers: {},
  ...options,
});

type Answer = { httpStatusCode: number } & Record<string, unknown>;

describe("requests signed by Huawei's Node SDK", () => {
  it("CSBS at its own endpoint: list backups with query parameters", async () => {
    const res = await client("csbs").sendRequest<Answer>(
      request({
        url: "/v1/{project_id}/checkpoint_items",
        queryParams: { limit: 3, status: "available" },
      }),
    );
    expect(res.httpStatusCode).toBe(200);
    const items = res.checkpoint_items as { status: string }[];
    expect(items).toHaveLength(3);
    for (const i of items) expect(i.status).toBe("available");
  });

  it("CBR at its own endpoint: list vaults, list backups, rename a backup (signed JSON body)", async () => {
    const cbr = client("cbr");
    const vaults = await cbr.sendRequest<Answer>(request({ url: "/v3/{project_id}/vaults" }));
    expect(vaults.httpStatusCode).toBe(200);
    expect((vaults.vaults as unknown[]).length).toBeGreaterThan(0);
    const backups = await cbr.sendRequest<Answer>(
      request({
        url: "/v3/{project_id}/backups",
        queryParams: { limit: 2, resource_type: "OS::Nova::Server" },
      }),
    );
    expect(backups.httpStatusCode).toBe(200);
    const first = (backups.backups as { id: string }[])[0];
    if (!first) throw new Error("no backup");
    const renamed = await cbr.sendRequest<Answer>(
      request({
        method: "PUT",
        url: "/v3/{project_id}/backups/{backup_id}",
        pathParams: { backup_id: first.id },
        data: { backup: { name: "renamed_by_huawei_sdk" } },
      }),
    );
    expect(renamed.httpStatusCode).toBe(200);
    expect(renamed.backup).toMatchObject({ id: first.id, name: "renamed_by_huawei_sdk" });
  });

  it("a wrong secret key is refused with the gateway's 401", async () => {
    const wrong = client("cbr", { ...demoAccessKey, sk: `${demoAccessKey.sk.slice(0, -1)}X` });
    const failure = await wrong
      .sendRequest<Answer>(request({ url: "/v3/{project_id}/vaults" }))
      .then(
        () => null,
        (error: unknown) => error as { httpStatusCode?: number; errorCode?: string },
      );
    expect(failure).toMatchObject({ httpStatusCode: 401, errorCode: "APIG.0301" });
  });
});

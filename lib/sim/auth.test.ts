import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatSdkDate, signRequest } from "../auth/signer";
import { demoAccessKey, demoProjects } from "./iam/directory";
import { startTestSim, type TestSim } from "./testing/start";

let sim: TestSim;
const projectId = demoProjects[0]?.id ?? "";
const otherProjectId = demoProjects[1]?.id ?? "";
const creds: { ak: string; sk: string } = { ak: demoAccessKey.ak, sk: demoAccessKey.sk };

beforeAll(async () => {
  sim = await startTestSim();
});
afterAll(async () => {
  await sim.close();
});

type Req = { method: string; url: string; headers: Record<string, string>; body?: string };

function signed(req: Req, now = new Date(), keys = creds): Req {
  const headers = { ...req.headers, ...signRequest({ ...req, body: req.body ?? "" }, keys, now) };
  return { ...req, headers };
}

function send(req: Req) {
  return fetch(req.url, {
    method: req.method,
    headers: req.headers,
    ...(req.body !== undefined ? { body: req.body } : {}),
  });
}

const serversUrl = () => `${sim.url}/ecs/v2.1/${projectId}/servers?limit=2&name=web`;

describe("AK/SK signatures", () => {
  it("a signed GET is accepted, with X-Project-Id signed", async () => {
    const res = await send(
      signed({
        method: "GET",
        url: serversUrl(),
        headers: { "X-Project-Id": projectId, Accept: "application/json" },
      }),
    );
    expect(res.status).toBe(200);
    expect(((await res.json()) as { servers: unknown[] }).servers).toHaveLength(2);
  });

  it("a signed request with Host among the signed headers is accepted", async () => {
    const url = `${sim.url}/ecs/v2.1/${projectId}/servers/detail?limit=1`;
    const host = new URL(url).host;
    const res = await send(
      signed({ method: "GET", url, headers: { Host: host, "X-Project-Id": projectId } }),
    );
    expect(res.status).toBe(200);
  });

  it("a tampered body is refused with 401", async () => {
    const url = `${sim.url}/evs/v2/${projectId}/volumes`;
    const req = signed({
      method: "POST",
      url,
      headers: { "Content-Type": "application/json", "X-Project-Id": projectId },
      body: '{"volume":{"size":10}}',
    });
    // The untampered request passes authentication and then meets a 405 (EVS is read-only here).
    expect((await send(req)).status).toBe(405);
    const tampered = await send({ ...req, body: '{"volume":{"size":99}}' });
    expect(tampered.status).toBe(401);
    expect(await tampered.json()).toEqual({
      unauthorized: { code: 401, message: expect.any(String) },
    });
  });

  it("a signed POST reaches the service with its body intact", async () => {
    const url = `${sim.url}/csbs/v1/${projectId}/policies`;
    const req = signed({
      method: "POST",
      url,
      headers: { "Content-Type": "application/json", "X-Project-Id": projectId },
      body: JSON.stringify({ policy: { name: "signed" } }),
    });
    const res = await send(req);
    // CSBS validates the (incomplete) policy: the body was read after the signature check.
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error_code: string; error_msg: string };
    expect(body.error_code).toMatch(/^CSBS\./);
    expect(body.error_msg).not.toMatch(/request body/i);
  });

  it("a tampered query or path is refused", async () => {
    const req = signed({ method: "GET", url: serversUrl(), headers: {} });
    expect((await send({ ...req, url: req.url.replace("limit=2", "limit=3") })).status).toBe(401);
    expect(
      (await send({ ...req, url: req.url.replace("/servers", "/servers/detail") })).status,
    ).toBe(401);
  });

  it("a wrong signature, wrong secret or unknown access key is refused", async () => {
    const req = signed({ method: "GET", url: serversUrl(), headers: {} });
    const auth = req.headers.Authorization ?? "";
    const flipped = auth.replace(
      /Signature=(.)/,
      (_m, ch: string) => `Signature=${ch === "a" ? "b" : "a"}`,
    );
    expect(
      (await send({ ...req, headers: { ...req.headers, Authorization: flipped } })).status,
    ).toBe(401);
    expect(
      (
        await send(
          signed({ method: "GET", url: serversUrl(), headers: {} }, new Date(), {
            ...creds,
            sk: "x",
          }),
        )
      ).status,
    ).toBe(401);
    expect(
      (
        await send(
          signed({ method: "GET", url: serversUrl(), headers: {} }, new Date(), {
            ...creds,
            ak: "OTHER",
          }),
        )
      ).status,
    ).toBe(401);
  });

  it("X-Sdk-Date outside the 15-minute window is refused, inside is accepted", async () => {
    const old = new Date(Date.now() - 16 * 60 * 1000);
    expect(
      (await send(signed({ method: "GET", url: serversUrl(), headers: {} }, old))).status,
    ).toBe(401);
    const future = new Date(Date.now() + 16 * 60 * 1000);
    expect(
      (await send(signed({ method: "GET", url: serversUrl(), headers: {} }, future))).status,
    ).toBe(401);
    const skewed = new Date(Date.now() - 10 * 60 * 1000);
    expect(
      (await send(signed({ method: "GET", url: serversUrl(), headers: {} }, skewed))).status,
    ).toBe(200);
  });

  it("changing the date header after signing is refused", async () => {
    const req = signed({ method: "GET", url: serversUrl(), headers: {} });
    const later = formatSdkDate(new Date(Date.now() + 1000 * 60));
    expect((await send({ ...req, headers: { ...req.headers, "X-Sdk-Date": later } })).status).toBe(
      401,
    );
  });

  it("X-Project-Id of another project is refused with 403", async () => {
    const res = await send(
      signed({ method: "GET", url: serversUrl(), headers: { "X-Project-Id": otherProjectId } }),
    );
    expect(res.status).toBe(403);
  });
});

describe("tokens on service paths", () => {
  it("no credentials: 401 with the service's error shape", async () => {
    const csbs = await fetch(`${sim.url}/csbs/v1/${projectId}/checkpoint_items`);
    expect(csbs.status).toBe(401);
    expect(await csbs.json()).toEqual({ error_code: "APIG.0301", error_msg: expect.any(String) });
    const cbr = await fetch(`${sim.url}/cbr/v3/${projectId}/vaults`, {
      headers: { "X-Auth-Token": "MIIbogus" },
    });
    expect(cbr.status).toBe(401);
    expect(await cbr.json()).toEqual({ error_code: "APIG.0301", error_msg: expect.any(String) });
  });

  it("a token of another project gets 403", async () => {
    const { token } = await sim.adminToken("cn-north-4");
    for (const path of [
      `/ecs/v2.1/${projectId}/servers`,
      `/csbs/v1/${projectId}/checkpoint_items`,
      `/cbr/v3/${projectId}/vaults`,
    ]) {
      const res = await fetch(`${sim.url}${path}`, { headers: { "X-Auth-Token": token } });
      expect(res.status, path).toBe(403);
    }
  });

  it("an unknown project in the path gets 404 for AK/SK, 403 for a token of another project", async () => {
    const unknown = "0".repeat(32);
    const res = await send(
      signed({ method: "GET", url: `${sim.url}/ecs/v2.1/${unknown}/servers`, headers: {} }),
    );
    expect(res.status).toBe(404);
    const { token } = await sim.adminToken();
    expect(
      (
        await fetch(`${sim.url}/ecs/v2.1/${unknown}/servers`, {
          headers: { "X-Auth-Token": token },
        })
      ).status,
    ).toBe(403);
  });

  it("the read-only auditor gets 403 with a CSBS body on a CSBS change and a CBR body on CBR", async () => {
    const { token, projectId: pid } = await sim.auditorToken();
    const headers = { "X-Auth-Token": token, "Content-Type": "application/json" };
    const csbs = await fetch(`${sim.url}/csbs/v1/${pid}/policies`, {
      method: "POST",
      headers,
      body: "{}",
    });
    expect(csbs.status).toBe(403);
    expect(await csbs.json()).toEqual({
      error_code: "CSBS.0403",
      error_msg: expect.stringContaining("read-only"),
    });
    const cbr = await fetch(`${sim.url}/cbr/v3/${pid}/checkpoints`, {
      method: "POST",
      headers,
      body: "{}",
    });
    expect(cbr.status).toBe(403);
    expect(await cbr.json()).toEqual({
      error_code: "BackupService.0403",
      error_msg: expect.any(String),
    });
    const read = await fetch(`${sim.url}/ecs/v2.1/${pid}/servers`, { headers });
    expect(read.status).toBe(200);
  });
});

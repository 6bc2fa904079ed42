import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSim, type TestSim } from "../testing/start";
import { demoDomain, demoProjects } from "./directory";

let sim: TestSim;
beforeAll(async () => {
  sim = await startTestSim();
});
afterAll(async () => {
  await sim.close();
});

const json = { "content-type": "application/json;charset=utf8" };

function passwordBody(
  user: string,
  password: string,
  scope: unknown,
  domain: unknown = { name: "demo" },
) {
  return JSON.stringify({
    auth: {
      identity: { methods: ["password"], password: { user: { name: user, password, domain } } },
      scope,
    },
  });
}

async function login(body: string, query = "") {
  return fetch(`${sim.url}/iam/v3/auth/tokens${query}`, { method: "POST", headers: json, body });
}

type TokenJson = {
  token: {
    expires_at: string;
    issued_at: string;
    methods: string[];
    user: { id: string; name: string; domain: { id: string; name: string } };
    project?: { id: string; name: string };
    domain?: { id: string; name: string };
    roles?: { id: string; name: string }[];
    catalog?: { type: string; endpoints: { url: string; interface: string; region: string }[] }[];
  };
};

describe("IAM POST /auth/tokens", () => {
  it("password method, project scope by name: 201, X-Subject-Token, 24 h expiry, catalog", async () => {
    const res = await login(passwordBody("admin", "Demo@2026", { project: { name: "eu-west-0" } }));
    expect(res.status).toBe(201);
    const token = res.headers.get("x-subject-token");
    expect(token).toMatch(/^MII/);
    const body = (await res.json()) as TokenJson;
    const t = body.token;
    expect(t.expires_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    const lifetime = Date.parse(t.expires_at) - Date.parse(t.issued_at);
    expect(lifetime).toBe(24 * 3600 * 1000);
    expect(t.methods).toEqual(["password"]);
    expect(t.user).toMatchObject({ name: "admin", domain: { name: "demo", id: demoDomain.id } });
    const project = demoProjects.find((p) => p.name === "eu-west-0");
    expect(t.project).toMatchObject({ id: project?.id, name: "eu-west-0" });
    expect(project?.id).toMatch(/^[0-9a-f]{32}$/);
    expect(t.roles?.length).toBeGreaterThan(0);
    const types = t.catalog?.map((e) => e.type).sort();
    expect(types).toEqual([
      "cbr",
      "compute",
      "data-protect",
      "identity",
      "image",
      "volumev2",
      "volumev3",
    ]);
    // Each service on its own port with its API at the root; three interfaces, as Keystone lists.
    const ports = sim.sim.ports();
    const base = new URL(sim.url);
    const urls = Object.fromEntries(
      (t.catalog ?? []).map((e) => {
        expect(e.endpoints.map((x) => x.interface)).toEqual(["public", "internal", "admin"]);
        expect(new Set(e.endpoints.map((x) => x.url)).size).toBe(1);
        for (const x of e.endpoints) expect(x.region).toBe("eu-west-0");
        return [e.type, e.endpoints[0]?.url];
      }),
    );
    const at = (port: number | undefined, path: string) => `http://${base.hostname}:${port}${path}`;
    expect(urls).toEqual({
      identity: `${sim.url}/iam/v3`,
      "data-protect": at(ports?.csbs, `/v1/${project?.id}`),
      cbr: at(ports?.cbr, `/v3/${project?.id}`),
      compute: at(ports?.ecs, `/v2.1/${project?.id}`),
      volumev2: at(ports?.evs, `/v2/${project?.id}`),
      volumev3: at(ports?.evs3, `/v3/${project?.id}`),
      image: at(ports?.ims, ""),
    });
    expect(new Set(Object.values(ports ?? {})).size).toBe(7);
  });

  it("a region that ended CSBS (eu-de) has no data-protect entry in its catalog", async () => {
    const res = await login(passwordBody("admin", "Demo@2026", { project: { name: "eu-de" } }));
    expect(res.status).toBe(201);
    const types = ((await res.json()) as TokenJson).token.catalog?.map((e) => e.type).sort();
    expect(types).toEqual(["cbr", "compute", "identity", "image", "volumev2", "volumev3"]);
  });

  it("project scope by id, domain by id, and nocatalog", async () => {
    const project = demoProjects[1];
    const res = await login(
      passwordBody(
        "auditor",
        "Audit@2026",
        { project: { id: project?.id } },
        { id: demoDomain.id },
      ),
      "?nocatalog=true",
    );
    expect(res.status).toBe(201);
    const body = (await res.json()) as TokenJson;
    expect(body.token.project?.name).toBe(project?.name);
    expect(body.token.catalog).toBeUndefined();
  });

  it("domain scope gives a domain token without project", async () => {
    const res = await login(passwordBody("admin", "Demo@2026", { domain: { name: "demo" } }));
    expect(res.status).toBe(201);
    const body = (await res.json()) as TokenJson;
    expect(body.token.domain?.name).toBe("demo");
    expect(body.token.project).toBeUndefined();
  });

  it("token method re-scopes to another project", async () => {
    const first = await sim.adminToken("eu-west-0");
    const res = await fetch(`${sim.url}/iam/v3/auth/tokens`, {
      method: "POST",
      headers: { ...json, "X-Auth-Token": first.token },
      body: JSON.stringify({
        auth: {
          identity: { methods: ["token"], token: { id: first.token } },
          scope: { project: { name: "cn-north-4" } },
        },
      }),
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as TokenJson;
    expect(body.token.methods).toEqual(["token"]);
    expect(body.token.project?.name).toBe("cn-north-4");
    expect(res.headers.get("x-subject-token")).not.toBe(first.token);
  });

  it.each([
    ["wrong password", passwordBody("admin", "nope", { project: { name: "eu-west-0" } })],
    ["unknown user", passwordBody("mallory", "Demo@2026", { project: { name: "eu-west-0" } })],
    [
      "wrong domain",
      passwordBody("admin", "Demo@2026", { project: { name: "eu-west-0" } }, { name: "other" }),
    ],
    [
      "missing domain",
      JSON.stringify({
        auth: {
          identity: {
            methods: ["password"],
            password: { user: { name: "admin", password: "Demo@2026" } },
          },
        },
      }),
    ],
    ["unknown project", passwordBody("admin", "Demo@2026", { project: { name: "mars-1" } })],
    [
      "invalid token method",
      JSON.stringify({ auth: { identity: { methods: ["token"], token: { id: "MIIbogus" } } } }),
    ],
  ])("401 with a Keystone error body: %s", async (_name, body) => {
    const res = await login(body);
    expect(res.status).toBe(401);
    expect(res.headers.get("x-subject-token")).toBeNull();
    expect(await res.json()).toEqual({
      error: { code: 401, title: "Unauthorized", message: expect.any(String) },
    });
  });

  it("400 for malformed JSON or a body of the wrong shape", async () => {
    const bad = await login("{not json");
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: number } }).error.code).toBe(400);
    const wrong = await login(JSON.stringify({ auth: { identity: { methods: "password" } } }));
    expect(wrong.status).toBe(400);
  });
});

describe("IAM version discovery", () => {
  it("GET /iam/v3 answers Keystone's version document (keystoneauth reads it first)", async () => {
    const res = await fetch(`${sim.url}/iam/v3`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      version: {
        id: "v3.0",
        status: "stable",
        links: [{ rel: "self", href: `${sim.url}/iam/v3/` }],
      },
    });
  });
});

describe("IAM token inspection, revocation and projects", () => {
  it("GET /auth/tokens validates a subject token; DELETE revokes it", async () => {
    const a = await sim.adminToken();
    const b = await sim.adminToken("cn-north-4");
    const check = await fetch(`${sim.url}/iam/v3/auth/tokens`, {
      headers: { "X-Auth-Token": a.token, "X-Subject-Token": b.token },
    });
    expect(check.status).toBe(200);
    expect(check.headers.get("x-subject-token")).toBe(b.token);
    expect(((await check.json()) as TokenJson).token.project?.name).toBe("cn-north-4");

    const head = await fetch(`${sim.url}/iam/v3/auth/tokens`, {
      method: "HEAD",
      headers: { "X-Auth-Token": a.token, "X-Subject-Token": b.token },
    });
    expect(head.status).toBe(200);

    const del = await fetch(`${sim.url}/iam/v3/auth/tokens`, {
      method: "DELETE",
      headers: { "X-Auth-Token": b.token, "X-Subject-Token": b.token },
    });
    expect(del.status).toBe(204);
    const after = await fetch(`${sim.url}/iam/v3/auth/tokens`, {
      headers: { "X-Auth-Token": a.token, "X-Subject-Token": b.token },
    });
    expect(after.status).toBe(404);
    const ecs = await fetch(`${sim.url}/ecs/v2.1/${b.projectId}/servers`, {
      headers: { "X-Auth-Token": b.token },
    });
    expect(ecs.status).toBe(401);
  });

  it("GET /auth/projects and /projects list the demo projects; 401 without a token", async () => {
    const { token } = await sim.auditorToken();
    for (const path of ["/auth/projects", "/projects"]) {
      const res = await fetch(`${sim.url}/iam/v3${path}`, { headers: { "X-Auth-Token": token } });
      expect(res.status).toBe(200);
      const body = (await res.json()) as {
        projects: { id: string; name: string; enabled: boolean; domain_id: string }[];
      };
      expect(body.projects.map((p) => p.name).sort()).toEqual(["cn-north-4", "eu-de", "eu-west-0"]);
      expect(body.projects.every((p) => p.enabled && p.domain_id === demoDomain.id)).toBe(true);
    }
    const filtered = await fetch(`${sim.url}/iam/v3/projects?name=cn-north-4`, {
      headers: { "X-Auth-Token": token },
    });
    expect(((await filtered.json()) as { projects: unknown[] }).projects).toHaveLength(1);
    const anonymous = await fetch(`${sim.url}/iam/v3/auth/projects`);
    expect(anonymous.status).toBe(401);
  });

  it("tokens expire after 24 h of simulated time", async () => {
    const { token, projectId } = await sim.adminToken();
    const ok = await fetch(`${sim.url}/ecs/v2.1/${projectId}/servers`, {
      headers: { "X-Auth-Token": token },
    });
    expect(ok.status).not.toBe(401);
    sim.sim.clock.advance(24 * 3600 * 1000 + 1000);
    try {
      const expired = await fetch(`${sim.url}/ecs/v2.1/${projectId}/servers`, {
        headers: { "X-Auth-Token": token },
      });
      expect(expired.status).toBe(401);
    } finally {
      sim.sim.clock.advance(-(24 * 3600 * 1000 + 1000));
    }
  });
});

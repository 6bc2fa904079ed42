import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { setAuditStoreForTests } from "@/lib/server/audit";
import { noParams, type RouteHarness, startRouteHarness } from "@/lib/testing/route-harness";
import { POST as login } from "../auth/login/route";
import { POST as logout } from "../auth/logout/route";
import { POST as runPolicy } from "../policies/[id]/execute/route";
import { GET as exportCsv } from "./export/route";
import { GET as list } from "./route";

let h: RouteHarness;

/** The harness's request, as another user (or none): the trail is about who did what. */
function request(method: string, path: string, cookie: string, body?: unknown) {
  const base = h.request(method, path, body);
  const headers = new Headers(base.headers);
  if (cookie) headers.set("cookie", cookie);
  else headers.delete("cookie");
  return new NextRequest(base.url, {
    method,
    headers,
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
}

async function signIn(user: string, password: string): Promise<string> {
  const res = await login(
    request("POST", "/api/auth/login", "", {
      domain: "demo",
      user,
      password,
      project: "eu-west-0",
    }),
    noParams,
  );
  expect(res.status).toBe(200);
  return (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
}

beforeAll(async () => {
  vi.spyOn(console, "info").mockImplementation(() => {});
  setAuditStoreForTests();
  // The harness signs the admin in: the trail's first entry.
  h = await startRouteHarness({ project: "eu-west-0" });
});
afterAll(async () => {
  setAuditStoreForTests();
  await h.close();
});

describe("activity routes against the simulator", () => {
  it("shows sign-ins, a change with its result, and a read-only refusal; CSV of the same", async () => {
    const admin = h.request("GET", "/").headers.get("cookie") ?? "";
    const auditor = await signIn("auditor", "Audit@2026");
    const missing = "00000000-0000-4000-8000-000000000000";
    const run = await runPolicy(request("POST", `/api/policies/${missing}/execute`, admin, {}), {
      params: Promise.resolve({ id: missing }),
    });
    expect(run.status).toBeGreaterThanOrEqual(400);
    const refused = await runPolicy(
      request("POST", `/api/policies/${missing}/execute`, auditor, {}),
      { params: Promise.resolve({ id: missing }) },
    );
    expect(refused.status).toBe(403);

    const res = await list(request("GET", "/api/activity?size=25", admin), noParams);
    expect(res.status).toBe(200);
    const page = await res.json();
    const seen = page.items.map(
      (e: { action: string; result: string; user: string; target: string }) =>
        `${e.action}:${e.result}:${e.user}:${e.target}`,
    );
    expect(seen).toEqual([
      `policy.run:refused:auditor:${missing}`,
      `policy.run:failed:admin:${missing}`,
      "session.sign-in:succeeded:auditor:",
      "session.sign-in:succeeded:admin:",
    ]);
    expect(JSON.stringify(page)).not.toMatch(/Demo@2026|Audit@2026|X-Subject-Token/);

    const filtered = await (
      await list(request("GET", "/api/activity?result=refused&action=policy.run", admin), noParams)
    ).json();
    expect(filtered.total).toBe(1);

    const csv = await exportCsv(request("GET", "/api/activity/export?user=admin", admin), noParams);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const lines = (await csv.text()).trim().split("\r\n");
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain("policy.run");

    await logout(request("POST", "/api/auth/logout", admin), noParams);
    const after = await (
      await list(request("GET", "/api/activity?action=session.sign-out", auditor), noParams)
    ).json();
    expect(after.items.map((e: { user: string }) => e.user)).toEqual(["admin"]);
  });

  it("refuses a query that does not fit with 400, and needs a session", async () => {
    const admin = await signIn("admin", "Demo@2026");
    for (const qs of ["action=nope", "size=7", "from=yesterday", "page=0", "extra=1"]) {
      const res = await list(request("GET", `/api/activity?${qs}`, admin), noParams);
      expect(res.status, qs).toBe(400);
      expect((await res.json()).error.code).toBe("VALIDATION");
    }
    expect((await list(request("GET", "/api/activity", ""), noParams)).status).toBe(401);
  });
});

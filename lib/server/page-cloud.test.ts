import { beforeEach, describe, expect, it, vi } from "vitest";
import { CloudError } from "@/lib/cloud/errors";

const state = vi.hoisted(() => ({
  lookup: { status: "none" } as Record<string, unknown>,
  ended: [] as unknown[],
}));

vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Error(`REDIRECT ${url}`);
  },
}));
vi.mock("@/lib/auth/session", () => ({
  getPageSessionRecord: async () => state.lookup,
  loginRedirectTarget: async (reason?: string) =>
    `/login?next=%2Fbackups${reason ? `&reason=${reason}` : ""}`,
  sessions: () => ({ end: async (which: unknown) => state.ended.push(which) }),
}));

const { withPageCloud } = await import("./page-cloud");

const active = {
  status: "active",
  key: "k1",
  record: {
    token: "tok",
    project: { id: "p1", name: "eu-west-0" },
    endpoints: { csbs: "c", cbr: "b", ecs: "e", evs: "v" },
  },
};

describe("withPageCloud", () => {
  beforeEach(() => {
    state.ended = [];
  });

  it("calls the cloud with the session's context", async () => {
    state.lookup = active;
    const result = await withPageCloud(async (cloud) => cloud);
    expect(result).toEqual({
      token: "tok",
      projectId: "p1",
      endpoints: { csbs: "c", cbr: "b", ecs: "e", evs: "v" },
      lookupScope: "k1|p1",
    });
  });

  it("ends the session and redirects with a message on an upstream 401", async () => {
    state.lookup = active;
    const call = withPageCloud(async () => {
      throw new CloudError({ status: 401, code: "HTTP_401", message: "x", service: "csbs" });
    });
    await expect(call).rejects.toThrow("REDIRECT /login?next=%2Fbackups&reason=expired");
    expect(state.ended).toEqual([{ key: "k1" }]);
  });

  it("lets other errors through", async () => {
    state.lookup = active;
    const failure = new CloudError({
      status: 404,
      code: "CSBS.6018",
      message: "x",
      service: "csbs",
    });
    await expect(
      withPageCloud(async () => {
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(state.ended).toEqual([]);
  });

  it("redirects without a session, saying why when it expired", async () => {
    state.lookup = { status: "none" };
    await expect(withPageCloud(async () => 1)).rejects.toThrow("REDIRECT /login?next=%2Fbackups");
    state.lookup = { status: "expired" };
    await expect(withPageCloud(async () => 1)).rejects.toThrow("reason=expired");
  });
});

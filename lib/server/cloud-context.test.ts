import { describe, expect, it } from "vitest";
import type { SessionRecord } from "@/lib/auth/session-store";
import type { CloudContext } from "@/lib/cloud/context";
import {
  cloudContextFor,
  forgetLookups,
  LOOKUP_TTL_MS,
  rememberedLookups,
  rememberLookup,
  sessionCloud,
} from "./cloud-context";

const record = {
  token: "tok",
  project: { id: "p1", name: "eu-west-0" },
  endpoints: { csbs: "c", cbr: "b", ecs: "e", evs: "v" },
} as unknown as SessionRecord;

let clock = 1_000_000;
const now = () => clock;

function counter() {
  const seen: CloudContext[] = [];
  const load = async (cloud: CloudContext) => {
    seen.push(cloud);
    return seen.length;
  };
  return { seen, load };
}

describe("cloud context", () => {
  it("reads follow the browser's signal, changes do not; both carry the lookup scope", () => {
    const get = cloudContextFor(
      { key: "s1", record },
      new Request("http://x/api", { method: "GET" }),
    );
    expect(get.signal).toBeDefined();
    expect(get.lookupScope).toBe("s1|p1");
    const post = cloudContextFor(
      { key: "s1", record },
      new Request("http://x/api", { method: "POST" }),
    );
    expect(post.signal).toBeUndefined();
    expect(sessionCloud({ key: "s1", record })).toEqual({
      token: "tok",
      projectId: "p1",
      endpoints: record.endpoints,
      lookupScope: "s1|p1",
    });
  });
});

describe("remembered lookups", () => {
  it("answers again from memory within the TTL, then asks again", async () => {
    const cloud = sessionCloud({ key: "ttl", record });
    const { load } = counter();
    expect(await rememberLookup(cloud, "policies", load, now)).toBe(1);
    clock += LOOKUP_TTL_MS - 1;
    expect(await rememberLookup(cloud, "policies", load, now)).toBe(1);
    clock += 1;
    expect(await rememberLookup(cloud, "policies", load, now)).toBe(2);
  });

  it("keeps sessions, projects and lists apart, and remembers nothing without a scope", async () => {
    const { load } = counter();
    const a = sessionCloud({ key: "apart-a", record });
    const b = sessionCloud({ key: "apart-b", record });
    const otherProject = sessionCloud({
      key: "apart-a",
      record: { ...record, project: { id: "p2", name: "cn-north-4" } },
    });
    await rememberLookup(a, "policies", load, now);
    await rememberLookup(b, "policies", load, now);
    await rememberLookup(otherProject, "policies", load, now);
    await rememberLookup(a, "vaults", load, now);
    const bare = { token: "t", projectId: "p1", endpoints: record.endpoints };
    await rememberLookup(bare, "policies", load, now);
    expect(await rememberLookup(bare, "policies", load, now)).toBe(6);
    expect(await rememberLookup(a, "policies", load, now)).toBe(1);
  });

  it("a change by the session forgets at once, including a load still running", async () => {
    const cloud = sessionCloud({ key: "forget", record });
    const { load } = counter();
    await rememberLookup(cloud, "policies", load, now);
    forgetLookups("forget");
    expect(await rememberLookup(cloud, "policies", load, now)).toBe(2);

    let release: (n: number) => void = () => {};
    const slow = rememberLookup(
      cloud,
      "vaults",
      () => new Promise<number>((r) => (release = r)),
      now,
    );
    forgetLookups("forget");
    const after = rememberLookup(cloud, "vaults", async () => 99, now);
    release(1);
    expect(await slow).toBe(1);
    expect(await after).toBe(99);
  });

  it("shares one load without the request's signal, and never remembers a failure", async () => {
    const controller = new AbortController();
    const cloud = { ...sessionCloud({ key: "fail", record }), signal: controller.signal };
    const { seen, load } = counter();
    await rememberLookup(cloud, "policies", load, now);
    expect(seen[0]?.signal).toBeUndefined();
    expect(seen[0]?.lookupScope).toBe("fail|p1");

    let calls = 0;
    const failing = async () => {
      calls++;
      throw new Error("upstream down");
    };
    await expect(rememberLookup(cloud, "vaults", failing, now)).rejects.toThrow("upstream down");
    await expect(rememberLookup(cloud, "vaults", failing, now)).rejects.toThrow("upstream down");
    expect(calls).toBe(2);
  });

  it("stays bounded", async () => {
    for (let i = 0; i < 2_500; i++) {
      await rememberLookup(
        sessionCloud({ key: `many-${i}`, record }),
        "policies",
        async () => i,
        now,
      );
    }
    expect(rememberedLookups()).toBeLessThanOrEqual(2_000);
  });
});

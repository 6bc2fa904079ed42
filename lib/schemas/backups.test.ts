import { describe, expect, it } from "vitest";
import {
  backupNameFor,
  backupNowBodySchema,
  backupSearchParams,
  cloudFilter,
  cloudPage,
  csbsTime,
  DEFAULT_SEARCH,
  defaultBackupName,
  makeRenameSchema,
  parseBackupSearch,
  parseUrlDate,
} from "./backups";

const parse = (query: string) => parseBackupSearch(new URLSearchParams(query));

describe("parseBackupSearch", () => {
  it("reads an empty URL as the default view", () => {
    expect(parse("")).toEqual({ search: DEFAULT_SEARCH, dropped: [] });
  });

  it("keeps every valid filter, sort and page", () => {
    const { search, dropped } = parse(
      "service=cbr&status=available&status=error&name=nightly&server=web-01&az=eu-west-0a" +
        "&from=2026-11-01&to=2026-11-02T12:00:00Z&vault=v-1&type=OS::Nova::Server&image=backup" +
        "&sort=name:asc&size=50&page=3",
    );
    expect(dropped).toEqual([]);
    expect(search).toEqual({
      service: "cbr",
      status: ["available", "error"],
      name: "nightly",
      server: "web-01",
      az: "eu-west-0a",
      from: "2026-11-01T00:00:00.000Z",
      to: "2026-11-02T12:00:00.000Z",
      vault: "v-1",
      type: "OS::Nova::Server",
      image: "backup",
      sort: "name",
      dir: "asc",
      page: 3,
      size: 50,
    });
  });

  it("drops an unknown status, a reversed range and a huge page size, keeping the rest", () => {
    const { search, dropped } = parse(
      "status=frozen&status=error&from=2026-11-05&to=2026-11-01&size=1000000000&name=db",
    );
    expect(search.status).toEqual(["error"]);
    expect(search.from).toBe("2026-11-05T00:00:00.000Z");
    expect(search.to).toBeUndefined();
    expect(search.size).toBe(DEFAULT_SEARCH.size);
    expect(search.name).toBe("db");
    expect(dropped).toEqual([
      { param: "status", value: "frozen", reason: "unknownValue" },
      { param: "to", value: "2026-11-01", reason: "endBeforeStart" },
      { param: "size", value: "1000000000", reason: "badNumber" },
    ]);
  });

  it("allows one status on CSBS (its API takes one) and several on CBR", () => {
    expect(parse("status=error&status=available").dropped).toEqual([
      { param: "status", value: "available", reason: "tooMany" },
    ]);
    expect(parse("service=cbr&status=error&status=available").dropped).toEqual([]);
    expect(parse("service=cbr&status=deleted").dropped[0]?.reason).toBe("unknownValue");
  });

  it("drops a filter of the other service, bad dates, bad sorts, pages and services", () => {
    const { search, dropped } = parse(
      "service=nope&vault=v1&from=yesterday&to=2026-02-30&sort=size:desc&page=0",
    );
    expect(search.service).toBe("csbs");
    expect(dropped.map((d) => [d.param, d.reason])).toEqual([
      ["service", "unknownValue"],
      ["from", "badDate"],
      ["to", "badDate"],
      ["vault", "notForService"],
      ["sort", "unknownValue"],
      ["page", "badNumber"],
    ]);
  });

  it("refuses long or control-character text and ids that are not ids", () => {
    const { search, dropped } = parse(
      `name=${"x".repeat(65)}&server=a%0Ab&policy=${encodeURIComponent("../x")}`,
    );
    expect(search.name).toBeUndefined();
    expect(search.server).toBeUndefined();
    expect(search.policy).toBeUndefined();
    expect(dropped.map((d) => d.reason)).toEqual(["tooLong", "tooLong", "unknownValue"]);
  });

  it("accepts the record shape of a route's query and of a page's searchParams", () => {
    const { search } = parseBackupSearch({ status: ["error"], page: "2", size: undefined });
    expect(search).toMatchObject({ status: ["error"], page: 2, size: 20 });
  });
});

describe("backupSearchParams", () => {
  it("round-trips and leaves defaults out", () => {
    const query = "service=cbr&status=error&status=available&server=web&sort=name%3Aasc&page=2";
    const { search } = parse(query);
    expect(backupSearchParams(search).toString()).toBe(query);
    expect(backupSearchParams(DEFAULT_SEARCH).toString()).toBe("");
  });
});

describe("cloud queries", () => {
  it("send CSBS one status, fuzzy server names, ids exactly and times without a zone", () => {
    const { search } = parse(
      "status=error&server=web&from=2026-11-01&policy=p1&az=eu-west-0a&page=3&size=50",
    );
    expect(cloudFilter(search)).toEqual({
      status: "error",
      resource_name: "web",
      start_time: "2026-11-01T00:00:00.000000",
      policy_id: "p1",
      az: "eu-west-0a",
    });
    expect(cloudPage(search)).toEqual({ limit: 50, offset: 100, sort: "created_at:desc" });
    const byId = parse("server=0b5b2e6c-6a3c-4c1e-9d32-7d2b1f2d9a10").search;
    expect(cloudFilter(byId)).toEqual({ resource_id: "0b5b2e6c-6a3c-4c1e-9d32-7d2b1f2d9a10" });
  });

  it("send CBR repeated statuses, resource_az and Z times", () => {
    const { search } = parse("service=cbr&status=error&status=deleting&to=2026-11-02&az=b");
    expect(cloudFilter(search)).toEqual({
      status: ["error", "deleting"],
      resource_az: "b",
      end_time: "2026-11-02T23:59:59Z",
    });
  });

  it("formats CSBS times as the reference shows them", () => {
    expect(csbsTime("2017-04-18T01:21:52.701Z")).toBe("2017-04-18T01:21:52.701000");
  });
});

describe("parseUrlDate", () => {
  it("reads days as whole UTC days and refuses impossible dates", () => {
    expect(parseUrlDate("2026-11-01", "end")).toBe("2026-11-01T23:59:59.999Z");
    expect(parseUrlDate("2026-13-01", "start")).toBeUndefined();
    expect(parseUrlDate("2026-11-01T10:00", "start")).toBe("2026-11-01T10:00:00.000Z");
    expect(parseUrlDate("2026-11-01T10:00+08:00", "start")).toBe("2026-11-01T02:00:00.000Z");
  });
});

describe("rename", () => {
  const schema = makeRenameSchema({ required: "required", invalid: "invalid" });
  it("takes 1–64 of [A-Za-z0-9_-]", () => {
    expect(schema.safeParse({ name: "db_nightly-2" }).success).toBe(true);
    expect(schema.safeParse({ name: "x".repeat(64) }).success).toBe(true);
    expect(schema.safeParse({ name: "x".repeat(65) }).error?.issues[0]?.message).toBe("invalid");
    expect(schema.safeParse({ name: "a b" }).error?.issues[0]?.message).toBe("invalid");
    expect(schema.safeParse({ name: " " }).error?.issues[0]?.message).toBe("required");
  });
});

describe("back up now", () => {
  const valid = {
    servers: [{ id: "0b5b2e6c-6a3c-4c1e-9d32-7d2b1f2d9a10", excludeVolumes: [] }],
    name: "manualbk_1a2b",
    description: "",
    full: false,
    tags: [{ key: "team", value: "ops" }],
  };
  it("accepts the reference's names, descriptions and tags", () => {
    expect(backupNowBodySchema.safeParse(valid).success).toBe(true);
    expect(
      backupNowBodySchema.safeParse({ ...valid, tags: [{ key: "k", value: "" }] }).success,
    ).toBe(true);
  });
  it("refuses bad names, descriptions, tags and empty selections at their field", () => {
    const issue = (patch: object) =>
      backupNowBodySchema.safeParse({ ...valid, ...patch }).error?.issues[0]?.path.join(".");
    expect(issue({ name: "has space" })).toBe("name");
    expect(issue({ name: "x".repeat(256) })).toBe("name");
    expect(issue({ description: "<b>" })).toBe("description");
    expect(issue({ tags: [{ key: "x".repeat(37), value: "" }] })).toBe("tags.0.key");
    expect(issue({ tags: [{ key: "k", value: "a b" }] })).toBe("tags.0.value");
    expect(
      issue({
        tags: [
          { key: "k", value: "" },
          { key: "k", value: "2" },
        ],
      }),
    ).toBe("tags.1.key");
    expect(
      issue({ tags: Array.from({ length: 11 }, (_, i) => ({ key: `k${i}`, value: "" })) }),
    ).toBe("tags");
    expect(issue({ servers: [] })).toBe("servers");
  });
  it("leaves room for suffixes when several servers share a name", () => {
    const two = { ...valid, servers: [...valid.servers, { id: "s2", excludeVolumes: [] }] };
    expect(backupNowBodySchema.safeParse({ ...two, name: "x".repeat(251) }).success).toBe(false);
    expect(backupNameFor("nightly", 0, 2)).toBe("nightly-0001");
    expect(backupNameFor("nightly", 1, 2)).toBe("nightly-0002");
    expect(backupNameFor("nightly", 0, 1)).toBe("nightly");
  });
  it("names manual backups manualbk_xxxx", () => {
    expect(defaultBackupName(() => 0.5)).toBe("manualbk_8000");
    expect(defaultBackupName()).toMatch(/^manualbk_[0-9a-f]{4}$/);
  });
});

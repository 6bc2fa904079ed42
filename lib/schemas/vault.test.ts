import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  capacityPercent,
  checkpointBodyOf,
  checkpointFieldOfCloudError,
  createCheckpointBodySchema,
  DEFAULT_VAULT_PAGE_SIZE,
  defaultCheckpointName,
  makeCheckpointFormSchema,
  parseVaultSearch,
  usedGb,
  vaultCloudQuery,
  vaultSearchToParams,
} from "./vault";

const A = "11111111-1111-4111-8111-111111111111";
const B = "22222222-2222-4222-8222-222222222222";
const C = "33333333-3333-4333-8333-333333333333";
const VAULT = "44444444-4444-4444-8444-444444444444";

const form = makeCheckpointFormSchema([A, B]);
const valid = {
  scope: "all" as const,
  resources: [],
  name: "nightly_01-a",
  description: "",
  mode: "incremental" as const,
};

function errorPaths(input: unknown): string[] {
  const parsed = form.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => i.path.join("."));
}

describe("checkpoint form", () => {
  it("accepts a whole-vault backup with a valid name", () => {
    expect(form.safeParse(valid).success).toBe(true);
  });

  it("takes names of 1 to 64 letters, digits, _ and -", () => {
    expect(errorPaths({ ...valid, name: "a" })).toEqual([]);
    expect(errorPaths({ ...valid, name: "x".repeat(64) })).toEqual([]);
    expect(errorPaths({ ...valid, name: "" })).toEqual(["name"]);
    expect(errorPaths({ ...valid, name: "   " })).toEqual(["name"]);
    expect(errorPaths({ ...valid, name: "x".repeat(65) })).toEqual(["name"]);
    for (const bad of ["a b", "a.b", "é", "a/b", "备份", "a;b"]) {
      expect(errorPaths({ ...valid, name: bad }), bad).toEqual(["name"]);
    }
  });

  it("names are accepted exactly when they match the cloud's rule", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (name) => {
        const ok = form.safeParse({ ...valid, name }).success;
        const trimmed = name.trim();
        expect(ok).toBe(
          trimmed.length >= 1 && trimmed.length <= 64 && /^[A-Za-z0-9_-]+$/.test(trimmed),
        );
      }),
    );
  });

  it("limits the description to 255 characters", () => {
    expect(errorPaths({ ...valid, description: "d".repeat(255) })).toEqual([]);
    expect(errorPaths({ ...valid, description: "d".repeat(256) })).toEqual(["description"]);
  });

  it("a subset must name at least one resource, all of them in the vault", () => {
    expect(errorPaths({ ...valid, scope: "subset", resources: [A] })).toEqual([]);
    expect(errorPaths({ ...valid, scope: "subset", resources: [A, B] })).toEqual([]);
    expect(errorPaths({ ...valid, scope: "subset", resources: [] })).toEqual(["resources"]);
    expect(errorPaths({ ...valid, scope: "subset", resources: [A, C] })).toEqual(["resources"]);
    // "All" ignores whatever was ticked before switching back.
    expect(errorPaths({ ...valid, scope: "all", resources: [C] })).toEqual([]);
  });

  it("uses the messages it is given", () => {
    const zh = makeCheckpointFormSchema([A], {
      nameRequired: "请输入名称",
      nameTooLong: "太长",
      nameChars: "字符",
      descriptionTooLong: "描述太长",
      resourcesRequired: "请选择",
      resourcesUnknown: "未知",
    });
    const parsed = zh.safeParse({ ...valid, name: "" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe("请输入名称");
  });
});

describe("checkpoint body", () => {
  it("sends the subset only when a subset was chosen, and full as incremental=false", () => {
    expect(checkpointBodyOf(VAULT, { ...valid, resources: [A] })).toEqual({
      vaultId: VAULT,
      name: "nightly_01-a",
      description: "",
      incremental: true,
    });
    expect(
      checkpointBodyOf(VAULT, {
        ...valid,
        scope: "subset",
        resources: [A],
        mode: "full",
        description: "  before upgrade ",
      }),
    ).toEqual({
      vaultId: VAULT,
      name: "nightly_01-a",
      description: "before upgrade",
      incremental: false,
      resources: [A],
    });
  });

  it("the route refuses what the form would refuse, and duplicates", () => {
    const ok = { vaultId: VAULT, name: "n", incremental: true };
    expect(createCheckpointBodySchema.safeParse(ok).success).toBe(true);
    expect(createCheckpointBodySchema.parse(ok).description).toBe("");
    expect(createCheckpointBodySchema.safeParse({ ...ok, vaultId: "x" }).success).toBe(false);
    expect(createCheckpointBodySchema.safeParse({ ...ok, name: "a b" }).success).toBe(false);
    expect(createCheckpointBodySchema.safeParse({ ...ok, resources: [] }).success).toBe(false);
    expect(createCheckpointBodySchema.safeParse({ ...ok, resources: [A, A] }).success).toBe(false);
    expect(createCheckpointBodySchema.safeParse({ ...ok, resources: ["nope"] }).success).toBe(
      false,
    );
    expect(
      createCheckpointBodySchema.safeParse({ ...ok, description: "d".repeat(256) }).success,
    ).toBe(false);
  });

  it("default names follow the cloud's rule", () => {
    expect(defaultCheckpointName(() => 0)).toBe("manualbk_0000");
    expect(defaultCheckpointName(() => 0.99999)).toBe("manualbk_ffff");
    expect(form.safeParse({ ...valid, name: defaultCheckpointName() }).success).toBe(true);
  });
});

describe("cloud refusals at their field", () => {
  it("places resource, name and description refusals", () => {
    expect(checkpointFieldOfCloudError("BackupService.6135")).toBe("resources");
    expect(checkpointFieldOfCloudError("BackupService.0001")).toBe("resources");
    expect(checkpointFieldOfCloudError("BackupService.6102")).toBe("resources");
    expect(
      checkpointFieldOfCloudError(
        "BackupService.9900",
        "Invalid checkpoint.parameters.name provided: 1 to 64 characters.",
      ),
    ).toBe("name");
    expect(
      checkpointFieldOfCloudError(
        "BackupService.9900",
        "Invalid checkpoint.parameters.resource_details.0.name provided.",
      ),
    ).toBe("resources");
    expect(
      checkpointFieldOfCloudError(
        "BackupService.9900",
        "Invalid checkpoint.parameters.description",
      ),
    ).toBe("description");
  });

  it("leaves vault-level refusals to the form", () => {
    expect(checkpointFieldOfCloudError("BackupService.6113")).toBeUndefined();
    expect(checkpointFieldOfCloudError("BackupService.6114")).toBeUndefined();
    expect(checkpointFieldOfCloudError("BackupService.9900", "Invalid vault_id")).toBeUndefined();
  });
});

describe("/vaults view in the URL", () => {
  it("reads filters and paging, dropping bad values one by one", () => {
    expect(parseVaultSearch({})).toEqual({ page: 1, size: DEFAULT_VAULT_PAGE_SIZE });
    expect(
      parseVaultSearch(new URLSearchParams("name=prod&status=available&type=disk&page=2&size=10")),
    ).toEqual({ name: "prod", status: "available", type: "disk", page: 2, size: 10 });
    expect(
      parseVaultSearch({
        name: "x".repeat(65),
        status: "nope",
        type: "tape",
        page: "0",
        size: "7",
      }),
    ).toEqual({ page: 1, size: DEFAULT_VAULT_PAGE_SIZE });
    expect(parseVaultSearch({ page: "-1" }).page).toBe(1);
    expect(parseVaultSearch({ page: "1e3" }).page).toBe(1);
    expect(parseVaultSearch({ status: ["frozen", "error"] }).status).toBe("frozen");
  });

  it("round-trips through the URL and leaves defaults out", () => {
    const search = parseVaultSearch({ name: "dev", status: "frozen", page: "3", size: "50" });
    expect(parseVaultSearch(vaultSearchToParams(search))).toEqual(search);
    expect(vaultSearchToParams({ page: 1, size: DEFAULT_VAULT_PAGE_SIZE }).toString()).toBe("");
  });

  it("asks the cloud for the page with limit and offset", () => {
    expect(vaultCloudQuery({ page: 3, size: 10, type: "server", status: "lock" })).toEqual({
      limit: 10,
      offset: 20,
      object_type: "server",
      status: "lock",
    });
  });
});

describe("capacity", () => {
  it("is a bounded share of the total", () => {
    expect(capacityPercent({ capacityGb: 100, usedMb: 51_200 })).toBe(50);
    expect(capacityPercent({ capacityGb: 100, usedMb: 1_000_000 })).toBe(100);
    expect(capacityPercent({ capacityGb: 0, usedMb: 10 })).toBeUndefined();
    expect(capacityPercent({ usedMb: 10 })).toBeUndefined();
  });

  it("does not round small usage to zero", () => {
    expect(usedGb(200)).toBe(0.2);
    expect(usedGb(20_480)).toBe(20);
    expect(usedGb(0)).toBe(0);
  });
});

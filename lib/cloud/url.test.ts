import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CloudError } from "./errors";
import { buildQuery, buildUrl, param } from "./url";

const PID = "0c89d4e457c3401a89c65420fd45f3a2";
const BASE = `https://csbs.eu-de.example.com/v1/${PID}`;
const ITEM = "90c1d5fa-1b9f-4aeb-b2f4-81c806e98190";

function refusal(fn: () => unknown): CloudError {
  try {
    fn();
  } catch (error) {
    if (error instanceof CloudError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("buildUrl", () => {
  it("puts validated ids under the endpoint", () => {
    const url = buildUrl("csbs", BASE, ["checkpoint_items", param("id", ITEM)]);
    expect(url.toString()).toBe(`${BASE}/checkpoint_items/${ITEM}`);
    expect(buildUrl("csbs", `${BASE}/`, ["quotas"]).toString()).toBe(`${BASE}/quotas`);
  });

  it.each([
    "..",
    ".",
    "%2e%2e",
    "%2E%2E",
    "..%2F..%2Fadmin",
    "%2F%2Fevil.example%2Fsteal",
    "//evil.example",
    "https://evil.example",
    "a/b",
    "a\\b",
    "..\\..\\admin",
    `${ITEM}/../../other`,
    `${ITEM}?x=1`,
    `${ITEM}#frag`,
    ` ${ITEM}`,
    "",
    `${ITEM}${"0".repeat(100)}`,
    "f".repeat(10_000),
  ])("refuses %j before any request", (value) => {
    const error = refusal(() => buildUrl("csbs", BASE, ["checkpoint_items", param("id", value)]));
    expect(error.code).toBe("INVALID_PATH");
    expect(error.status).toBe(0);
    expect(error.service).toBe("csbs");
  });

  it("checks every format", () => {
    expect(() => buildUrl("iam", BASE, ["p", param("p", PID, "projectId")])).not.toThrow();
    expect(refusal(() => buildUrl("iam", BASE, ["p", param("p", ITEM, "projectId")])).code).toBe(
      "INVALID_PATH",
    );
    expect(() => buildUrl("cbr", BASE, ["l", param("l", "abc_DEF-1", "token")])).not.toThrow();
    expect(refusal(() => buildUrl("cbr", BASE, ["l", param("l", "-x", "token")])).code).toBe(
      "INVALID_PATH",
    );
    expect(refusal(() => buildUrl("cbr", BASE, ["l", param("l", "a.b", "token")])).code).toBe(
      "INVALID_PATH",
    );
  });

  it("refuses bad literal segments and bad endpoints", () => {
    expect(refusal(() => buildUrl("csbs", BASE, [".."])).code).toBe("INVALID_PATH");
    expect(refusal(() => buildUrl("csbs", BASE, ["a/b"])).code).toBe("INVALID_PATH");
    expect(refusal(() => buildUrl("csbs", "ftp://x/y", ["a"])).code).toBe("INVALID_PATH");
    expect(refusal(() => buildUrl("csbs", "not a url", ["a"])).code).toBe("INVALID_PATH");
    expect(refusal(() => buildUrl("csbs", `${BASE}?a=1`, ["a"])).code).toBe("INVALID_PATH");
    expect(refusal(() => buildUrl("cbr", "", ["a"])).code).toBe("NO_ENDPOINT");
  });

  it("never leaves the endpoint, whatever the id (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 80 }), (value) => {
        let url: URL;
        try {
          url = buildUrl("csbs", BASE, ["checkpoint_items", param("id", value)]);
        } catch (error) {
          return error instanceof CloudError && error.code === "INVALID_PATH";
        }
        return (
          url.origin === new URL(BASE).origin &&
          url.pathname === `/v1/${PID}/checkpoint_items/${value}` &&
          url.search === ""
        );
      }),
      { numRuns: 2000 },
    );
  });
});

describe("buildQuery", () => {
  it("repeats array keys, skips undefined and null, encodes values", () => {
    expect(
      buildQuery({
        status: ["available", "error"],
        limit: 20,
        all_tenants: false,
        name: "a b&c=d",
        marker: undefined,
        sort: null,
      }),
    ).toBe("?status=available&status=error&limit=20&all_tenants=false&name=a+b%26c%3Dd");
    expect(buildQuery({})).toBe("");
    expect(buildQuery(undefined)).toBe("");
  });

  it("query values cannot change the path", () => {
    const url = buildUrl("cbr", BASE, ["backups"], { name: "../../x#y?z=/w" });
    expect(url.pathname).toBe(`/v1/${PID}/backups`);
    expect(url.searchParams.get("name")).toBe("../../x#y?z=/w");
  });
});

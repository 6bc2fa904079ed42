import { describe, expect, it } from "vitest";
import { parseCloudConfig } from "./config";

describe("parseCloudConfig", () => {
  it("no IAM endpoint: simulator mode on SIM_PORT", () => {
    expect(parseCloudConfig({})).toEqual({
      iamEndpoint: "http://127.0.0.1:4010/iam/v3",
      overrides: {},
      timeoutMs: 15_000,
      simulator: true,
      changeRoles: [],
      allowedDomains: [],
      recheckMs: 300_000,
    });
    expect(parseCloudConfig({ SIM_PORT: "4999" }).iamEndpoint).toBe("http://127.0.0.1:4999/iam/v3");
    expect(parseCloudConfig({ CLOUD_IAM_ENDPOINT: "" }).simulator).toBe(true);
  });

  it("a real cloud", () => {
    const config = parseCloudConfig({
      CLOUD_IAM_ENDPOINT: "https://iam.eu-de.otc.t-systems.com/v3/",
      CLOUD_REGION: "eu-de",
      CLOUD_CBR_ENDPOINT: "https://cbr.eu-de.example.com/v3/{project_id}",
      CLOUD_AK: "AK",
      CLOUD_SK: "SK",
      CLOUD_TIMEOUT_MS: "5000",
      CLOUD_CHANGE_ROLES: " CBR Admin, te_admin ,",
      CLOUD_ALLOWED_DOMAINS: "d1,d2",
      CLOUD_RECHECK_S: "60",
    });
    expect(config).toEqual({
      iamEndpoint: "https://iam.eu-de.otc.t-systems.com/v3",
      region: "eu-de",
      overrides: { cbr: "https://cbr.eu-de.example.com/v3/{project_id}" },
      aksk: { ak: "AK", sk: "SK" },
      timeoutMs: 5000,
      simulator: false,
      changeRoles: ["cbr admin", "te_admin"],
      allowedDomains: ["d1", "d2"],
      recheckMs: 60_000,
    });
  });

  it("refuses bad values without echoing them", () => {
    expect(() => parseCloudConfig({ CLOUD_IAM_ENDPOINT: "file:///etc/passwd" })).toThrow(
      /CLOUD_IAM_ENDPOINT/,
    );
    expect(() => parseCloudConfig({ CLOUD_TIMEOUT_MS: "fast" })).toThrow(/CLOUD_TIMEOUT_MS/);
    expect(() => parseCloudConfig({ CLOUD_AK: "secret-ak" })).toThrow(/together/);
    let message = "";
    try {
      parseCloudConfig({ CLOUD_SK: "very-secret-sk", CLOUD_TIMEOUT_MS: "very-secret-sk" });
    } catch (error) {
      message = String(error);
    }
    expect(message).toMatch(/CLOUD_TIMEOUT_MS/);
    expect(message).not.toContain("very-secret-sk");
  });
});

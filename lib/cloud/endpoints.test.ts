import { describe, expect, it } from "vitest";
import { type CatalogEntry, projectEndpoint, resolveEndpoints } from "./endpoints";

const PID = "0c89d4e457c3401a89c65420fd45f3a2";

const catalog: CatalogEntry[] = [
  {
    type: "data-protect",
    endpoints: [
      { url: `https://csbs.eu-nl.example.com/v1/${PID}`, interface: "public", region: "eu-nl" },
      { url: `https://csbs.eu-de.example.com/v1/${PID}`, interface: "public", region: "eu-de" },
      { url: `https://internal.eu-de/v1/${PID}`, interface: "internal", region: "eu-de" },
    ],
  },
  {
    type: "cbr",
    endpoints: [{ url: "https://cbr.eu-de.example.com", interface: "public", region_id: "eu-de" }],
  },
  {
    type: "compute",
    endpoints: [
      {
        url: "https://ecs.eu-de.example.com/v2.1/$(tenant_id)s",
        interface: "public",
        region: "eu-de",
      },
    ],
  },
  {
    type: "volumev2",
    endpoints: [{ url: "https://evs.eu-de.example.com/v2/", interface: "public", region: "eu-de" }],
  },
];

describe("resolveEndpoints", () => {
  it("takes the public endpoint of the configured region, project id in the path", () => {
    expect(resolveEndpoints(catalog, PID, { region: "eu-de", overrides: {} })).toEqual({
      csbs: `https://csbs.eu-de.example.com/v1/${PID}`,
      cbr: `https://cbr.eu-de.example.com/v3/${PID}`,
      ecs: `https://ecs.eu-de.example.com/v2.1/${PID}`,
      evs: `https://evs.eu-de.example.com/v2/${PID}`,
    });
  });

  it("without a region, the first public endpoint", () => {
    expect(resolveEndpoints(catalog, PID, { overrides: {} }).csbs).toBe(
      `https://csbs.eu-nl.example.com/v1/${PID}`,
    );
  });

  it("overrides win one by one, with {project_id} filled", () => {
    const endpoints = resolveEndpoints(catalog, PID, {
      region: "eu-de",
      overrides: { cbr: "http://127.0.0.1:9999/cbr/v3/{project_id}/" },
    });
    expect(endpoints.cbr).toBe(`http://127.0.0.1:9999/cbr/v3/${PID}`);
    expect(endpoints.csbs).toBe(`https://csbs.eu-de.example.com/v1/${PID}`);
  });

  it("a service missing from the catalog has no endpoint", () => {
    expect(resolveEndpoints([], PID, { overrides: {} })).toEqual({
      csbs: "",
      cbr: "",
      ecs: "",
      evs: "",
    });
    expect(resolveEndpoints(catalog, PID, { region: "ap-1", overrides: {} }).csbs).toBe("");
  });

  it("projectEndpoint keeps a URL that already names the project", () => {
    expect(projectEndpoint("ecs", `https://x/v2.1/${PID}/`, PID)).toBe(`https://x/v2.1/${PID}`);
    expect(projectEndpoint("ecs", "https://x/v2.1", PID)).toBe(`https://x/v2.1/${PID}`);
    expect(projectEndpoint("ecs", "not a url", PID)).toBe("");
  });
});

import { describe, expect, it } from "vitest";
import { ApiError } from "./errors";
import { makeQueryClient, shouldRetryQuery } from "./query-client";

const apiError = (status: number, code = "X") => new ApiError({ status, code, message: code });

describe("shouldRetryQuery", () => {
  it("retries network failures and 5xx answers", () => {
    expect(shouldRetryQuery(0, apiError(0, "NETWORK"))).toBe(true);
    expect(shouldRetryQuery(1, apiError(502))).toBe(true);
    expect(shouldRetryQuery(0, apiError(503))).toBe(true);
  });

  it("never retries 4xx answers", () => {
    for (const status of [400, 401, 403, 404, 409, 429]) {
      expect(shouldRetryQuery(0, apiError(status)), String(status)).toBe(false);
    }
  });

  it("gives up after two retries", () => {
    expect(shouldRetryQuery(2, apiError(503))).toBe(false);
  });

  it("does not retry errors that are not API errors", () => {
    expect(shouldRetryQuery(0, new TypeError("x is undefined"))).toBe(false);
  });
});

describe("makeQueryClient", () => {
  it("keeps data fresh for a while and never retries mutations", () => {
    const options = makeQueryClient().getDefaultOptions();
    expect(options.queries?.staleTime).toBeGreaterThan(0);
    expect(options.mutations?.retry).toBe(false);
    expect(options.queries?.retry).toBe(shouldRetryQuery);
  });
});

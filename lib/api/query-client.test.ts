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
  it("sends a failed change once: mutations are never retried", async () => {
    const client = makeQueryClient();
    let calls = 0;
    const mutation = client.getMutationCache().build(client, {
      mutationFn: async () => {
        calls++;
        throw apiError(503);
      },
    });
    await expect(mutation.execute(undefined)).rejects.toMatchObject({ status: 503 });
    expect(calls).toBe(1);
  });

  it("serves what the server prefetched without asking again at once", async () => {
    const client = makeQueryClient();
    let calls = 0;
    const queryFn = async () => ++calls;
    await client.prefetchQuery({ queryKey: ["x"], queryFn });
    expect(await client.fetchQuery({ queryKey: ["x"], queryFn })).toBe(1);
    expect(calls).toBe(1);
  });

  it("tries a read that met a 5xx again, and a 4xx never", async () => {
    const client = makeQueryClient();
    client.setQueryDefaults(["y"], { retryDelay: 0 });
    let calls = 0;
    const fail = (status: number) => async () => {
      calls++;
      throw apiError(status);
    };
    await expect(client.fetchQuery({ queryKey: ["y", 1], queryFn: fail(503) })).rejects.toThrow();
    expect(calls).toBe(3);
    calls = 0;
    await expect(client.fetchQuery({ queryKey: ["y", 2], queryFn: fail(404) })).rejects.toThrow();
    expect(calls).toBe(1);
  });
});

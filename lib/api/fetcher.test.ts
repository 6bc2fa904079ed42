import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "./errors";
import { apiFetch, loginUrlFor } from "./fetcher";

type Call = { url: string; init: RequestInit };

function stubFetch(response: () => Response | Promise<Response>) {
  const calls: Call[] = [];
  vi.stubGlobal("fetch", async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return response();
  });
  return calls;
}

function stubWindow(pathname: string, search = "") {
  const assign = vi.fn();
  vi.stubGlobal("window", { location: { pathname, search, assign } });
  return assign;
}

describe("apiFetch", () => {
  beforeEach(() => vi.stubEnv("NEXT_PUBLIC_BASE_PATH", ""));
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.unstubAllEnvs();
  });

  it("prefixes the base path, sends JSON and returns the parsed body", async () => {
    vi.stubEnv("NEXT_PUBLIC_BASE_PATH", "/console");
    const calls = stubFetch(() => Response.json({ ok: true }));
    await expect(apiFetch("/api/x", { method: "POST", body: { a: 1 } })).resolves.toEqual({
      ok: true,
    });
    expect(calls[0]?.url).toBe("/console/api/x");
    const headers = new Headers(calls[0]?.init.headers);
    expect(headers.get("content-type")).toBe("application/json");
    expect(headers.get("x-background")).toBeNull();
    expect(calls[0]?.init.body).toBe('{"a":1}');
    expect(calls[0]?.init.credentials).toBe("same-origin");
  });

  it("marks background requests", async () => {
    const calls = stubFetch(() => Response.json({}));
    await apiFetch("/api/x", { background: true });
    expect(new Headers(calls[0]?.init.headers).get("x-background")).toBe("1");
    expect(new Headers(calls[0]?.init.headers).get("content-type")).toBeNull();
  });

  it("returns undefined for 204", async () => {
    stubFetch(() => new Response(null, { status: 204 }));
    await expect(apiFetch("/api/auth/logout", { method: "POST" })).resolves.toBeUndefined();
  });

  it("turns the error envelope into an ApiError with the field", async () => {
    stubFetch(() =>
      Response.json(
        { error: { code: "VALIDATION", message: "Enter the project.", field: "project" } },
        { status: 400 },
      ),
    );
    const error = (await apiFetch("/api/auth/login", { method: "POST", body: {} }).catch(
      (e: unknown) => e,
    )) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: "VALIDATION", field: "project" });
    expect(error.isClientError).toBe(true);
  });

  it("copes with answers that are not the envelope, and with no answer", async () => {
    stubFetch(() => new Response("<html>Bad gateway</html>", { status: 502 }));
    await expect(apiFetch("/api/x")).rejects.toMatchObject({ status: 502, code: "SERVER_ERROR" });
    vi.stubGlobal("fetch", async () => {
      throw new TypeError("Failed to fetch");
    });
    await expect(apiFetch("/api/x")).rejects.toMatchObject({ status: 0, code: "NETWORK" });
  });

  it("sends the browser to the login page when the session is over", async () => {
    vi.stubEnv("NEXT_PUBLIC_BASE_PATH", "/console");
    const assign = stubWindow("/console/backups", "?status=error");
    stubFetch(() =>
      Response.json({ error: { code: "SESSION_EXPIRED", message: "x" } }, { status: 401 }),
    );
    await expect(apiFetch("/api/x")).rejects.toMatchObject({ code: "SESSION_EXPIRED" });
    expect(assign).toHaveBeenCalledWith(
      "/console/login?next=%2Fbackups%3Fstatus%3Derror&reason=expired",
    );
  });

  it("stays put for other 401s, on the login page, or when asked to", async () => {
    const assign = stubWindow("/backups");
    stubFetch(() =>
      Response.json({ error: { code: "INVALID_CREDENTIALS", message: "x" } }, { status: 401 }),
    );
    await expect(apiFetch("/api/auth/login", { method: "POST" })).rejects.toMatchObject({
      code: "INVALID_CREDENTIALS",
    });
    stubFetch(() =>
      Response.json({ error: { code: "NO_SESSION", message: "x" } }, { status: 401 }),
    );
    await expect(apiFetch("/api/x", { redirectOnSessionEnd: false })).rejects.toBeInstanceOf(
      ApiError,
    );
    stubWindow("/login");
    await expect(apiFetch("/api/x")).rejects.toBeInstanceOf(ApiError);
    expect(assign).not.toHaveBeenCalled();
  });

  it("builds the login URL without the base path in next", () => {
    vi.stubEnv("NEXT_PUBLIC_BASE_PATH", "/c");
    expect(loginUrlFor({ pathname: "/c", search: "" })).toBe("/c/login?next=%2F&reason=expired");
  });
});

import { ApiError, apiErrorFromBody } from "./errors";

export type ApiFetchInit = Omit<RequestInit, "body"> & {
  /** Sent as JSON. */
  body?: unknown;
  /**
   * Polling and other refreshes the user did not ask for: sent with `X-Background: 1` so that
   * they do not keep an idle session alive.
   */
  background?: boolean;
  /** Set to false where a 401 must not leave the page (the login form itself). */
  redirectOnSessionEnd?: boolean;
};

/** The base path Next was built with; plain fetch() does not add it. */
export function basePath(): string {
  return process.env.NEXT_PUBLIC_BASE_PATH ?? "";
}

/**
 * Where the browser goes when its session is over: the login page, remembering the page the user
 * was on (without the base path, as the login form hands it to the router).
 */
export function loginUrlFor(location: { pathname: string; search: string }, reason = "expired") {
  const base = basePath();
  const path =
    base && location.pathname.startsWith(base)
      ? location.pathname.slice(base.length) || "/"
      : location.pathname;
  const params = new URLSearchParams({ next: `${path}${location.search}`, reason });
  return `${base}/login?${params.toString()}`;
}

function isOnLoginPage(pathname: string): boolean {
  const path = pathname.slice(basePath().length);
  return path === "/login" || path.startsWith("/login/");
}

/**
 * Calls one of the console's API routes: prefixes the base path, sends and reads JSON, and turns
 * any failure into an ApiError. A 401 that ends the session sends the browser to the login page.
 */
export async function apiFetch<T>(path: string, init: ApiFetchInit = {}): Promise<T> {
  const { body, background, redirectOnSessionEnd = true, headers: extra, ...rest } = init;
  const headers = new Headers(extra);
  headers.set("Accept", "application/json");
  if (body !== undefined) headers.set("Content-Type", "application/json");
  if (background) headers.set("X-Background", "1");

  let response: Response;
  try {
    response = await fetch(`${basePath()}${path}`, {
      credentials: "same-origin",
      ...rest,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
    throw new ApiError({
      status: 0,
      code: "NETWORK",
      message: "The console could not be reached. Check the connection and try again.",
    });
  }

  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => undefined);
  if (response.ok) return payload as T;

  const error = apiErrorFromBody(response.status, payload);
  if (
    error.endsSession &&
    redirectOnSessionEnd &&
    typeof window !== "undefined" &&
    !isOnLoginPage(window.location.pathname)
  ) {
    window.location.assign(loginUrlFor(window.location));
  }
  throw error;
}

import "server-only";
import { redirect } from "next/navigation";
import { getPageSessionRecord, loginRedirectTarget, sessions } from "@/lib/auth/session";
import type { CloudContext } from "@/lib/cloud/context";
import { isUnauthorized } from "@/lib/cloud/errors";
import { forgetLookups, sessionCloud } from "./cloud-context";

/**
 * Cloud calls from server components (e.g. prefetching a list before the page streams), with the
 * same rule as the API: an upstream 401 ends the session and sends the browser to the login page
 * with a message, then back to this page. Without a session, the same redirect (without message
 * unless the session just expired).
 */
export async function withPageCloud<T>(call: (cloud: CloudContext) => Promise<T>): Promise<T> {
  const lookup = await getPageSessionRecord();
  if (lookup.status !== "active") {
    redirect(await loginRedirectTarget(lookup.status === "expired" ? "expired" : undefined));
  }
  const { record, key } = lookup;
  try {
    return await call(sessionCloud({ key, record }));
  } catch (error) {
    if (!isUnauthorized(error)) throw error;
    await sessions()
      .end({ key })
      .catch(() => {});
    forgetLookups(key);
    redirect(await loginRedirectTarget("expired"));
  }
}

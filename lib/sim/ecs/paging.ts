import type { Context } from "hono";
import { z } from "zod";
import { clientUrl } from "../endpoints";
import { openstackError } from "../http";

const limitSchema = z.coerce.number().int().min(0);

export type Page<T> =
  | { ok: true; items: T[]; nextHref: string | null }
  | { ok: false; response: Response };

/**
 * OpenStack marker paging (Nova/Cinder): `limit` caps the page, `marker` is the id of the last item
 * of the previous page (unknown marker → 400), and a full page carries a `next` link that repeats
 * the query with the new marker.
 */
export function markerPage<T extends { id: string }>(
  c: Context,
  items: T[],
  maxLimit = 1000,
): Page<T> {
  const url = clientUrl(c);
  const rawLimit = url.searchParams.get("limit");
  let limit = maxLimit;
  if (rawLimit !== null) {
    const parsed = limitSchema.safeParse(rawLimit);
    if (!parsed.success)
      return { ok: false, response: openstackError(c, 400, `Invalid limit: ${rawLimit}.`) };
    limit = Math.min(parsed.data, maxLimit);
  }
  let start = 0;
  const marker = url.searchParams.get("marker");
  if (marker !== null) {
    const index = items.findIndex((i) => i.id === marker);
    if (index < 0)
      return { ok: false, response: openstackError(c, 400, `marker [${marker}] not found`) };
    start = index + 1;
  }
  const page = items.slice(start, start + limit);
  const last = page[page.length - 1];
  let nextHref: string | null = null;
  if (last && rawLimit !== null && start + limit < items.length) {
    const next = new URL(url);
    next.searchParams.set("limit", String(limit));
    next.searchParams.set("marker", last.id);
    nextHref = next.toString();
  }
  return { ok: true, items: page, nextHref };
}

export function nextLinks(nextHref: string | null): { rel: string; href: string }[] | undefined {
  return nextHref ? [{ rel: "next", href: nextHref }] : undefined;
}

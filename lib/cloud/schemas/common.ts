import { z } from "zod";

/**
 * Tolerant readers for what clouds really send (reference/cloud-apis.md §0.3, §5, §9.2):
 * numbers and booleans as strings, floats where integers are documented, dates with or
 * without a zone, ids that are sometimes numbers.
 */

/*
 * Each tolerant reader is one plain function, wrapped once: list answers run them on every field of
 * every item (a page of 20 CSBS backups is ~1,600 fields), where chains of zod wrappers (preprocess,
 * union, transform, optional, catch) cost several times as much for the same result.
 */

/** A number, or a string holding one ("20", "25.2"); undefined for anything else. */
function readNumber(v: unknown): number | undefined {
  if (typeof v === "number") return Number.isFinite(v) ? v : undefined;
  if (typeof v === "string" && v.trim() !== "") {
    const n = Number(v);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

/** A boolean, or "true"/"false" (any case), or 0/1; undefined for anything else. */
function readBoolean(v: unknown): boolean | undefined {
  if (typeof v === "boolean") return v;
  if (typeof v === "string") {
    const t = v.trim().toLowerCase();
    if (t === "true" || t === "1") return true;
    if (t === "false" || t === "0") return false;
  }
  if (v === 0 || v === 1) return v === 1;
  return undefined;
}

/** A string, or a number or boolean sent where a string is documented; undefined otherwise. */
function readString(v: unknown): string | undefined {
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return undefined;
}

/** A required value read by `read`: an issue (not a throw) when it cannot be read. */
function required<T>(read: (v: unknown) => T | undefined, expected: string) {
  return z.unknown().transform((v, ctx): T => {
    const value = read(v);
    if (value === undefined) {
      ctx.addIssue({ code: "custom", message: `Invalid input: expected ${expected}` });
      return z.NEVER;
    }
    return value;
  });
}

/** A number, or a string holding one ("20", "25.2"). */
export const looseNumber = required(readNumber, "number");

/** A boolean, or "true"/"false" (any case), or 0/1. */
export const looseBoolean = required(readBoolean, "boolean");

/** A string, or a number sent where a string is documented (e.g. `enterprise_project_id: 0`). */
export const looseString = required(readString, "string");

const ZONE = /(?:[zZ]|[+-]\d{2}(?::?\d{2})?)$/;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\s*(?:[zZ]|[+-]\d{2}(?::?\d{2})?)?$/;

/**
 * Normalises a cloud date to an ISO UTC string (`2017-03-07T09:27:41.000Z`). Accepts
 * `2017-03-07T09:27:40.928000`, `2017-03-07 09:27:41`, `2020-02-21T07:07:25.114+00:00`,
 * `…Z`, `…+0800`; a value without a zone is UTC. Returns undefined when unreadable.
 */
export function normalizeCloudDate(value: string): string | undefined {
  // Polled lists bring the same dates again and again; the Date constructor is the costly part
  // (Next wraps it in production), so known answers are remembered, within a bound.
  const known = normalizedDates.get(value);
  if (known !== undefined || normalizedDates.has(value)) return known;
  const result = computeCloudDate(value);
  if (normalizedDates.size >= NORMALIZED_DATES_MAX) normalizedDates.clear();
  normalizedDates.set(value, result);
  return result;
}

const NORMALIZED_DATES_MAX = 10_000;
const normalizedDates = new Map<string, string | undefined>();

function computeCloudDate(value: string): string | undefined {
  const text = value.trim();
  const m = DATE_TIME.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h = "00", mi = "00", s = "00", frac = ""] = m;
  const ms = frac === "" ? "000" : frac.slice(0, 3).padEnd(3, "0");
  const zoneMatch = ZONE.exec(text.slice(10));
  let zone = zoneMatch ? zoneMatch[0] : "Z";
  if (/^[+-]\d{2}$/.test(zone)) zone = `${zone}:00`;
  else if (/^[+-]\d{4}$/.test(zone)) zone = `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}${zone.toUpperCase()}`);
  if (Number.isNaN(date.getTime())) return undefined;
  return date.toISOString();
}

/** A cloud date normalised to an ISO UTC string. */
export const cloudDate = z.string().transform((value, ctx) => {
  const iso = normalizeCloudDate(value);
  if (iso === undefined) {
    ctx.addIssue({ code: "custom", message: "Invalid date" });
    return z.NEVER;
  }
  return iso;
});

/** Optional, and tolerant of null and "" (clouds send both for "no value"). */
export function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => (v === null || v === "" ? undefined : v), schema.optional());
}

/** Optional date: null, "" and unreadable placeholder values become undefined. */
export const optionalDate = lenient((v) =>
  typeof v === "string" ? normalizeCloudDate(v) : undefined,
);

export const tagSchema = z.object({ key: looseString, value: optional(looseString) });
export type Tag = z.infer<typeof tagSchema>;

/*
 * Lenient optional fields: a value that cannot be read (a placeholder like "string", a wrong
 * type) becomes undefined instead of failing the whole response. Used for descriptive fields;
 * ids and states stay required so that a broken response is still reported as BAD_RESPONSE.
 */
function lenient<T>(read: (v: unknown) => T | undefined) {
  return z
    .unknown()
    .transform((v) => read(v))
    .optional();
}
export const num = lenient(readNumber);
export const bool = lenient(readBoolean);
export const str = lenient(readString);
export const date = optionalDate;
/** Free-form dictionaries (`extra_info`, `metadata`) kept as they came. */
export const dict = z.unknown().optional();

/** Keystone-style pagination links (`checkpoint_items_links`, `servers_links`, …). */
export const linksSchema = z
  .array(z.object({ href: z.string(), rel: z.string() }))
  .optional()
  .catch(undefined);
export type Link = { href: string; rel: string };

/** The `marker` of the `next` link, if any, for marker-paged lists. */
export function nextMarker(links: readonly Link[] | undefined): string | undefined {
  const next = links?.find((l) => l.rel === "next");
  if (!next) return undefined;
  try {
    return new URL(next.href, "http://x").searchParams.get("marker") ?? undefined;
  } catch {
    return undefined;
  }
}

/** A list of strings, or of `{image_id}`-like objects, normalised to the objects. */
export const imageDataList = z
  .array(
    z.union([
      z.object({ image_id: looseString }),
      z.string().transform((image_id) => ({ image_id })),
    ]),
  )
  .optional()
  .catch(undefined);

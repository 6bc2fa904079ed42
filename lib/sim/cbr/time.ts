/** CBR's timestamp format, as in its samples: `2020-02-21T07:07:25.114+00:00`. */
export function cbrTime(iso: string): string;
export function cbrTime(iso: string | null): string | null;
export function cbrTime(iso: string | null): string | null {
  if (iso === null) return null;
  return new Date(iso).toISOString().replace(/Z$/, "+00:00");
}

// Query times are documented as `%YYYY-%mm-%ddT%HH:%MM:%SSZ`; clients also send offsets or
// milliseconds, which the simulator tolerates, but not free text.
const queryTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/;

/** Milliseconds since the epoch for a query time, or null when it is not a time. */
export function parseQueryTime(value: string): number | null {
  if (!queryTime.test(value)) return null;
  const withZone = /(Z|[+-]\d{2}:?\d{2})$/.test(value) ? value : `${value}Z`;
  const ms = Date.parse(withZone);
  return Number.isNaN(ms) ? null : ms;
}

export function addMs(iso: string, ms: number): string {
  return new Date(Date.parse(iso) + ms).toISOString();
}

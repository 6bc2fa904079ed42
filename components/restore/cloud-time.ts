/** Cloud times often come without a zone ("2026-11-22T08:30:01.123000"): they are UTC. */
export function cloudDate(value: string | undefined): Date | null {
  if (!value) return null;
  const zoned = /[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value.replace(" ", "T")}Z`;
  const date = new Date(zoned);
  return Number.isNaN(date.getTime()) ? null : date;
}

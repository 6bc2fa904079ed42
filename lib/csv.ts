/**
 * RFC 4180 CSV with every field quoted (quotes doubled) and CRLF between records.
 *
 * CSV injection (OWASP): a text field that a spreadsheet would run as a formula gets an apostrophe
 * before the formula's first character. Not only at the field's start: a spreadsheet whose list
 * separator is `;` (German and other European Excel installs), a tab or `|` splits the line there
 * instead of at our commas, so `a;=cmd|'/c calc'!A1` would start a cell with `=`. Every formula
 * start after any such separator (and any line break), with spaces or a quote between, is
 * neutralised. Names come from the cloud's users. Numbers stay numbers (`-3` is not a formula).
 */
const FORMULA_START = /(^|[,;\t|\r\n])([\s"]*)([=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20])/g;

export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '""';
  let text = String(value);
  if (typeof value === "string") text = text.replace(FORMULA_START, "$1$2'$3");
  return `"${text.replace(/"/g, '""')}"`;
}

export function toCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number | boolean | null | undefined)[])[],
): string {
  return `${[header, ...rows].map((row) => row.map(csvField).join(",")).join("\r\n")}\r\n`;
}

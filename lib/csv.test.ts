import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvField, toCsv } from "./csv";

/** Splits a line as a spreadsheet with this list separator would (quotes respected). */
function cellsOf(line: string, separator: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === "") quoted = true;
    else if (ch === separator) {
      cells.push(cell);
      cell = "";
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}

describe("csv", () => {
  it("quotes every field and doubles quotes", () => {
    expect(csvField('say "hi", twice')).toBe('"say ""hi"", twice"');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField("plain")).toBe('"plain"');
    expect(csvField(42)).toBe('"42"');
    expect(csvField(undefined)).toBe('""');
  });

  it("defuses formulas in text but not negative numbers", () => {
    expect(csvField("=HYPERLINK(1)")).toBe(`"'=HYPERLINK(1)"`);
    expect(csvField("@cmd")).toBe(`"'@cmd"`);
    expect(csvField(-3)).toBe('"-3"');
  });

  it("defuses a formula after a ; tab | or comma, where another spreadsheet splits", () => {
    expect(csvField("a;=cmd|'/c calc'!A1")).toBe(`"a;'=cmd|'/c calc'!A1"`);
    expect(csvField("a\t+1")).toBe(`"a\t'+1"`);
    expect(csvField('x, "=1')).toBe(`"x, ""'=1"`);
    expect(csvField("2026-01-02 backup-1")).toBe('"2026-01-02 backup-1"');
  });

  it("no cell starts a formula, whatever the separator the spreadsheet splits on", () => {
    const risky = fc.constantFrom("=", "+", "-", "@", ";", ",", "\t", "|", '"', " ", "a", "\n");
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: risky, maxLength: 12 }), { maxLength: 4 }),
        (fields) => {
          const line = toCsv(["h"], [fields]).split("\r\n")[1] ?? "";
          for (const separator of [",", ";", "\t", "|", "\n"]) {
            for (const cell of cellsOf(line, separator)) {
              expect(cell.replace(/^[\s"]+/, "")).not.toMatch(/^[=+\-@]/);
            }
          }
        },
      ),
    );
  });

  it("joins records with CRLF", () => {
    expect(toCsv(["a", "b"], [[1, "x,y"]])).toBe('"a","b"\r\n"1","x,y"\r\n');
  });
});

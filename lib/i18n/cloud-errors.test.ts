import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cloudErrorCodes, cloudErrorMessage } from "./cloud-errors";

// A verbatim copy of §6.2 (error codes) of the CSBS reference, seeds/003, kept in the repository
// so that the test runs on a fresh clone; when the seeds are present, the copy is checked too.
const TABLE = path.resolve(import.meta.dirname, "../cloud/fixtures/csbs-error-codes-6.2.txt");
// The seeds sit in shared/ beside the repository (as on the developers' machines and in CI).
const SEEDS = path.resolve(import.meta.dirname, "../../../shared/seeds");

function codesOf(text: string): string[] {
  return [...new Set([...text.matchAll(/^\d{3}\tCSBS\.(\d{4})\t/gm)].map((m) => `CSBS.${m[1]}`))];
}

const tableCodes = codesOf(readFileSync(TABLE, "utf8"));

describe("cloud error catalog", () => {
  it("reads the §6.2 table", () => {
    expect(tableCodes.length).toBeGreaterThanOrEqual(49);
    expect(tableCodes).toContain("CSBS.6018");
  });

  it.each(tableCodes)("%s has English and Chinese words", (code) => {
    const en = cloudErrorMessage(code, "en");
    const zh = cloudErrorMessage(code, "zh");
    expect(en).toMatch(/^[A-Z].{15,}\.$/);
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
    expect(zh).toMatch(/。$/);
  });

  it("the catalog has no CSBS code the table does not know", () => {
    expect([...cloudErrorCodes.csbs].sort()).toEqual([...tableCodes].sort());
  });

  it("the repository copy matches the seed when the seeds are present", () => {
    if (!existsSync(SEEDS)) return;
    const seed = readdirSync(SEEDS).find((f) => f.startsWith("003_"));
    if (!seed) return;
    const text = readFileSync(path.join(SEEDS, seed), "utf8");
    const section = text.slice(text.lastIndexOf("6.2 错误码"), text.lastIndexOf("6.3 获取项目"));
    expect(codesOf(section).sort()).toEqual([...tableCodes].sort());
  });

  it("every other family has both languages", () => {
    for (const code of [
      ...cloudErrorCodes.cbr,
      ...cloudErrorCodes.gateway,
      ...cloudErrorCodes.local,
    ]) {
      expect(cloudErrorMessage(code, "en"), code).toBeTruthy();
      expect(cloudErrorMessage(code, "zh"), code).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it("unknown codes and prototype keys give undefined", () => {
    expect(cloudErrorMessage("CSBS.0000", "en")).toBeUndefined();
    expect(cloudErrorMessage("toString", "en")).toBeUndefined();
    expect(cloudErrorMessage("__proto__", "zh")).toBeUndefined();
  });
});

import { describe, expect, it } from "vitest";
import { en, zh } from "./messages";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("message catalog", () => {
  it("has the same keys in English and Chinese", () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  it.each([
    ["en", en],
    ["zh", zh],
  ] as const)("has no empty or untrimmed message in %s", (_name, catalog) => {
    for (const [key, text] of Object.entries(catalog)) {
      expect(text.trim(), key).not.toBe("");
      expect(text, key).toBe(text.trim());
    }
  });

  it("uses the same placeholders in both languages", () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(zh[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it("translates the ui-guide's words as the guide says", () => {
    expect(zh["nav.policies"]).toBe("备份策略");
    expect(zh["nav.vaults"]).toBe("存储库");
    expect(zh["nav.servers"]).toBe("云服务器");
    expect(zh["user.account"]).toBe("帐号");
    expect(zh["header.project"]).toBe("项目");
    expect(zh["login.password"]).toBe("密码");
  });
});

import { describe, expect, it } from "vitest";
import { catalogs } from "./messages";
import { createTranslator, interpolate, translatorFor } from "./translate";

describe("interpolate", () => {
  it("fills every named placeholder", () => {
    expect(interpolate("{a} and {b} and {a}", { a: 1, b: "two" })).toBe("1 and two and 1");
  });

  it("leaves a placeholder without a value visible", () => {
    expect(interpolate("Hello {name}", {})).toBe("Hello {name}");
  });

  it("does not read inherited properties as values", () => {
    expect(interpolate("{constructor}", {})).toBe("{constructor}");
  });
});

describe("createTranslator", () => {
  it("answers in the chosen language", () => {
    expect(createTranslator("en")("nav.backups")).toBe("Backups");
    expect(createTranslator("zh")("nav.backups")).toBe("备份");
    expect(createTranslator("zh")("header.projectSwitched", { name: "cn-north-4" })).toBe(
      "已切换到项目 cn-north-4。",
    );
  });
});

describe("translatorFor", () => {
  it("reads only the catalog it was given", () => {
    const t = translatorFor({ ...catalogs.en, "nav.backups": "Sauvegardes" });
    expect(t("nav.backups")).toBe("Sauvegardes");
    expect(t("header.projectSwitched", { name: "x" })).toBe("Switched to project x.");
  });
});

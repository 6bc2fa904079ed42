import { describe, expect, it } from "vitest";
import { z } from "zod";
import { backupSearchQuerySchema, renameBodySchema } from "./backups";
import { compiled } from "./compiled";

// The cloud's answers, the other half of what is compiled, are compared with the runtime parser on
// every sample of the documents in lib/cloud/schemas/schemas.test.ts.
describe("compiled schemas", () => {
  it("are made once per schema", () => {
    expect(compiled(renameBodySchema)).toBe(compiled(renameBodySchema));
    expect(compiled(renameBodySchema)).not.toBe(renameBodySchema);
  });

  it("read route input as the runtime parser does, dropped values included", () => {
    const query = { size: "5000", sort: "name:sideways", status: ["error", "available"] };
    const fast = compiled(backupSearchQuerySchema).safeParse(query);
    expect(fast.data?.dropped.length).toBeGreaterThan(0);
    expect(fast).toStrictEqual(backupSearchQuerySchema.safeParse(query));
  });

  it("refuse what the runtime refuses, with the same issues", () => {
    const fast = compiled(renameBodySchema).safeParse({ name: "" });
    expect(fast.success).toBe(false);
    expect(fast.error?.issues).toStrictEqual(
      renameBodySchema.safeParse({ name: "" }).error?.issues,
    );
  });

  it("keep refinements zod cannot compile", () => {
    const schema = z.object({ from: z.number(), to: z.number() }).superRefine((v, ctx) => {
      if (v.to < v.from) ctx.addIssue({ code: "custom", path: ["to"], message: "before from" });
    });
    expect(compiled(schema).safeParse({ from: 2, to: 1 }).error?.issues[0]?.path).toEqual(["to"]);
    expect(compiled(schema).safeParse({ from: 1, to: 2 }).success).toBe(true);
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loginFormSchema, makeLoginFormSchema } from "./login";
import { loginBodySchema } from "./session";

const valid = { domain: "demo", user: "admin", password: "Demo@2026", project: "eu-west-0" };

describe("loginFormSchema", () => {
  it("accepts the demo sign-in and trims names but not the password", () => {
    const parsed = loginFormSchema.parse({
      domain: " demo ",
      user: "admin ",
      password: " pass ",
      project: " eu-west-0",
    });
    expect(parsed).toEqual({
      domain: "demo",
      user: "admin",
      password: " pass ",
      project: "eu-west-0",
    });
  });

  it("names the field in each message", () => {
    const result = loginFormSchema.safeParse({ domain: "", user: " ", password: "", project: "" });
    expect(result.success).toBe(false);
    const issues = result.error?.issues.map((i) => [i.path.join("."), i.message]);
    expect(issues).toEqual([
      ["domain", "Enter the account name."],
      ["user", "Enter the IAM user name."],
      ["password", "Enter the password."],
      ["project", "Enter the project name or ID."],
    ]);
  });

  it("refuses overlong values", () => {
    const result = loginFormSchema.safeParse({ ...valid, project: "p".repeat(65) });
    expect(result.error?.issues[0]?.path).toEqual(["project"]);
  });

  it("uses the messages it is given (the form passes the translated ones)", () => {
    const schema = makeLoginFormSchema({
      accountRequired: "请输入帐号名。",
      accountTooLong: "a",
      userRequired: "u",
      userTooLong: "u",
      passwordRequired: "p",
      passwordTooLong: "p",
      projectRequired: "r",
      projectTooLong: "r",
    });
    expect(schema.safeParse({ ...valid, domain: "" }).error?.issues[0]?.message).toBe(
      "请输入帐号名。",
    );
  });

  it("never sends what the login route would refuse", () => {
    fc.assert(
      fc.property(
        fc.record({
          domain: fc.string(),
          user: fc.string(),
          password: fc.string(),
          project: fc.string(),
        }),
        (input) => {
          const form = loginFormSchema.safeParse(input);
          if (form.success) expect(loginBodySchema.safeParse(form.data).success).toBe(true);
        },
      ),
    );
  });
});

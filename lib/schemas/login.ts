import { z } from "zod";

/** Limits shared with the login route's body schema (lib/schemas/session.ts). */
export const LOGIN_LIMITS = { domain: 64, user: 64, password: 128, project: 64 } as const;

/** The words the form shows for each rule, each naming its field; English by default (the API's language). */
export type LoginMessages = {
  accountRequired: string;
  accountTooLong: string;
  userRequired: string;
  userTooLong: string;
  passwordRequired: string;
  passwordTooLong: string;
  projectRequired: string;
  projectTooLong: string;
};

export const englishLoginMessages: LoginMessages = {
  accountRequired: "Enter the account name.",
  accountTooLong: `The account name is too long (at most ${LOGIN_LIMITS.domain} characters).`,
  userRequired: "Enter the IAM user name.",
  userTooLong: `The IAM user name is too long (at most ${LOGIN_LIMITS.user} characters).`,
  passwordRequired: "Enter the password.",
  passwordTooLong: `The password is too long (at most ${LOGIN_LIMITS.password} characters).`,
  projectRequired: "Enter the project name or ID.",
  projectTooLong: `The project name or ID is too long (at most ${LOGIN_LIMITS.project} characters).`,
};

/**
 * The sign-in form: account (`domain` on the wire), IAM user, password, project (name or id).
 * Names are trimmed; the password is sent exactly as typed.
 */
export function makeLoginFormSchema(messages: LoginMessages = englishLoginMessages) {
  return z.object({
    domain: z
      .string()
      .trim()
      .min(1, messages.accountRequired)
      .max(LOGIN_LIMITS.domain, messages.accountTooLong),
    user: z
      .string()
      .trim()
      .min(1, messages.userRequired)
      .max(LOGIN_LIMITS.user, messages.userTooLong),
    password: z
      .string()
      .min(1, messages.passwordRequired)
      .max(LOGIN_LIMITS.password, messages.passwordTooLong),
    project: z
      .string()
      .trim()
      .min(1, messages.projectRequired)
      .max(LOGIN_LIMITS.project, messages.projectTooLong),
  });
}

export const loginFormSchema = makeLoginFormSchema();
export type LoginFormValues = z.infer<typeof loginFormSchema>;

/** The demo identity of the built-in simulator (design.md); offered only in simulator mode. */
export const demoLogin = {
  domain: "demo",
  user: "admin",
  password: "Demo@2026",
  project: "eu-west-0",
  auditor: { user: "auditor", password: "Audit@2026" },
  projects: ["eu-west-0", "cn-north-4", "eu-de"],
} as const;

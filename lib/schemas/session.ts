import { z } from "zod";

const namedRefSchema = z.object({ id: z.string(), name: z.string() });

/**
 * What the browser may know about the signed-in administrator. Never holds the IAM token:
 * `GET /api/auth/session`, the login response and the shell all send exactly this shape.
 */
export const sessionInfoSchema = z.object({
  user: namedRefSchema,
  account: namedRefSchema,
  project: namedRefSchema,
  roles: z.array(z.string()),
  readOnly: z.boolean(),
  /** ISO instant: the absolute end (absolute timeout or IAM token expiry minus the margin). */
  expiresAt: z.string(),
  /** ISO instant: when the session ends if the user does nothing (never after `expiresAt`). */
  idleExpiresAt: z.string(),
  /** True when the console runs against the built-in simulated cloud. */
  simulator: z.boolean(),
  /** The backup services the project's catalog offers (a region may have ended CSBS). */
  services: z.object({ csbs: z.boolean(), cbr: z.boolean() }),
});

export type SessionInfo = z.infer<typeof sessionInfoSchema>;

export const loginResponseSchema = z.object({ session: sessionInfoSchema });
export type LoginResponse = z.infer<typeof loginResponseSchema>;

export const projectChoiceSchema = z.object({
  id: z.string(),
  name: z.string(),
  current: z.boolean(),
});
export type ProjectChoice = z.infer<typeof projectChoiceSchema>;

export const projectsResponseSchema = z.object({ projects: z.array(projectChoiceSchema) });
export type ProjectsResponse = z.infer<typeof projectsResponseSchema>;

/**
 * The body of `POST /api/auth/login`. `domain` is the account name the UI labels "Account";
 * `project` is a project name or id. The password is not trimmed: spaces may be part of it.
 */
export const loginBodySchema = z.object({
  domain: z.string().trim().min(1, "Enter the account name.").max(64, "Account name is too long."),
  user: z.string().trim().min(1, "Enter the user name.").max(64, "User name is too long."),
  password: z.string().min(1, "Enter the password.").max(128, "Password is too long."),
  project: z.string().trim().min(1, "Enter the project.").max(64, "Project is too long."),
});
export type LoginBody = z.infer<typeof loginBodySchema>;

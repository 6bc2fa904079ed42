import "server-only";
import { z } from "zod";

const seconds = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const flag = z
  .enum(["0", "1", "true", "false", ""])
  .default("0")
  .transform((value) => value === "1" || value === "true");

const envSchema = z.object({
  SESSION_IDLE_TIMEOUT_S: seconds(1800),
  SESSION_ABSOLUTE_TIMEOUT_S: seconds(28_800),
  SESSION_TOKEN_MARGIN_S: z.coerce.number().int().nonnegative().default(300),
  SESSION_DB_PATH: z.string().min(1).default(".data/sessions.sqlite"),
  /** Encrypts IAM tokens at rest; without it a random key per process (restarts sign everyone out). */
  SESSION_SECRET: z
    .string()
    .min(32)
    .optional()
    .or(z.literal("").transform(() => undefined)),
  CONSOLE_ALLOWED_ORIGINS: z
    .string()
    .default("")
    .transform((value) =>
      value
        .split(",")
        .map((origin) => origin.trim().replace(/\/+$/, ""))
        .filter(Boolean),
    ),
  FRAME_ANCESTORS: z.string().trim().min(1).default("'self'"),
  NEXT_PUBLIC_BASE_PATH: z.string().default(""),
  BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(65_536),
  /** Trust X-Forwarded-Proto/-Host/-For: only behind a reverse proxy that sets them. */
  TRUST_PROXY: flag,
  /** Failed sign-ins allowed per user and address before each further one must wait. */
  LOGIN_FREE_ATTEMPTS: z.coerce.number().int().nonnegative().default(3),
});

export type ServerEnv = z.infer<typeof envSchema>;

let cached: ServerEnv | undefined;

/** The console's own settings, read once. The CLOUD_* ones are read by lib/cloud/config.ts. */
export function serverEnv(): ServerEnv {
  if (!cached) {
    const parsed = envSchema.safeParse(process.env);
    if (!parsed.success) {
      const problems = parsed.error.issues
        .map((issue) => `${issue.path.join(".")}: ${issue.message}`)
        .join("; ");
      throw new Error(`Invalid console configuration: ${problems}`);
    }
    cached = parsed.data;
  }
  return cached;
}

/** Tests change process.env between cases. */
export function resetServerEnvForTests(): void {
  cached = undefined;
}

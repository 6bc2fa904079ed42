import { z } from "zod";

/** A cloud project id as IAM issues them (32 hex characters, Keystone style). */
export const projectIdSchema = z
  .string()
  .regex(/^[0-9a-fA-F]{32}$/, "Must be a project id (32 hexadecimal characters).");

/** An RFC 4122 UUID, the id format of CSBS and CBR resources. */
export const uuidSchema = z
  .string()
  .regex(
    /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/,
    "Must be a UUID.",
  );

/** Trims, then requires something: the shape of every free-text field a form must not send empty. */
export function requiredText(message: string, max = 255) {
  return z.string().trim().min(1, message).max(max, message);
}

/** The body of `POST /api/auth/project`. */
export const switchProjectBodySchema = z.object({ projectId: projectIdSchema });
export type SwitchProjectBody = z.infer<typeof switchProjectBodySchema>;

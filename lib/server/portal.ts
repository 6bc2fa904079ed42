import "server-only";
import { z } from "zod";

export type PortalLink = { url: string; name: string | undefined };

const schema = z.object({
  // Only http(s): the value becomes an href, and a javascript: URL there would be a script.
  PORTAL_URL: z
    .string()
    .trim()
    .transform((v) => (v === "" ? undefined : v))
    .pipe(z.url({ protocol: /^https?$/ }).optional())
    .optional(),
  PORTAL_NAME: z
    .string()
    .trim()
    .max(60)
    .transform((v) => (v === "" ? undefined : v))
    .optional(),
});

/**
 * The optional "back to portal" link of the header (PORTAL_URL, PORTAL_NAME). An invalid URL
 * hides the link rather than stopping the console: it is a convenience, not a dependency.
 */
export function portalLinkFrom(env: Record<string, string | undefined>): PortalLink | null {
  const parsed = schema.safeParse(env);
  if (!parsed.success || !parsed.data.PORTAL_URL) return null;
  return { url: parsed.data.PORTAL_URL, name: parsed.data.PORTAL_NAME };
}

export function portalLink(): PortalLink | null {
  return portalLinkFrom(process.env);
}

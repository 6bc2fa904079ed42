import { z } from "zod";
import { cloudDate, looseBoolean, looseString, optional } from "./common";

const named = z.object({ id: looseString, name: z.string() });

export const catalogSchema = z.array(
  z.object({
    type: z.string(),
    id: optional(z.string()),
    name: optional(z.string()),
    endpoints: z
      .array(
        z.object({
          url: z.string(),
          interface: optional(z.string()),
          region: optional(z.string()),
          region_id: optional(z.string()),
          id: optional(z.string()),
        }),
      )
      .default([]),
  }),
);

/** Keystone v3 `POST /auth/tokens` body (the token itself is in `X-Subject-Token`). */
export const tokenBodySchema = z.object({
  token: z.object({
    expires_at: cloudDate,
    issued_at: optional(cloudDate),
    methods: optional(z.array(z.string())),
    user: z.object({
      id: looseString,
      name: z.string(),
      domain: optional(z.object({ id: looseString, name: z.string() })),
    }),
    project: optional(
      z.object({
        id: looseString,
        name: z.string(),
        domain: optional(z.object({ id: optional(looseString), name: optional(z.string()) })),
      }),
    ),
    domain: optional(named),
    roles: z.array(z.object({ id: optional(looseString), name: z.string() })).default([]),
    catalog: optional(catalogSchema),
  }),
});
export type TokenBody = z.infer<typeof tokenBodySchema>;

export const projectsSchema = z.object({
  projects: z.array(
    z.object({
      id: looseString,
      name: z.string(),
      enabled: optional(looseBoolean),
      domain_id: optional(looseString),
    }),
  ),
});

import type { Context } from "hono";
import type { z } from "zod";
import type { SimContext } from "../context";
import { readJson } from "../http";
import type { ProjectState } from "../state";
import { ensureCsbsState } from "./empty";
import { type CsbsFailure, failure, invalid, respond } from "./errors";
import { PROVIDER_ID } from "./format";

/** The project addressed by `/csbs/v1/{project_id}` (sim-core answers 404 for an unknown one). */
export function projectOf(ctx: SimContext, c: Context): ProjectState | undefined {
  const id = c.req.param("project_id");
  const project = id === undefined ? undefined : ctx.state.projects[id];
  if (project) ensureCsbsState(project);
  return project;
}

export function unknownProject(c: Context): Response {
  return respond(c, { status: 404, code: "CSBS.9001", message: "project not found" });
}

/** CSBS has one provider; any other id in a path or body is a parameter error. */
export function checkProvider(value: unknown): CsbsFailure | null {
  return value === PROVIDER_ID ? null : invalid("provider invalid");
}

/** The request body checked against a zod shape; errors name the first offending field. */
export async function readBody<T extends z.ZodType>(
  c: Context,
  schema: T,
): Promise<{ ok: true; body: z.infer<T> } | { ok: false; response: Response }> {
  const raw = await readJson(c);
  if (!raw.ok) return raw;
  const parsed = schema.safeParse(raw.body);
  if (parsed.success) return { ok: true, body: parsed.data };
  const issue = parsed.error.issues[0];
  const field = issue?.path.join(".") || "body";
  return {
    ok: false,
    response: respond(c, invalid(`${field}: ${issue?.message ?? "invalid value"}`)),
  };
}

export { failure, respond };

import type { Context } from "hono";
import { Hono } from "hono";
import { z } from "zod";
import type { SimContext } from "../context";
import { keystoneError, readJson } from "../http";
import type { TokenRecord, TokenScope } from "../state";
import {
  type DemoProject,
  type DemoUser,
  demoDomain,
  demoProjects,
  findProject,
  findUserById,
  findUserByName,
} from "./directory";
import { issueToken, keystoneTime, pruneExpiredTokens, revokeToken, verifyToken } from "./tokens";

const ref = z.object({ id: z.string().min(1).optional(), name: z.string().min(1).optional() });

const authBodySchema = z.object({
  auth: z.object({
    identity: z.object({
      methods: z.array(z.string()).min(1),
      password: z
        .object({
          user: z.object({
            id: z.string().optional(),
            name: z.string().optional(),
            password: z.string(),
            domain: ref.optional(),
          }),
        })
        .optional(),
      token: z.object({ id: z.string().min(1) }).optional(),
    }),
    scope: z
      .object({
        project: ref.extend({ domain: ref.optional() }).optional(),
        domain: ref.optional(),
      })
      .optional(),
  }),
});

type AuthBody = z.infer<typeof authBodySchema>;

const unauthorized = "The request you have made requires authentication.";

function domainMatches(domain: { id?: string; name?: string } | undefined): boolean {
  if (!domain) return false;
  if (domain.id !== undefined) return domain.id === demoDomain.id;
  return domain.name === demoDomain.name;
}

function authenticate(
  ctx: SimContext,
  c: Context,
  identity: AuthBody["auth"]["identity"],
): { user: DemoUser; methods: string[] } | null {
  if (identity.methods.includes("password") && identity.password) {
    const u = identity.password.user;
    const user =
      u.id !== undefined
        ? findUserById(u.id)
        : u.name !== undefined
          ? findUserByName(u.name)
          : undefined;
    // Huawei requires the user's domain with a user name (the account name).
    if (!user || (u.id === undefined && !domainMatches(u.domain))) return null;
    if (u.domain && !domainMatches(u.domain)) return null;
    return user.password === u.password ? { user, methods: ["password"] } : null;
  }
  if (identity.methods.includes("token")) {
    const token = identity.token?.id ?? c.req.header("x-auth-token");
    const valid = verifyToken(ctx, token);
    return valid ? { user: valid.user, methods: ["token"] } : null;
  }
  return null;
}

function resolveScope(scope: AuthBody["auth"]["scope"]): TokenScope | null {
  // If both scopes are given, the project scope wins (Huawei IAM).
  if (scope?.project) {
    const p = scope.project;
    if (p.id === undefined && p.domain && !domainMatches(p.domain)) return null;
    const project = findProject(p.id !== undefined ? { id: p.id } : { name: p.name ?? "" });
    return project ? { kind: "project", projectId: project.id } : null;
  }
  if (scope?.domain)
    return domainMatches(scope.domain) ? { kind: "domain", domainId: demoDomain.id } : null;
  return { kind: "unscoped" };
}

function endpoint(id: string, url: string, region: string) {
  return { id, url, region, region_id: region, interface: "public" };
}

/** A Keystone-style catalog; the services' URLs carry the project id as Keystone's do. */
function catalog(origin: string, project: DemoProject | undefined) {
  const region = project?.region ?? demoProjects[0]?.region ?? "eu-west-0";
  const entry = (type: string, name: string, url: string) => ({
    id: `${type}-${project?.id ?? "global"}`.slice(0, 64),
    type,
    name,
    endpoints: [endpoint(`${type}-public-${region}`, url, region)],
  });
  const list = [entry("identity", "iam", `${origin}/iam/v3`)];
  if (project) {
    list.push(
      entry("data-protect", "csbs", `${origin}/csbs/v1/${project.id}`),
      entry("cbr", "cbr", `${origin}/cbr/v3/${project.id}`),
      entry("compute", "ecs", `${origin}/ecs/v2.1/${project.id}`),
      entry("volumev2", "evs", `${origin}/evs/v2/${project.id}`),
    );
  }
  return list;
}

function tokenBody(record: TokenRecord, user: DemoUser, origin: string, withCatalog: boolean) {
  const domain = { id: demoDomain.id, name: demoDomain.name };
  const project =
    record.scope.kind === "project" ? findProject({ id: record.scope.projectId }) : undefined;
  return {
    token: {
      methods: record.methods,
      expires_at: keystoneTime(record.expiresAt),
      issued_at: keystoneTime(record.issuedAt),
      user: { id: user.id, name: user.name, domain, password_expires_at: "" },
      ...(project ? { project: { id: project.id, name: project.name, domain } } : {}),
      ...(record.scope.kind === "domain" ? { domain } : {}),
      ...(record.scope.kind === "unscoped" ? {} : { roles: user.roles }),
      ...(withCatalog && record.scope.kind !== "unscoped"
        ? { catalog: catalog(origin, project) }
        : {}),
    },
  };
}

function projectJson(p: DemoProject, origin: string) {
  return {
    id: p.id,
    name: p.name,
    description: "",
    domain_id: demoDomain.id,
    parent_id: demoDomain.id,
    enabled: true,
    is_domain: false,
    links: { self: `${origin}/iam/v3/projects/${p.id}` },
  };
}

/** IAM at /iam/v3: the Keystone v3 token API as Huawei Cloud / OTC serve it (cloud-apis.md §8). */
export function iamRoutes(ctx: SimContext): Hono {
  ctx.onTick("iam", (now) => pruneExpiredTokens(ctx, now));
  const app = new Hono();
  const origin = (c: Context) => new URL(c.req.url).origin;

  // Version discovery, which keystoneauth (the OpenStack CLI and SDKs) reads before anything else.
  app.get("/", (c) =>
    c.json({
      version: {
        id: "v3.0",
        status: "stable",
        updated: "2013-03-06T00:00:00Z",
        links: [{ rel: "self", href: `${origin(c)}/iam/v3/` }],
        "media-types": [
          { base: "application/json", type: "application/vnd.openstack.identity-v3+json" },
        ],
      },
    }),
  );

  app.post("/auth/tokens", async (c) => {
    const read = await readJson(c);
    if (!read.ok) return read.response;
    const parsed = authBodySchema.safeParse(read.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return keystoneError(
        c,
        400,
        `Invalid input for field '${issue?.path.join(".") ?? "auth"}': ${issue?.message ?? ""}`,
      );
    }
    const who = authenticate(ctx, c, parsed.data.auth.identity);
    if (!who) return keystoneError(c, 401, unauthorized);
    const scope = resolveScope(parsed.data.auth.scope);
    if (!scope) return keystoneError(c, 401, unauthorized);
    const { token, record } = issueToken(ctx, who.user, scope, who.methods);
    c.header("X-Subject-Token", token);
    const withCatalog = c.req.query("nocatalog") !== "true";
    return c.json(tokenBody(record, who.user, origin(c), withCatalog), 201);
  });

  /** The caller's token must be valid for the token-inspection calls. */
  const caller = (c: Context) => verifyToken(ctx, c.req.header("x-auth-token"));

  const inspect = (c: Context) => {
    if (!caller(c)) return keystoneError(c, 401, unauthorized);
    const subject = c.req.header("x-subject-token");
    const valid = verifyToken(ctx, subject);
    if (!subject || !valid) return keystoneError(c, 404, "Could not find token.");
    c.header("X-Subject-Token", subject);
    return c.json(
      tokenBody(valid.record, valid.user, origin(c), c.req.query("nocatalog") !== "true"),
      200,
    );
  };
  // Hono answers HEAD with the GET handler, minus the body: Keystone's HEAD /auth/tokens.
  app.get("/auth/tokens", inspect);

  app.delete("/auth/tokens", (c) => {
    if (!caller(c)) return keystoneError(c, 401, unauthorized);
    const subject = c.req.header("x-subject-token");
    if (!subject || !verifyToken(ctx, subject))
      return keystoneError(c, 404, "Could not find token.");
    revokeToken(ctx, subject);
    return c.body(null, 204);
  });

  const listProjects = (c: Context) => {
    if (!caller(c)) return keystoneError(c, 401, unauthorized);
    const name = c.req.query("name");
    const projects = demoProjects.filter((p) => name === undefined || p.name === name);
    const self = `${origin(c)}${c.req.path}`;
    return c.json({
      projects: projects.map((p) => projectJson(p, origin(c))),
      links: { self, previous: null, next: null },
    });
  };
  app.get("/auth/projects", listProjects);
  app.get("/projects", listProjects);
  app.get("/projects/:id", (c) => {
    if (!caller(c)) return keystoneError(c, 401, unauthorized);
    const project = findProject({ id: c.req.param("id") });
    if (!project) return keystoneError(c, 404, `Could not find project: ${c.req.param("id")}.`);
    return c.json({ project: projectJson(project, origin(c)) });
  });

  return app;
}

import { createHash } from "node:crypto";
import type { Context } from "hono";
import { Hono } from "hono";
import { z } from "zod";
import type { SimContext } from "../context";
import { serviceMounts } from "../endpoints";
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

/** Keystone lists each service once per interface; the simulator serves all three alike. */
const interfaces = ["public", "internal", "admin"] as const;

/**
 * A Keystone-style catalog. Each project service has its own port with the API at its root, as a
 * real cloud gives each its own host (`http://127.0.0.1:4012/v3/{project_id}` for CBR), named with
 * the host the caller used for IAM; before the services listen (tests that only build the app) the
 * old prefixed paths on the base port stand in.
 */
function catalog(ctx: SimContext, iamUrl: URL, project: DemoProject | undefined) {
  const region = project?.region ?? demoProjects[0]?.region ?? "eu-west-0";
  const ports = ctx.ports();
  const entry = (type: string, name: string, url: string) => ({
    id: createHash("sha256").update(`catalog:${type}`).digest("hex").slice(0, 32),
    type,
    name,
    endpoints: interfaces.map((iface) => ({
      id: createHash("sha256")
        .update(`endpoint:${type}:${region}:${iface}`)
        .digest("hex")
        .slice(0, 32),
      url,
      region,
      region_id: region,
      interface: iface,
    })),
  });
  const list = [entry("identity", "iam", `${iamUrl.origin}/iam/v3`)];
  if (project) {
    for (const m of serviceMounts) {
      if (m.key === "csbs" && !project.csbs) continue;
      const root = ports
        ? `${iamUrl.protocol}//${iamUrl.hostname}:${ports[m.key]}`
        : `${iamUrl.origin}${m.mount}`;
      list.push(entry(m.type, m.name, `${root}${m.apiPath(project.id)}`));
    }
  }
  return list;
}

function tokenBody(
  ctx: SimContext,
  record: TokenRecord,
  user: DemoUser,
  iamUrl: URL,
  withCatalog: boolean,
) {
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
        ? { catalog: catalog(ctx, iamUrl, project) }
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
    return c.json(tokenBody(ctx, record, who.user, new URL(c.req.url), withCatalog), 201);
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
      tokenBody(
        ctx,
        valid.record,
        valid.user,
        new URL(c.req.url),
        c.req.query("nocatalog") !== "true",
      ),
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

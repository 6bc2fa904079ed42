import type { RouterRoute } from "hono/types";

type Compiled = { method: string; pattern: string; regex: RegExp };

/**
 * The registered routes as regular expressions: used to tell 405 from 404 and to count requests
 * per route pattern. Hono only exposes its routes as a list, so this compiles them lazily.
 */
export class RouteTable {
  private compiled: Compiled[] | null = null;
  private compiledCount = -1;

  constructor(private readonly source: () => RouterRoute[]) {}

  private table(): Compiled[] {
    const routes = this.source();
    if (!this.compiled || this.compiledCount !== routes.length) {
      this.compiled = routes
        .filter((r) => r.method !== "ALL")
        .map((r) => ({ method: r.method, pattern: r.path, regex: compile(r.path) }));
      this.compiledCount = routes.length;
    }
    return this.compiled;
  }

  /** The pattern of the first route that answers `method path`, or null. */
  match(method: string, path: string): string | null {
    const m = method === "HEAD" ? "GET" : method;
    return this.table().find((r) => r.method === m && r.regex.test(path))?.pattern ?? null;
  }

  allowedMethods(path: string): string[] {
    return [
      ...new Set(
        this.table()
          .filter((r) => r.regex.test(path))
          .map((r) => r.method),
      ),
    ];
  }
}

function compile(pattern: string): RegExp {
  const body = pattern
    .split("/")
    .map((segment) => {
      if (segment === "*") return ".*";
      if (segment.startsWith(":")) {
        // `:name{regex}` carries its own constraint.
        const constraint = segment.match(/^:[^{]+\{(.+)\}\??$/);
        return constraint ? `(?:${constraint[1]})` : "[^/]+";
      }
      return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    })
    .join("/");
  return new RegExp(`^${body}/?$`);
}

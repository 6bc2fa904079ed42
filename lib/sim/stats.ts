/**
 * Request counts per `METHOD /route/pattern`, and of change requests (anything but GET/HEAD), so
 * that tests can assert that a request reached the simulator exactly once, or not at all.
 */
export class RequestStats {
  private since = new Date();
  private total = 0;
  private changes = 0;
  private routes = new Map<string, number>();
  private changeRoutes = new Map<string, number>();

  record(method: string, pattern: string): void {
    const key = `${method} ${pattern}`;
    this.total += 1;
    this.routes.set(key, (this.routes.get(key) ?? 0) + 1);
    if (method !== "GET" && method !== "HEAD") {
      this.changes += 1;
      this.changeRoutes.set(key, (this.changeRoutes.get(key) ?? 0) + 1);
    }
  }

  reset(): void {
    this.since = new Date();
    this.total = 0;
    this.changes = 0;
    this.routes.clear();
    this.changeRoutes.clear();
  }

  snapshot() {
    return {
      since: this.since.toISOString(),
      total: this.total,
      changes: this.changes,
      routes: Object.fromEntries(this.routes),
      changeRoutes: Object.fromEntries(this.changeRoutes),
    };
  }
}

// The CBR v3 HTTP API at /cbr/v3/{project_id}: thin handlers over the CBR domain modules.
import { type Context, Hono } from "hono";
import type { SimContext, SimEnv } from "../context";
import { cbrError, readJson } from "../http";
import { createCheckpoint } from "./checkpoints";
import { uuidPattern } from "./constants";
import { requestCbrDelete } from "./delete";
import { CbrFailure, fail, invalid } from "./errors";
import { catchUpCbr } from "./lifecycle";
import {
  afterMarker,
  backupComparator,
  backupFilter,
  operationLogFilter,
  pageOf,
  paginate,
  queryOf,
  vaultFilter,
} from "./listing";
import type { CbrEnv } from "./operations";
import { registerPolicyRoutes } from "./policies-routes";
import { parseCheckpointRequest, parseRenameRequest, parseRestoreRequest } from "./requests";
import { startRestore } from "./restore";
import type { CbrOperationLog, CbrProject } from "./types";
import { advanceVaultAdmin } from "./vault-admin";
import { registerVaultAdminRoutes } from "./vault-admin-routes";
import {
  backupJson,
  checkpointJson,
  childJson,
  operationLogJson,
  operationProgress,
  vaultJson,
} from "./views";

export type Handler = (c: Context<SimEnv>, project: CbrProject) => Response | Promise<Response>;

/** A path id must look like a UUID; otherwise the cloud answers "Invalid <name> provided.". */
export function pathId(c: Context<SimEnv>, name: string): string {
  const value = c.req.param(name) ?? "";
  if (!uuidPattern.test(value)) invalid(`Invalid ${name} provided.`);
  return value;
}

/** The JSON body; a missing or malformed one is refused like any bad parameter (9900). */
export async function body(c: Context<SimEnv>): Promise<unknown> {
  const read = await readJson(c);
  if (read.ok) return read.body;
  const refusal = (await read.response.json().catch(() => ({}))) as { error_msg?: unknown };
  invalid(typeof refusal.error_msg === "string" ? refusal.error_msg : "Invalid request body.");
}

export function createCbrRoutes(ctx: SimContext): Hono<SimEnv> {
  const app = new Hono<SimEnv>();
  const env = (): CbrEnv => ({ now: ctx.now(), newId: ctx.newId, rand: ctx.rng });

  const handle =
    (handler: Handler) =>
    async (c: Context<SimEnv>): Promise<Response> => {
      const projectId = c.req.param("project_id") ?? "";
      const project = ctx.state.projects[projectId];
      if (!project) {
        return cbrError(c, 404, "BackupService.9900", `Project (${projectId}) not found.`);
      }
      // Bring jobs and policies up to the clock first, so that a read right after a clock jump is
      // exact whatever the ticker's rate.
      const caughtUp = catchUpCbr(project, ctx.now(), ctx.durations, {
        newId: ctx.newId,
        rand: ctx.rng,
      });
      if (advanceVaultAdmin(project, ctx.now()) || caughtUp) ctx.markDirty();
      try {
        return await handler(c, project);
      } catch (error) {
        if (error instanceof CbrFailure)
          return cbrError(c, error.status, error.code, error.message);
        throw error;
      }
    };

  const durationOf = (log: CbrOperationLog) =>
    log.operationType === "restore"
      ? ctx.durations.restoreMs
      : log.operationType === "delete"
        ? ctx.durations.deleteMs
        : ctx.durations.protectMs;
  const progressOf = (log: CbrOperationLog) => operationProgress(log, ctx.now(), durationOf(log));

  // Vault management (vault-admin-routes.ts), first: /vaults/summary before /vaults/:vault_id.
  registerVaultAdminRoutes(app, ctx, handle, body);

  app.get(
    "/vaults",
    handle((c, project) => {
      const query = queryOf(c.req.url);
      const page = pageOf(query);
      const vaults = project.cbr.vaults.filter(
        vaultFilter(query, (policyId) =>
          (project.cbr.policies.find((p) => p.id === policyId)?.associatedVaults ?? []).map(
            (a) => a.vaultId,
          ),
        ),
      );
      return c.json({
        vaults: paginate(vaults, page).map((v) => vaultJson(project.cbr, project.id, v)),
        count: vaults.length,
        limit: page.limit,
        offset: page.offset,
      });
    }),
  );

  app.get(
    "/vaults/:vault_id",
    handle((c, project) => {
      const id = pathId(c, "vault_id");
      const vault = project.cbr.vaults.find((v) => v.id === id);
      if (!vault) fail("vaultNotFound", `Vault (${id}) not found.`);
      return c.json({ vault: vaultJson(project.cbr, project.id, vault) });
    }),
  );

  app.get(
    "/backups",
    handle((c, project) => {
      const query = queryOf(c.req.url);
      const page = pageOf(query);
      const parentId = query.get("parent_id");
      if (parentId) {
        // Disk-level backups are listed only when their parent is asked for.
        if (!uuidPattern.test(parentId)) invalid("Invalid parent_id provided.");
        const parent = project.cbr.backups.find((b) => b.id === parentId);
        const children = parent
          ? parent.children.map((ch) => childJson(project.id, parent, ch))
          : [];
        return c.json({
          backups: paginate(children, page),
          count: children.length,
          limit: page.limit,
          offset: page.offset,
        });
      }
      const filter = backupFilter(query);
      const compare = backupComparator(query);
      const matching = project.cbr.backups.filter(filter).sort(compare);
      const rest = afterMarker(query, matching);
      return c.json({
        backups: paginate(rest, page).map((b) => backupJson(project.id, b)),
        count: matching.length,
        limit: page.limit,
        offset: page.offset,
      });
    }),
  );

  app.get(
    "/backups/:backup_id",
    handle((c, project) => {
      const id = pathId(c, "backup_id");
      const backup = project.cbr.backups.find((b) => b.id === id);
      if (!backup) fail("backupNotFound", `Backup (${id}) not found.`);
      return c.json({ backup: backupJson(project.id, backup) });
    }),
  );

  app.put(
    "/backups/:backup_id",
    handle(async (c, project) => {
      const id = pathId(c, "backup_id");
      const backup = project.cbr.backups.find((b) => b.id === id);
      if (!backup) fail("backupNotFound", `Backup (${id}) not found.`);
      const update = parseRenameRequest(await body(c));
      if (update.name !== undefined) backup.name = update.name;
      if (update.description !== undefined) backup.description = update.description;
      backup.updatedAt = ctx.now().toISOString();
      ctx.markDirty();
      return c.json({ backup: backupJson(project.id, backup) });
    }),
  );

  // DeleteBackup: 204 with no body; the deletion runs on (see delete.ts).
  app.delete(
    "/backups/:backup_id",
    handle((c, project) => {
      const id = pathId(c, "backup_id");
      const backup = project.cbr.backups.find((b) => b.id === id);
      if (!backup) fail("backupNotFound", `Backup (${id}) not found.`);
      requestCbrDelete(project, backup, env());
      ctx.markDirty();
      return c.body(null, 204);
    }),
  );

  app.post(
    "/backups/:backup_id/restore",
    handle(async (c, project) => {
      const id = pathId(c, "backup_id");
      const backup = project.cbr.backups.find((b) => b.id === id);
      if (!backup) fail("backupNotFound", `Backup (${id}) not found.`);
      const request = parseRestoreRequest(await body(c));
      const log = startRestore(project, backup, request, env());
      ctx.markDirty();
      // The reference documents no body; real clouds return the job id that Huawei's Terraform
      // provider follows through GET /operation-logs/{job_id}.
      return c.json({ job_id: log.id }, 202);
    }),
  );

  app.post(
    "/checkpoints",
    handle(async (c, project) => {
      const request = parseCheckpointRequest(await body(c));
      const checkpoint = createCheckpoint(project, request, env());
      ctx.markDirty();
      return c.json({ checkpoint: checkpointJson(project.cbr, project.id, checkpoint) });
    }),
  );

  app.get(
    "/checkpoints/:checkpoint_id",
    handle((c, project) => {
      const id = pathId(c, "checkpoint_id");
      const checkpoint = project.cbr.checkpoints.find((cp) => cp.id === id);
      if (!checkpoint) fail("checkpointNotFound", `Checkpoint (${id}) not found.`);
      return c.json({ checkpoint: checkpointJson(project.cbr, project.id, checkpoint) });
    }),
  );

  app.get(
    "/operation-logs",
    handle((c, project) => {
      const query = queryOf(c.req.url);
      const page = pageOf(query);
      const logs = project.cbr.operationLogs
        .filter(operationLogFilter(query))
        .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
      return c.json({
        operation_logs: paginate(logs, page).map((log) =>
          operationLogJson(project.id, log, progressOf(log)),
        ),
        count: logs.length,
        limit: page.limit,
        offset: page.offset,
      });
    }),
  );

  app.get(
    "/operation-logs/:operation_log_id",
    handle((c, project) => {
      const id = pathId(c, "operation_log_id");
      const log = project.cbr.operationLogs.find((l) => l.id === id);
      if (!log) fail("operationLogNotFound");
      return c.json({ operation_log: operationLogJson(project.id, log, progressOf(log)) });
    }),
  );

  registerPolicyRoutes(app, {
    handle,
    env,
    pathId,
    body,
    markDirty: () => ctx.markDirty(),
  });
  return app;
}

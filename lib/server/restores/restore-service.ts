import "server-only";
import {
  getBackup,
  getOperationLog,
  listOperationLogs,
  type OperationLog,
  restoreBackup,
} from "@/lib/cloud/cbr";
import type { CloudContext } from "@/lib/cloud/context";
import { restore as csbsRestore, getCheckpointItem } from "@/lib/cloud/csbs";
import { getServer, listServerVolumeAttachments } from "@/lib/cloud/ecs";
import { CloudError } from "@/lib/cloud/errors";
import { getVolume } from "@/lib/cloud/evs";
import { cloudErrorMessage } from "@/lib/i18n/cloud-errors";
import type { Locale } from "@/lib/i18n/locales";
import { checkRestore, type RestoreViolationCode } from "@/lib/restore";
import {
  type RestoreBackupView,
  type RestoreService,
  type RestoreStatus,
  type RestoreSubmitBody,
  ruleBackup,
  ruleTarget,
  type TargetResponse,
} from "@/lib/schemas/restore";
import { RouteError } from "@/lib/server/errors";
import type { IdempotencyStore, RestoreRecord } from "@/lib/server/idempotency";
import { cbrBackupView, csbsBackupView, targetVolumeView } from "./restore-views";
import { restoreWords } from "./restore-words";

export async function loadBackup(
  cloud: CloudContext,
  service: RestoreService,
  backupId: string,
  locale: Locale,
): Promise<RestoreBackupView> {
  return service === "cbr"
    ? cbrBackupView(await getBackup(cloud, backupId), locale)
    : csbsBackupView(await getCheckpointItem(cloud, backupId), locale);
}

/** The server with its attached volumes (devices from Nova, sizes and flags from Cinder). */
export async function loadTarget(cloud: CloudContext, serverId: string): Promise<TargetResponse> {
  const [server, attachments] = await Promise.all([
    getServer(cloud, serverId),
    listServerVolumeAttachments(cloud, serverId),
  ]);
  const volumes = await Promise.all(
    attachments.map(async (a) =>
      targetVolumeView(await getVolume(cloud, a.volumeId), serverId, a.device),
    ),
  );
  return {
    server: { id: server.id, name: server.name, status: server.status },
    volumes,
  };
}

/** The rules of lib/restore, on the server too: a refused mapping never reaches the cloud. */
export function checkMapping(
  backup: RestoreBackupView,
  target: TargetResponse,
  mappings: RestoreSubmitBody["mappings"],
): { code: RestoreViolationCode; message: string; field: string } | null {
  const [first] = checkRestore({
    backup: ruleBackup(backup),
    target: ruleTarget(target.server.id, target.volumes),
    mappings,
  });
  if (!first) return null;
  const row = first.backupIds[0];
  return { code: first.code, message: first.message, field: row ? `mappings.${row}` : "mappings" };
}

/** Codes that mean "no answer", not "refused": the restore may or may not have started. */
function isInDoubt(error: unknown): boolean {
  if (!(error instanceof CloudError)) return true;
  if (error.code.includes(".")) return false;
  return error.status === 0 || error.status >= 500;
}

/** A cloud refusal, sent to the mapping row it concerns when the cloud's message names one. */
export function refusal(
  error: CloudError,
  locale: Locale,
  backup: RestoreBackupView,
  mappings: RestoreSubmitBody["mappings"],
): RouteError {
  const named = mappings.find(
    (m) => error.message.includes(m.backupId) || error.message.includes(m.volumeId),
  );
  const disk = named ? backup.disks.find((d) => d.id === named.backupId) : undefined;
  return RouteError.fromCloud(error, locale, {
    field: disk ? `mappings.${disk.id}` : "mappings",
  });
}

export type SubmitDeps = {
  cloud: CloudContext;
  store: IdempotencyStore;
  owner: string;
  locale: Locale;
  now: () => number;
};

/** Sends the restore once the key is ours; records the cloud's answer or its silence. */
export async function sendRestore(
  deps: SubmitDeps,
  record: RestoreRecord,
  body: RestoreSubmitBody,
  backup: RestoreBackupView,
): Promise<void> {
  const { cloud, store, owner } = deps;
  const volumes = body.mappings.map((m) => ({ backup_id: m.backupId, volume_id: m.volumeId }));
  const baseline =
    body.service === "csbs"
      ? (backup.updatedAt ?? "")
      : ((await restoreLogs(cloud, backup.id))[0]?.created_at ?? "");
  await store.update(owner, record.key, { baseline }, deps.now());
  try {
    if (body.service === "csbs") {
      const restore = await csbsRestore(cloud, {
        checkpoint_id: backup.checkpointId ?? "",
        checkpoint_item_id: backup.id,
        power_on: body.powerOn,
        server_id: body.serverId,
        volumes,
      });
      await store.update(
        owner,
        record.key,
        { state: "accepted", restoreId: restore.id },
        deps.now(),
      );
    } else {
      const answer = await restoreBackup(cloud, backup.id, {
        server_id: body.serverId,
        power_on: body.powerOn,
        mappings: volumes,
      });
      await store.update(
        owner,
        record.key,
        { state: "accepted", jobId: answer.job_id },
        deps.now(),
      );
    }
  } catch (error) {
    if (error instanceof CloudError && error.status === 401) {
      await store.release(owner, record.key);
      throw error;
    }
    if (isInDoubt(error)) {
      await store.update(owner, record.key, { state: "in_doubt" }, deps.now());
      return;
    }
    await store.release(owner, record.key);
    throw error instanceof CloudError ? refusal(error, deps.locale, backup, body.mappings) : error;
  }
}

const RUNNING_BACKUP = new Set(["restoring", "waiting_restore"]);
/**
 * How long a restore may stay in doubt: longer than any cloud call may take. After it, a backup the
 * cloud never touched means the request never arrived; the key is given back.
 */
export const IN_DOUBT_WINDOW_MS = 120_000;
function base(record: RestoreRecord): RestoreStatus {
  return {
    key: record.key,
    service: record.service,
    backupId: record.backupId,
    serverId: record.serverId,
    state: "running",
    ...(record.restoreId ? { restoreId: record.restoreId } : {}),
    ...(record.jobId ? { jobId: record.jobId } : {}),
  };
}

/**
 * Where the restore of this record is, read from the cloud: the backup's state (CSBS) or the
 * restore job (CBR), and the target server's. A record in doubt is adopted as soon as the cloud
 * shows the restore; a record seen to its end is marked finished (it no longer holds the backup).
 */
export async function restoreStatus(
  deps: SubmitDeps,
  record: RestoreRecord,
): Promise<RestoreStatus> {
  const { cloud, store, owner, locale } = deps;
  const status = base(record);
  if (record.state === "finished") {
    const failed = record.outcome?.startsWith("failed");
    return {
      ...status,
      state: failed ? "failed" : "succeeded",
      ...(failed ? { reason: record.outcome?.slice("failed: ".length) } : {}),
    };
  }
  const server = await getServer(cloud, record.serverId).catch(() => null);
  if (server) status.serverStatus = server.status;

  let outcome: { state: RestoreStatus["state"]; reason?: string; progress?: number };
  if (record.service === "csbs") {
    const item = await getCheckpointItem(cloud, record.backupId);
    status.backupStatus = item.status;
    const info = item.extend_info;
    const changed = record.baseline !== undefined && (item.updated_at ?? "") !== record.baseline;
    const started =
      record.state === "accepted" ||
      RUNNING_BACKUP.has(item.status) ||
      (record.state === "in_doubt" && changed);
    if (!started) {
      outcome = { state: record.state === "in_doubt" ? "in_doubt" : "submitting" };
    } else if (RUNNING_BACKUP.has(item.status)) {
      // CSBS progress describes the backup's creation, not the restore: no percentage here.
      outcome = { state: "running" };
    } else if (item.status === "error" || info.fail_op === "restore") {
      outcome = {
        state: "failed",
        reason:
          info.fail_reason ??
          info.fail_code?.Description ??
          cloudErrorMessage("CSBS.9999", locale) ??
          "failed",
      };
    } else {
      outcome = { state: "succeeded" };
    }
  } else {
    const log = await cbrLog(cloud, record);
    const backup = await getBackup(cloud, record.backupId).catch(() => null);
    if (backup) status.backupStatus = backup.status;
    if (log && !record.jobId) {
      status.jobId = log.id;
      await store.update(owner, record.key, { jobId: log.id }, deps.now());
    }
    if (!log) {
      outcome =
        record.state === "accepted" && backup && RUNNING_BACKUP.has(backup.status)
          ? { state: "running" }
          : record.state === "accepted" && backup?.status === "available"
            ? { state: "succeeded" }
            : { state: record.state === "in_doubt" ? "in_doubt" : "submitting" };
    } else if (log.status === "success") {
      outcome = { state: "succeeded" };
    } else if (log.status === "failed" || log.status === "timeout") {
      const code = log.error_info?.code;
      outcome = {
        state: "failed",
        reason:
          (code ? cloudErrorMessage(code, locale) : undefined) ??
          log.error_info?.message ??
          log.status,
      };
    } else {
      const progress = log.extra_info?.common?.progress;
      outcome = { state: "running", ...(progress !== undefined ? { progress } : {}) };
    }
  }

  if (outcome.state === "in_doubt" && deps.now() - record.updatedAt > IN_DOUBT_WINDOW_MS) {
    await store.release(owner, record.key);
    return {
      ...status,
      state: "failed",
      reason: restoreWords(locale, "restore.error.notStarted") ?? "not started",
    };
  }
  Object.assign(status, outcome);
  if (outcome.state === "running" && record.state === "in_doubt") {
    await store.update(owner, record.key, { state: "accepted" }, deps.now());
  }
  if (outcome.state === "succeeded" || outcome.state === "failed") {
    await store.update(
      owner,
      record.key,
      {
        state: "finished",
        outcome: outcome.state === "failed" ? `failed: ${outcome.reason ?? ""}` : "succeeded",
      },
      deps.now(),
    );
  }
  return status;
}

/** The restore jobs of a backup, newest first (CBR lists operation logs newest first). */
async function restoreLogs(cloud: CloudContext, backupId: string): Promise<OperationLog[]> {
  const page = await listOperationLogs(cloud, { operation_type: "restore", limit: 50 }).catch(
    () => null,
  );
  return (page?.items ?? []).filter((log) => log.extra_info?.restore?.backup_id === backupId);
}

/** The CBR restore job of a record: by its id, or the first restore job newer than the baseline. */
async function cbrLog(cloud: CloudContext, record: RestoreRecord): Promise<OperationLog | null> {
  if (record.jobId) return getOperationLog(cloud, record.jobId).catch(() => null);
  if (record.state === "submitting" || record.baseline === undefined) return null;
  const baseline = record.baseline;
  const logs = await restoreLogs(cloud, record.backupId);
  return logs.find((log) => (log.created_at ?? "") > baseline) ?? null;
}

import "server-only";
import type { CloudContext } from "@/lib/cloud/context";
import type { Locale } from "@/lib/i18n/locales";
import { type RestoreStatus, type RestoreSubmitBody, ruleBackup } from "@/lib/schemas/restore";
import { RouteError } from "@/lib/server/errors";
import {
  IDEMPOTENCY_TTL_MS,
  type IdempotencyStore,
  type RestoreRecord,
  restoreFingerprint,
} from "@/lib/server/idempotency";
import type { ActiveSession } from "@/lib/server/with-route";
import { ownerOf, restoreStore } from "./restore-requests";
import {
  checkMapping,
  loadBackup,
  loadTarget,
  restoreStatus,
  type SubmitDeps,
  sendRestore,
} from "./restore-service";
import { restoreWords } from "./restore-words";

const RUNNING = new Set(["restoring", "waiting_restore"]);

/**
 * Starts a restore once per wizard key. A repeated key gives the first request's state (nothing is
 * sent again); a key reused for another mapping is refused (422); a backup already being restored
 * is refused (409). `created` is false when the answer is an earlier request's.
 */
export async function startRestore(input: {
  cloud: CloudContext;
  session: ActiveSession;
  body: RestoreSubmitBody;
  locale: Locale;
}): Promise<{ status: RestoreStatus; created: boolean }> {
  const { cloud, session, body, locale } = input;
  const store = restoreStore();
  const owner = ownerOf(session);
  const deps: SubmitDeps = { cloud, store, owner, locale, now: Date.now };
  await store.purgeOlderThan(Date.now() - IDEMPOTENCY_TTL_MS);
  const fresh = {
    owner,
    key: body.key.toLowerCase(),
    fingerprint: restoreFingerprint(body),
    service: body.service,
    backupId: body.backupId,
    serverId: body.serverId,
  };

  // Twice at most: a holder found finished gives the backup back once.
  for (let attempt = 0; attempt < 2; attempt++) {
    const begun = await store.begin(fresh, Date.now());
    if (begun.kind === "existing") {
      return { status: await restoreStatus(deps, begun.record), created: false };
    }
    if (begun.kind === "mismatch") {
      throw RouteError.of("IDEMPOTENCY_MISMATCH", {
        message: restoreWords(locale, "restore.error.mismatch"),
      });
    }
    if (begun.kind === "busy") {
      // Another user's record is read, never written: its owner follows it to its end.
      const holder = await restoreStatus(
        {
          ...deps,
          owner: begun.record.owner,
          store: begun.record.owner === owner ? store : readOnly(store),
        },
        begun.record,
      ).catch(() => null);
      if (holder && (holder.state === "succeeded" || holder.state === "failed")) continue;
      throw running(locale);
    }

    const record = begun.record;
    try {
      await checkAndSend(deps, record, body);
    } catch (error) {
      // Nothing was started (sendRestore keeps the key itself when the answer is in doubt).
      const kept = await store.get(owner, record.key);
      if (kept?.state === "submitting") await store.release(owner, record.key);
      throw error;
    }
    const sent = await store.get(owner, record.key);
    if (!sent) throw RouteError.of("INTERNAL");
    return { status: await restoreStatus(deps, sent), created: true };
  }
  throw running(locale);
}

/** The store as a reader: what the status check would record of another owner's restore is dropped. */
function readOnly(store: IdempotencyStore): IdempotencyStore {
  return {
    begin: (record, now) => store.begin(record, now),
    get: (owner, key) => store.get(owner, key),
    purgeOlderThan: (before) => store.purgeOlderThan(before),
    update: async () => {},
    release: async () => {},
  };
}

/** The rules checked once more on the server, then the one restore call. */
async function checkAndSend(deps: SubmitDeps, record: RestoreRecord, body: RestoreSubmitBody) {
  const { cloud, locale } = deps;
  const [backup, target] = await Promise.all([
    loadBackup(cloud, body.service, body.backupId, locale),
    loadTarget(cloud, body.serverId),
  ]);
  if (RUNNING.has(backup.status)) throw running(locale);
  if (backup.refusal) {
    throw RouteError.rule(backup.refusal.code, 409, {
      field: "backup",
      message:
        restoreWords(locale, backup.refusal.code, { status: backup.status }) ??
        backup.refusal.message,
    });
  }
  const broken = checkMapping(backup, target, body.mappings);
  if (broken) {
    const row = broken.field.split(".")[1];
    const disk = ruleBackup(backup).disks.find((d) => d.id === row);
    const volume = target.volumes.find(
      (v) => v.id === body.mappings.find((m) => m.backupId === row)?.volumeId,
    );
    throw RouteError.rule(broken.code, 400, {
      field: broken.field,
      message:
        restoreWords(locale, broken.code, {
          source: disk?.sizeGb ?? "?",
          target: volume?.sizeGb ?? "?",
        }) ?? broken.message,
    });
  }
  await sendRestore(deps, record, body, backup);
}

function running(locale: Locale) {
  return RouteError.of("RESTORE_RUNNING", {
    field: "backup",
    message: restoreWords(locale, "RESTORE_RUNNING"),
  });
}

// POST /api/restores: start a restore, once per wizard key. A repeated key answers the first
// request's state (nothing is sent again); a key reused for another mapping gets 422; a backup
// already being restored gets 409.
import { type RestoreStatus, restoreSubmitBodySchema, ruleBackup } from "@/lib/schemas/restore";
import { IDEMPOTENCY_TTL_MS, restoreFingerprint } from "@/lib/server/idempotency";
import { ownerOf, restoreStore } from "@/lib/server/restores/restore-requests";
import {
  checkMapping,
  loadBackup,
  loadTarget,
  restoreStatus,
  type SubmitDeps,
  sendRestore,
} from "@/lib/server/restores/restore-service";
import { restoreWords } from "@/lib/server/restores/restore-words";
import { RouteError } from "@/lib/server/route-error";
import { withRoute } from "@/lib/server/with-route";

const RUNNING = new Set(["restoring", "waiting_restore"]);

export const POST = withRoute(
  { body: restoreSubmitBodySchema },
  async ({ cloud, session, body, locale }) => {
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
        return answer(await restoreStatus(deps, begun.record));
      }
      if (begun.kind === "mismatch") {
        throw new RouteError({
          code: "IDEMPOTENCY_MISMATCH",
          status: 422,
          message: restoreWords(locale, "restore.error.mismatch"),
        });
      }
      if (begun.kind === "busy") {
        const holder = await restoreStatus(
          { ...deps, owner: begun.record.owner },
          begun.record,
        ).catch(() => null);
        if (holder && (holder.state === "succeeded" || holder.state === "failed")) continue;
        throw running(locale);
      }

      const record = begun.record;
      try {
        const [backup, target] = await Promise.all([
          loadBackup(cloud, body.service, body.backupId, locale),
          loadTarget(cloud, body.serverId),
        ]);
        if (RUNNING.has(backup.status)) throw running(locale);
        if (backup.refusal) {
          throw new RouteError({
            code: backup.refusal.code,
            status: 409,
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
          throw new RouteError({
            code: broken.code,
            status: 400,
            field: broken.field,
            message:
              restoreWords(locale, broken.code, {
                source: disk?.sizeGb ?? "?",
                target: volume?.sizeGb ?? "?",
              }) ?? broken.message,
          });
        }
        await sendRestore(deps, record, body, backup);
      } catch (error) {
        // Nothing was started (sendRestore keeps the key itself when the answer is in doubt).
        const kept = await store.get(owner, record.key);
        if (kept?.state === "submitting") await store.release(owner, record.key);
        throw error;
      }
      const sent = await store.get(owner, record.key);
      if (!sent) throw new RouteError({ code: "INTERNAL" });
      return answer(await restoreStatus(deps, sent), 201);
    }
    throw running(locale);
  },
);

function running(locale: "en" | "zh") {
  return new RouteError({
    code: "RESTORE_RUNNING",
    status: 409,
    field: "backup",
    message: restoreWords(locale, "RESTORE_RUNNING"),
  });
}

/** 202 while the cloud's answer is unknown: the client follows the state, it does not resend. */
function answer(status: RestoreStatus, created = 200): Response {
  const code = status.state === "in_doubt" || status.state === "submitting" ? 202 : created;
  return Response.json(status, { status: code });
}

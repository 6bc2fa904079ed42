import "server-only";
import * as cbr from "@/lib/cloud/cbr";
import type { CloudContext } from "@/lib/cloud/context";
import * as csbs from "@/lib/cloud/csbs";
import { CloudError } from "@/lib/cloud/errors";
import { cloudErrorMessage } from "@/lib/i18n/cloud-errors";
import type { Locale } from "@/lib/i18n/locales";
import { createTranslator } from "@/lib/i18n/translate";
import {
  type BackupNowTarget,
  backupNowConflicts,
  backupNowTarget,
  cbrNameMax,
  type VaultRef,
} from "@/lib/schemas/back-up-now";
import { type BackupNowBody, type BackupNowResult, backupNameFor } from "@/lib/schemas/backups";
import { mapCloudError, RouteError } from "@/lib/server/errors";
import { toCheckpointView } from "@/lib/server/vaults/vault-service";

const SERVER_TYPE = "OS::Nova::Server";

type Member = { vault: VaultRef; name: string };

/** Each server of a CBR server vault → that vault, read now (not from the page the user saw). */
async function vaultMembers(cloud: CloudContext): Promise<Map<string, Member>> {
  const vaults = await cbr.listVaults(cloud, { limit: 1000 });
  const out = new Map<string, Member>();
  for (const vault of vaults.items) {
    for (const r of vault.resources) {
      if (r.type !== SERVER_TYPE || out.has(r.id)) continue;
      out.set(r.id, {
        vault: { id: vault.id, name: vault.name ?? vault.id },
        name: r.name ?? r.id,
      });
    }
  }
  return out;
}

/**
 * "Back up now" for one or several servers: a server in a CBR vault gets a CBR backup of that vault
 * limited to it, any other a CSBS backup where the region offers CSBS; one answer per server saying
 * which service took it. What CBR cannot take (tags, left-out disks, long names) is refused before
 * anything is sent. Never retried: a second identical request makes second backups.
 *
 * One request per server, also for several servers of one vault: each backup keeps its own name
 * (the `-0001` suffixes), a server CBR skips or refuses does not hide the others' answers, and each
 * answer is the cloud's word about that one server.
 */
export async function backUpNow(
  cloud: CloudContext,
  body: BackupNowBody,
  locale: Locale,
): Promise<{ results: BackupNowResult[] }> {
  const t = createTranslator(locale);
  const members = await vaultMembers(cloud);
  const offered = csbs.csbsOffered(cloud);
  const targets = new Map<string, BackupNowTarget>(
    body.servers.map((s) => [s.id, backupNowTarget(members.get(s.id)?.vault ?? null, offered)]),
  );
  const [conflict] = backupNowConflicts(body, (id) => targets.get(id)?.service === "cbr");
  if (conflict) {
    const words = {
      cbrName: t("servers.backupNow.cbrName", { max: cbrNameMax(body.servers.length) }),
      cbrTags: t("servers.backupNow.cbrTags"),
      cbrExclude: t("servers.backupNow.cbrExclude"),
    };
    throw RouteError.of("VALIDATION", { field: conflict.field, message: words[conflict.reason] });
  }

  const results: BackupNowResult[] = [];
  const count = body.servers.length;
  for (const [index, server] of body.servers.entries()) {
    const name = backupNameFor(body.name, index, count);
    const target = targets.get(server.id) ?? { service: null };
    if (target.service === null) {
      results.push({
        serverId: server.id,
        name,
        ok: false,
        error: { code: "NO_ENDPOINT", message: t("servers.backupNow.noService") },
      });
      continue;
    }
    try {
      if (target.service === "cbr") {
        const member = members.get(server.id);
        results.push(
          await backUpInVault(cloud, locale, {
            serverId: server.id,
            serverName: member?.name ?? server.id,
            vault: target.vault,
            name,
            description: body.description,
            incremental: !body.full,
          }),
        );
      } else {
        const checkpoint = await csbs.createCheckpoint(cloud, {
          resourceId: server.id,
          backup_name: name,
          ...(body.description ? { description: body.description } : {}),
          incremental: !body.full,
          exclude_volumes: server.excludeVolumes,
          tags: body.tags,
        });
        const item = await csbs
          .listCheckpointItems(cloud, { checkpoint_id: checkpoint.id, limit: 1 })
          .then((page) => page.items[0])
          .catch(() => undefined);
        results.push({
          serverId: server.id,
          name,
          ok: true,
          service: "csbs",
          checkpointId: checkpoint.id,
          ...(item ? { backupId: item.id } : {}),
        });
      }
    } catch (error) {
      if (!(error instanceof CloudError) || error.status === 401) throw error;
      const mapped = mapCloudError(error, locale);
      results.push({
        serverId: server.id,
        name,
        ok: false,
        service: target.service,
        ...(target.service === "cbr" ? { vault: target.vault } : {}),
        error: { code: mapped.code, message: mapped.message },
      });
    }
  }
  return { results };
}

type VaultBackupInput = {
  serverId: string;
  serverName: string;
  vault: VaultRef;
  name: string;
  description: string;
  incremental: boolean;
};

/** A CBR checkpoint of the server's vault limited to the server, as a vault backup of a subset. */
async function backUpInVault(
  cloud: CloudContext,
  locale: Locale,
  input: VaultBackupInput,
): Promise<BackupNowResult> {
  const checkpoint = toCheckpointView(
    await cbr.createCheckpoint(cloud, {
      vault_id: input.vault.id,
      parameters: {
        name: input.name,
        ...(input.description ? { description: input.description } : {}),
        incremental: input.incremental,
        auto_trigger: false,
        resources: [input.serverId],
        resource_details: [{ id: input.serverId, type: SERVER_TYPE, name: input.serverName }],
      },
    }),
  );
  const base = {
    serverId: input.serverId,
    name: input.name,
    service: "cbr" as const,
    vault: input.vault,
    checkpointId: checkpoint.id,
  };
  // The cloud may accept the checkpoint and still skip the one resource it was asked for.
  const skipped = checkpoint.skipped.find((s) => s.id === input.serverId);
  if (skipped) {
    return {
      ...base,
      ok: false,
      error: {
        code: skipped.code,
        message:
          cloudErrorMessage(skipped.code, locale) ??
          createTranslator(locale)("servers.backupNow.result.failed"),
      },
    };
  }
  // The checkpoint's answer names no backup: the new one is listed under the checkpoint at once.
  const backup = await cbr
    .listBackups(cloud, { checkpoint_id: checkpoint.id, resource_id: input.serverId, limit: 1 })
    .then((page) => page.items[0])
    .catch(() => undefined);
  return { ...base, ok: true, ...(backup ? { backupId: backup.id } : {}) };
}

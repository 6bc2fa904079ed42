// GET /api/servers/protectable: the project's servers as the policy editor offers them: which
// policy holds each one, and whether CSBS can back it up (and why not), plus the backups quota.
import { checkProtectable, getQuotas, listPolicies } from "@/lib/cloud/csbs";
import { listAllServers } from "@/lib/cloud/ecs";
import { cloudErrorMessage } from "@/lib/i18n/cloud-errors";
import type { CandidateServer, CandidateServersResponse } from "@/lib/schemas/policy";
import { SERVER_TYPE } from "@/lib/server/policies/policy-service";
import { withRoute } from "@/lib/server/with-route";

/** check_protectable says no for a member of another policy: that one the editor can move. */
const MEMBER_CODES = new Set(["CSBS.6004"]);

export const GET = withRoute({}, async ({ cloud, locale }): Promise<CandidateServersResponse> => {
  const servers = await listAllServers(cloud);
  const [policies, checks, quotas] = await Promise.all([
    listPolicies(cloud, { limit: 1000 }),
    servers.length > 0
      ? checkProtectable(
          cloud,
          servers.map((s) => ({ resource_id: s.id, resource_type: SERVER_TYPE })),
        )
      : Promise.resolve([]),
    getQuotas(cloud).catch(() => []),
  ]);
  const owner = new Map<string, { id: string; name: string }>();
  for (const p of policies) {
    for (const r of p.resources) owner.set(r.id, { id: p.id, name: p.name });
  }
  const verdict = new Map(checks.map((c) => [c.resource_id, c]));
  const list: CandidateServer[] = servers.map((s) => {
    const check = verdict.get(s.id);
    const code = check?.error_code;
    const ok = check?.result === true || (code !== undefined && MEMBER_CODES.has(code));
    return {
      id: s.id,
      name: s.name ?? s.id,
      ...(s.status ? { status: s.status } : {}),
      policy: owner.get(s.id) ?? null,
      protectable: ok,
      ...(!ok && code
        ? { reasonCode: code, reason: cloudErrorMessage(code, locale) ?? check?.error_msg ?? code }
        : {}),
    };
  });
  list.sort((a, b) => a.name.localeCompare(b.name));
  const backups = quotas.find((q) => q.type === "backups");
  return {
    servers: list,
    backupsQuota: backups ? { quota: backups.quota, used: backups.used } : null,
  };
});

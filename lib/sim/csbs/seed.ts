import { uuidFromRng } from "../ids";
import { intBetween, pick } from "../rng";
import type { ProjectState } from "../state";
import { emptyCsbsState } from "./empty";
import { completeSizes, nameSuffix, newItem } from "./items";
import { MAX_RUNNING_DELETES } from "./lifecycle";
import { checkProtectable, type ProtectableServer } from "./protectable";
import type { CsbsItem, CsbsPolicy, CsbsState, CsbsStatus } from "./types";

const DAY = 86_400_000;

const pattern = (rrule: string) =>
  `BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nRRULE:${rrule}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n`;

/** The seeded policies: different schedules, retention rules and enabled states. */
const POLICY_SPECS = [
  {
    name: "daily-0200",
    description: "Every night at 02:00 UTC, last 7 kept",
    rrule: "FREQ=DAILY;BYHOUR=2;BYMINUTE=0",
    enabled: true,
    maxBackups: 7,
    days: null,
    permanent: null,
    members: 3,
  },
  {
    name: "weekly-sunday",
    description: "Sundays 23:30 UTC, kept 30 days",
    rrule: "FREQ=WEEKLY;BYDAY=SU;BYHOUR=23;BYMINUTE=30",
    enabled: true,
    maxBackups: -1,
    days: 30,
    permanent: false,
    members: 2,
  },
  {
    name: "every-6-hours",
    description: "Four times a day",
    rrule: "FREQ=DAILY;BYHOUR=0,6,12,18;BYMINUTE=15",
    enabled: true,
    maxBackups: 20,
    days: null,
    permanent: null,
    members: 2,
  },
  {
    name: "workdays-evening",
    description: "Monday to Friday at 20:00 UTC, kept forever (paused)",
    rrule: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=20;BYMINUTE=0",
    enabled: false,
    maxBackups: null,
    days: null,
    permanent: true,
    members: 1,
  },
  {
    name: "数据库-weekly",
    description: "",
    rrule: "FREQ=WEEKLY;BYDAY=WE;BYHOUR=3;BYMINUTE=45",
    enabled: true,
    maxBackups: null,
    days: null,
    permanent: null,
    members: 0,
  },
] as const;

const FAILURES = [
  {
    code: "10051",
    reason: "Failed to create the snapshot of the volume: the storage pool is busy.",
  },
  { code: "10072", reason: "The backup task timed out while uploading data to the repository." },
  { code: "10009", reason: "The server was deleted or changed while it was being backed up." },
];

/**
 * The demo data of one project (design.md "Seeded data"): a handful of policies with members among
 * the protectable servers, and backups over the last 30 days across every status, each with one
 * volume backup per disk. A large project (hundreds of servers) gets about 10,000 backups.
 * Deterministic: ids and choices come from `rand` only.
 */
export function seedCsbs(project: ProjectState, rand: () => number, now: Date): CsbsState {
  const csbs = emptyCsbsState();
  // Schedules run from the moment the data exists (not from the first tick, which may come late).
  csbs.scheduledUpTo = now.toISOString();
  const large = project.servers.length >= 100;
  const newId = () => uuidFromRng(rand);
  const protectable: ProtectableServer[] = [];
  for (const s of project.servers) {
    const t = checkProtectable(project, s.id);
    if (!("code" in t)) protectable.push(t);
  }

  // Members: disjoint slices of the protectable servers (all of them at the large scale).
  let next = 0;
  const memberCount = (spec: (typeof POLICY_SPECS)[number], i: number) =>
    large && spec.members > 0
      ? Math.floor(protectable.length / 4) + (i < protectable.length % 4 ? 1 : 0)
      : spec.members;
  POLICY_SPECS.forEach((spec, i) => {
    const members = protectable.slice(next, next + memberCount(spec, i));
    next += members.length;
    const createdAt = new Date(now.getTime() - (40 - i) * DAY).toISOString();
    const policy: CsbsPolicy = {
      id: newId(),
      name: spec.name,
      description: spec.description,
      createdAt,
      parameters: { common: {} },
      resources: members.map((m) => ({
        id: m.server.id,
        type: "OS::Nova::Server",
        name: m.server.name,
        extra_info: {},
      })),
      tags: i === 0 ? [{ key: "team", value: "ops" }] : [],
      operation: {
        id: newId(),
        name: `${spec.name}-schedule`.replace(/[^A-Za-z0-9_\-\p{Script=Han}]/gu, "-"),
        description: spec.description,
        enabled: spec.enabled,
        maxBackups: spec.maxBackups,
        retentionDurationDays: spec.days,
        permanent: spec.permanent,
        triggerId: newId(),
        triggerName: "default",
        pattern: pattern(spec.rrule),
        triggerStartAt: createdAt,
      },
    };
    csbs.policies.push(policy);
  });
  if (protectable.length === 0) return { ...csbs, quotas: { ...csbs.quotas } };

  const policyOf = new Map<string, CsbsPolicy>();
  for (const p of csbs.policies) for (const r of p.resources) policyOf.set(r.id, p);

  const total = large ? 10_000 : 300;
  // Creation times first, oldest first, so that incrementals follow a full backup of the server.
  const times = Array.from({ length: total }, () => now.getTime() - 30 * DAY * rand() - 60_000);
  times.sort((a, b) => a - b);
  const backedUp = new Set<string>();
  const items: CsbsItem[] = [];
  for (const t of times) {
    const target = pick(rand, protectable);
    const policy = policyOf.get(target.server.id);
    const auto = policy !== undefined && rand() < 0.75;
    const createdAt = new Date(t);
    const full = !backedUp.has(target.server.id) || rand() < 0.1;
    backedUp.add(target.server.id);
    const suffix = nameSuffix(rand);
    const name = auto
      ? `autobk_${suffix}`
      : rand() < 0.3
        ? pick(rand, ["before-upgrade", "db_snapshot", "pre-patch", "release-2026"])
        : `manualbk_${suffix}`;
    const item = newItem(project, target, {
      id: newId(),
      checkpointId: newId(),
      name,
      description: auto ? "" : rand() < 0.3 ? "Taken by hand before a change" : "",
      policyId: auto || (policy && rand() < 0.2) ? (policy?.id ?? null) : null,
      autoTrigger: auto,
      incremental: !full,
      tags: !auto && rand() < 0.15 ? [{ key: "env", value: pick(rand, ["prod", "test"]) }] : [],
      createdAt,
      newId,
      rand,
    });
    // Servers with several data disks got their last one three weeks ago: older backups lack it
    // (volume backups are the disks of the server at the time).
    if (t < now.getTime() - 21 * DAY && item.volumeBackups.length >= 3) item.volumeBackups.pop();
    finishSeeded(item, createdAt, rand);
    items.push(item);
  }

  assignStatuses(items, now, rand);
  for (const item of items) {
    if (item.status !== "restoring" && item.status !== "waiting_restore") continue;
    // A restore in flight goes back onto the server it came from, disk for disk.
    const restoreId = newId();
    const at = now.toISOString();
    csbs.restores.push({
      id: restoreId,
      checkpointId: item.checkpointId,
      checkpointItemId: item.id,
      serverId: item.resourceId,
      powerOn: true,
      volumes: item.volumeBackups.map((v) => ({ backup_id: v.id, volume_id: v.sourceVolumeId })),
      status: "in_progress",
      createdAt: at,
    });
    item.task = {
      kind: "restore",
      startedAt: item.status === "restoring" ? at : null,
      requestedAt: at,
      restoreId,
    };
  }
  items.sort((a, b) =>
    a.createdAt !== b.createdAt ? (a.createdAt < b.createdAt ? -1 : 1) : a.id < b.id ? -1 : 1,
  );
  csbs.items = items;
  csbs.quotas = {
    backups: Math.max(1000, Math.ceil(total * 1.5)),
    backupCapacityGb: -1,
    policies: 50,
  };
  return csbs;
}

/** Most seeded backups are finished: available, with sizes and a finish time. */
function finishSeeded(item: CsbsItem, createdAt: Date, rand: () => number) {
  const finished = new Date(createdAt.getTime() + intBetween(rand, 2, 25) * 60_000).toISOString();
  item.status = "available";
  item.progress = 100;
  item.finishedAt = finished;
  item.updatedAt = finished;
  item.task = null;
  completeSizes(item, rand);
}

/**
 * Every status appears: ~5 % failed (with a reason), and the newest few are caught mid-way
 * (protecting, waiting, restoring, deleting…) with tasks that the ticker carries on from now.
 */
function assignStatuses(items: CsbsItem[], now: Date, rand: () => number) {
  const at = now.toISOString();
  for (const item of items) {
    if (rand() >= 0.05) continue;
    const failure = pick(rand, FAILURES);
    item.status = "error";
    item.progress = intBetween(rand, 0, 90);
    item.sizeMb = 0;
    item.finishedAt = null;
    item.failOp = "backup";
    item.failReason = failure.reason;
    item.failCode = { Code: failure.code, Description: failure.reason };
  }
  const newest = items.slice(-40).filter((i) => i.status === "available");
  const set = (status: CsbsStatus, count: number, task: CsbsItem["task"] | "keep") => {
    for (let n = 0; n < count; n++) {
      const item = newest.pop();
      if (!item) return;
      item.status = status;
      item.updatedAt = at;
      if (task !== "keep") item.task = task;
      if (status === "protecting" || status === "waiting_protect") {
        // Caught while running: started minutes ago, nothing written yet.
        item.createdAt = new Date(now.getTime() - intBetween(rand, 1, 5) * 60_000).toISOString();
        item.progress = status === "protecting" ? intBetween(rand, 5, 60) : 0;
        item.finishedAt = null;
        item.sizeMb = 0;
        item.averageSpeed = 0;
        for (const v of item.volumeBackups) {
          v.sizeMb = 0;
          v.averageSpeed = 0;
        }
      }
    }
  };
  set("protecting", 2, { kind: "protect", startedAt: at, requestedAt: at });
  set("waiting_protect", 1, { kind: "protect", startedAt: null, requestedAt: at });
  set("waiting_restore", 1, null);
  set("restoring", 1, null);
  set("deleting", Math.min(2, MAX_RUNNING_DELETES), {
    kind: "delete",
    startedAt: at,
    requestedAt: at,
  });
  set("waiting_delete", 1, { kind: "delete", startedAt: null, requestedAt: at });
  set("deleted", 2, "keep");
}

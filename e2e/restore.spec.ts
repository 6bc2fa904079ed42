import type { APIRequestContext, Page } from "@playwright/test";
import { defaultMapping } from "@/lib/restore";
import {
  type RestoreContextResponse,
  ruleBackup,
  ruleTarget,
  type TargetResponse,
} from "@/lib/schemas/restore";
import { CLOUD_TIMEOUT_MS, demo, expect, SIM_URL, startSignedIn, test } from "./fixtures";

// The worker's simulator (e2e/fixtures.ts); its control API answers on loopback only. These specs
// restore backups of the second project (cn-north-4), which no other spec changes.
const SIM = SIM_URL;
const PROJECT = demo.projects[1];
const CSBS_RESTORES = "POST /csbs/v1/:project_id/restores";
const CBR_RESTORES = "POST /cbr/v3/:project_id/backups/:backup_id/restore";

type App = (path: string) => string;
type Item = {
  id: string;
  status: string;
  resource_id: string;
  extend_info: { resource_name: string; volume_backups: unknown[] };
};

async function simToken(request: APIRequestContext) {
  const res = await request.post(`${SIM}/iam/v3/auth/tokens`, {
    data: {
      auth: {
        identity: {
          methods: ["password"],
          password: { user: { name: "admin", password: "Demo@2026", domain: { name: "demo" } } },
        },
        scope: { project: { name: PROJECT, domain: { name: "demo" } } },
      },
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  const body = (await res.json()) as { token: { project: { id: string } } };
  return { token: res.headers()["x-subject-token"] ?? "", projectId: body.token.project.id };
}

async function cloud<T>(request: APIRequestContext, path: string): Promise<T> {
  const { token, projectId } = await simToken(request);
  const res = await request.get(`${SIM}${path.replace("{pid}", projectId)}`, {
    headers: { "X-Auth-Token": token },
  });
  expect(res.ok(), `${path}: ${res.status()} ${await res.text()}`).toBe(true);
  return (await res.json()) as T;
}

async function changes(request: APIRequestContext, route: string): Promise<number> {
  const res = await request.get(`${SIM}/_sim/stats`);
  const stats = (await res.json()) as { changeRoutes: Record<string, number> };
  return stats.changeRoutes[route] ?? 0;
}

async function csbsBackups(request: APIRequestContext, server: string): Promise<Item[]> {
  const list = await cloud<{ checkpoint_items: Item[] }>(
    request,
    `/csbs/v1/{pid}/checkpoint_items?resource_name=${server}&limit=100`,
  );
  return list.checkpoint_items.filter((i) => i.extend_info.resource_name === server);
}

async function availableCsbsBackup(request: APIRequestContext, server: string): Promise<Item> {
  const item = (await csbsBackups(request, server)).find((i) => i.status === "available");
  expect(item, `an available backup of ${server}`).toBeDefined();
  return item as Item;
}

async function restoreContext(page: Page, app: App, id: string, service = "csbs") {
  const res = await page.request.get(app(`/api/restores/backups/${id}?service=${service}`));
  expect(res.ok()).toBe(true);
  return (await res.json()) as RestoreContextResponse;
}

async function targetOf(page: Page, app: App, serverId: string) {
  const res = await page.request.get(app(`/api/restores/targets/${serverId}`));
  expect(res.ok()).toBe(true);
  return (await res.json()) as TargetResponse;
}

/** An available CBR server backup whose server takes it back with the default mapping. */
async function restorableCbrBackup(page: Page, app: App, request: APIRequestContext) {
  const list = await cloud<{
    backups: { id: string; status: string; resource_type: string; resource_name: string }[];
  }>(request, "/cbr/v3/{pid}/backups?status=available&limit=100");
  for (const b of list.backups.filter((x) => x.resource_type === "OS::Nova::Server")) {
    const ctx = await restoreContext(page, app, b.id, "cbr");
    const original = ctx.servers.find((s) => s.original);
    if (ctx.backup.refusal || !original || original.reasons.length > 0) continue;
    const target = await targetOf(page, app, original.id);
    const proposed = defaultMapping(
      ruleBackup(ctx.backup),
      ruleTarget(original.id, target.volumes),
    );
    if (proposed.length === ctx.backup.disks.length) return { id: b.id, name: original.name };
  }
  throw new Error("no restorable CBR server backup");
}

/** The wizard as a user sees it. */
class Wizard {
  constructor(
    readonly page: Page,
    readonly app: App,
  ) {}

  async open(backupId: string, query = "") {
    await this.page.goto(this.app(`/restore/${backupId}${query}`));
    await expect(this.page.getByRole("heading", { level: 1, name: /^Restore / })).toBeVisible();
  }

  next() {
    return this.page.getByRole("button", { name: "Next", exact: true });
  }

  /** The URL names the step and the page shows it: a click before that would go to the last step. */
  async toStep(n: number) {
    await expect(this.page).toHaveURL(new RegExp(`[?&]step=${n}(&|$)`));
    await expect(this.page.locator('[aria-current="step"]')).toContainText(`Step ${n} of 5`);
  }

  row(diskName: string) {
    return this.page.getByTestId("restore-mapping-row").filter({
      has: this.page.getByLabel(`Target disk for ${diskName}`, { exact: true }),
    });
  }

  target(diskName: string) {
    return this.page.getByLabel(`Target disk for ${diskName}`, { exact: true });
  }

  confirm(serverName: string) {
    return this.page.getByLabel(`Type the server name ${serverName} to confirm`);
  }

  submit() {
    return this.page.getByRole("button", { name: "Overwrite and restore" });
  }

  progress() {
    return this.page.getByTestId("restore-progress");
  }

  /** From step 1 with the defaults to the review. */
  async throughDefaults() {
    await this.next().click();
    await this.toStep(2);
    await this.next().click();
    await this.toStep(3);
    await expect(this.page.getByTestId("restore-mapping-row").first()).toBeVisible();
    await expect(
      this.page.locator('[data-testid="restore-mapping-row"][data-valid="false"]'),
    ).toHaveCount(0);
    await this.next().click();
    await this.toStep(4);
  }
}

const diskName = (d: { sourceVolumeName: string; name: string }) => d.sourceVolumeName || d.name;

test.describe("[RESTORE] restore wizard", () => {
  // Every journey opens the wizard itself.
  test.beforeEach(async ({ page, app }) => {
    await startSignedIn(page, app, { project: PROJECT });
  });

  test("restores onto the original server with the defaults until the backup is available again", async ({
    page,
    app,
    request,
  }) => {
    const item = await availableCsbsBackup(request, "db-01");
    const ctx = await restoreContext(page, app, item.id);
    const wizard = new Wizard(page, app);
    await wizard.open(item.id);

    // Step 1: the backup, its server and disks.
    await expect(page.getByRole("heading", { name: "The backup" })).toBeVisible();
    await expect(page.getByText("db-01").first()).toBeVisible();
    for (const disk of ctx.backup.disks) {
      await expect(page.getByText(diskName(disk)).first()).toBeVisible();
    }
    await wizard.next().click();

    // Step 2: the original server is chosen; ineligible ones are shown with their reason.
    await wizard.toStep(2);
    await expect(page.getByRole("radio", { name: /^db-01 / })).toBeChecked();
    const pxe = page.getByTestId("restore-server-option").filter({ hasText: "pxe-01" });
    await expect(pxe).toContainText("No disks attached");
    await expect(pxe.getByRole("radio")).toBeDisabled();
    const bms = page.getByTestId("restore-server-option").filter({ hasText: "bms-01" });
    await expect(bms).toContainText("Another server type");
    await wizard.next().click();

    // Step 3: every disk back to its own volume.
    await wizard.toStep(3);
    for (const disk of ctx.backup.disks) {
      await expect(wizard.target(diskName(disk))).toHaveValue(disk.sourceVolumeId);
      await expect(wizard.row(diskName(disk))).toContainText("Fits");
    }
    await wizard.next().click();

    // Step 4: overwritten disks, power on (on), the cloud's check, the typed name.
    await wizard.toStep(4);
    await expect(page.getByTestId("restore-summary")).toContainText(
      `Overwrite ${ctx.backup.disks.length} disks of db-01`,
    );
    await expect(page.getByLabel("Power on the server after the restore")).toBeChecked();
    await expect(page.getByText("The cloud accepts this restore.")).toBeVisible();
    await expect(wizard.submit()).toBeDisabled();
    await wizard.confirm("db-01").fill("db-0");
    await expect(wizard.submit()).toBeDisabled();
    await wizard.confirm("db-01").fill("db-01");
    const before = await changes(request, CSBS_RESTORES);
    await wizard.submit().click();

    // Step 5: followed to the end.
    await wizard.toStep(5);
    await expect(wizard.progress()).toHaveAttribute("data-state", "succeeded", { timeout: 30_000 });
    await expect(wizard.progress()).toContainText("The restore of db-01 finished.");
    await expect(page.getByRole("link", { name: "Open the backup" })).toHaveAttribute(
      "href",
      new RegExp(`/backups/${item.id}$`),
    );
    await expect(page.getByRole("link", { name: "See it in the servers list" })).toHaveAttribute(
      "href",
      /\/servers$/,
    );
    expect(await changes(request, CSBS_RESTORES)).toBe(before + 1);
    const after = await cloud<{ checkpoint_item: { status: string } }>(
      request,
      `/csbs/v1/{pid}/checkpoint_items/${item.id}`,
    );
    expect(after.checkpoint_item.status).toBe("available");
  });

  test("refuses a backup that is not available, with the reason", async ({
    page,
    app,
    request,
  }) => {
    const all = await cloud<{ checkpoint_items: Item[] }>(
      request,
      "/csbs/v1/{pid}/checkpoint_items?status=error&limit=5",
    );
    const failed = all.checkpoint_items[0];
    test.skip(!failed, "no failed backup in the seed");
    const wizard = new Wizard(page, app);
    await wizard.open((failed as Item).id);
    await expect(page.getByTestId("restore-refusal")).toContainText(
      "only an available backup can be restored",
    );
    await expect(wizard.next()).toBeDisabled();
  });

  test("restores onto another server with a manual mapping", async ({ page, app, request }) => {
    // A backup with a data disk, and another eligible server whose disks can take it.
    let plan: {
      item: Item;
      ctx: RestoreContextResponse;
      serverName: string;
      map: Record<string, string>;
    } | null = null;
    for (const name of ["db-02", "db-03", "app-01", "app-02", "cache-01"]) {
      const item = (await csbsBackups(request, name)).find((i) => i.status === "available");
      if (!item) continue;
      const ctx = await restoreContext(page, app, item.id);
      for (const s of ctx.servers.filter((x) => !x.original && x.reasons.length === 0)) {
        const target = await targetOf(page, app, s.id);
        const proposed = defaultMapping(ruleBackup(ctx.backup), ruleTarget(s.id, target.volumes));
        if (proposed.length === ctx.backup.disks.length) {
          plan = {
            item,
            ctx,
            serverName: s.name,
            map: Object.fromEntries(proposed.map((m) => [m.backupId, m.volumeId])),
          };
          break;
        }
      }
      if (plan) break;
    }
    expect(plan, "a backup and another server that can take it").not.toBeNull();
    const { item, ctx, serverName, map } = plan as NonNullable<typeof plan>;

    const wizard = new Wizard(page, app);
    await wizard.open(item.id);
    await wizard.next().click();
    await wizard.toStep(2);
    const radio = page.getByRole("radio", { name: new RegExp(`^${serverName} `) });
    await radio.click();
    await expect(radio).toBeChecked();
    await wizard.next().click();
    await wizard.toStep(3);
    await expect(
      page.getByRole("heading", { name: `Map each disk backup to a disk of ${serverName}` }),
    ).toBeVisible();
    // Clear every row, then choose each target by hand.
    for (const disk of ctx.backup.disks) {
      await wizard.target(diskName(disk)).selectOption("");
      await expect(wizard.row(diskName(disk))).toContainText("partial restore is not supported");
    }
    await expect(wizard.next()).toBeDisabled();
    for (const disk of ctx.backup.disks) {
      await wizard.target(diskName(disk)).selectOption(map[disk.id] as string);
      await expect(wizard.row(diskName(disk))).toContainText("Fits");
    }
    await wizard.next().click();
    await wizard.toStep(4);
    await expect(page.getByText("The cloud accepts this restore.")).toBeVisible();
    await wizard.confirm(serverName).fill(serverName);
    await wizard.submit().click();
    await wizard.toStep(5);
    await expect(wizard.progress()).toHaveAttribute("data-state", "succeeded", { timeout: 30_000 });
  });

  test("each rule blocks the way to the final button with its message", async ({
    page,
    app,
    request,
  }) => {
    const item = await availableCsbsBackup(request, "db-03");
    const ctx = await restoreContext(page, app, item.id);
    const system = ctx.backup.disks.find((d) => d.bootable);
    const data = ctx.backup.disks.find((d) => !d.bootable);
    expect(system && data, "db-03 has a system and a data disk").toBeTruthy();
    const sys = system as NonNullable<typeof system>;
    const dat = data as NonNullable<typeof data>;
    const wizard = new Wizard(page, app);
    await wizard.open(item.id);
    await wizard.next().click();
    await wizard.toStep(2);
    await wizard.next().click();
    await wizard.toStep(3);

    const expectBlocked = async (disk: typeof sys, message: string | RegExp) => {
      await expect(wizard.row(diskName(disk))).toHaveAttribute("data-valid", "false");
      await expect(wizard.row(diskName(disk)).getByTestId("restore-row-errors")).toContainText(
        message,
      );
      await expect(wizard.next()).toBeDisabled();
    };

    // No partial restore.
    await wizard.target(diskName(dat)).selectOption("");
    await expectBlocked(dat, "partial restore is not supported");
    // No target used twice, and no data backup onto the system disk.
    await wizard.target(diskName(dat)).selectOption(sys.sourceVolumeId);
    await expectBlocked(dat, "already the target of another disk backup");
    await expectBlocked(dat, "cannot be restored onto the system disk");
    await expectBlocked(sys, "already the target of another disk backup");
    // A target at least as large as the source: the system backup onto a smaller data disk.
    const target = await targetOf(page, app, item.resource_id);
    const smaller = target.volumes.find((v) => !v.system && v.sizeGb < sys.sizeGb);
    if (smaller) {
      await wizard.target(diskName(dat)).selectOption(sys.sourceVolumeId);
      await wizard.target(diskName(sys)).selectOption(smaller.id);
      await expectBlocked(sys, `is smaller than the disk backup (${sys.sizeGb} GB)`);
    }

    // The final button stays disabled with the messages, even when reached by URL (once the URL
    // holds the last choice).
    const last = smaller ? `${sys.id}:${smaller.id}` : `${dat.id}:${sys.sourceVolumeId}`;
    await expect.poll(() => new URL(page.url()).searchParams.get("map") ?? "").toContain(last);
    const url = new URL(page.url());
    url.searchParams.set("step", "4");
    await page.goto(url.toString());
    await expect(page.getByTestId("restore-review-violations")).toBeVisible();
    await wizard.confirm("db-03").fill("db-03");
    await expect(wizard.submit()).toBeDisabled();

    // Back to the defaults: every row fits again.
    url.searchParams.set("step", "3");
    await page.goto(url.toString());
    await page.getByRole("button", { name: "Back to the defaults" }).click();
    await expect(
      page.locator('[data-testid="restore-mapping-row"][data-valid="false"]'),
    ).toHaveCount(0);
    await expect(wizard.next()).toBeEnabled();
  });

  test("no shared disk as a target", async ({ page, app, request }) => {
    // file-01 carries the project's shared disk; a backup of a server in its zone may go there.
    const ctxs = await Promise.all(
      ["app-01", "app-02", "app-03", "app-04", "web-01", "web-02", "web-03", "web-04", "mq-01"].map(
        async (name) => {
          const item = (await csbsBackups(request, name)).find((i) => i.status === "available");
          return item ? { item, ctx: await restoreContext(page, app, item.id) } : null;
        },
      ),
    );
    const found = ctxs.find(
      (c) =>
        c?.ctx.backup.disks.some((d) => !d.bootable) &&
        c.ctx.servers.some((s) => s.name === "file-01" && s.reasons.length === 0),
    );
    test.skip(!found, "no backup with a data disk in file-01's zone");
    const { item, ctx } = found as NonNullable<typeof found>;
    const file01 = ctx.servers.find((s) => s.name === "file-01");
    const shared = (await targetOf(page, app, file01?.id ?? "")).volumes.find((v) => v.multiattach);
    const data = ctx.backup.disks.find((d) => !d.bootable);
    const wizard = new Wizard(page, app);
    await wizard.open(item.id);
    await wizard.next().click();
    await page.getByRole("radio", { name: /^file-01 / }).click();
    await expect(page.getByRole("radio", { name: /^file-01 / })).toBeChecked();
    await wizard.next().click();
    await wizard.toStep(3);
    await wizard.target(diskName(data as NonNullable<typeof data>)).selectOption(shared?.id ?? "");
    await expect(wizard.row(diskName(data as NonNullable<typeof data>))).toContainText(
      "A shared disk cannot receive a restore",
    );
    await expect(wizard.next()).toBeDisabled();
  });

  test("a double click makes exactly one restore", async ({ page, app, request }) => {
    const item = await availableCsbsBackup(request, "db-02");
    const wizard = new Wizard(page, app);
    await wizard.open(item.id);
    await wizard.throughDefaults();
    await expect(page.getByText("The cloud accepts this restore.")).toBeVisible();
    await wizard.confirm("db-02").fill("db-02");
    const before = await changes(request, CSBS_RESTORES);
    await wizard.submit().dblclick();
    await wizard.toStep(5);
    await expect(wizard.progress()).toHaveAttribute("data-state", "succeeded", { timeout: 30_000 });
    expect(await changes(request, CSBS_RESTORES)).toBe(before + 1);
  });

  test("a read-only user may walk through a restore to its review, not start it", async ({
    page,
    app,
    request,
  }) => {
    await startSignedIn(page, app, { project: PROJECT, as: demo.auditor });
    // CBR, which has no cloud check to refuse (the simulator refuses every POST of the auditor's):
    // the server name typed, only being read-only keeps the button off. The CBR journey below
    // shows the same step letting the admin through.
    const { id, name } = await restorableCbrBackup(page, app, request);
    const before = await changes(request, CBR_RESTORES);
    const wizard = new Wizard(page, app);
    await wizard.open(id, "?service=cbr");
    for (const step of [2, 3, 4]) {
      await wizard.next().click();
      await wizard.toStep(step);
    }
    await expect(page.getByText("CBR has no preflight check")).toBeVisible();
    await wizard.confirm(name).fill(name);
    await expect(page.getByTestId("read-only-notice")).toContainText("Read-only");
    await expect(wizard.submit()).toBeDisabled();
    expect(await changes(request, CBR_RESTORES)).toBe(before);
  });

  test("a timeout, a reload and a second tab still make exactly one restore", async ({
    page,
    app,
    request,
    context,
  }, testInfo) => {
    // A server-side journey: the viewport changes nothing, and it costs half a minute.
    test.skip(testInfo.project.name === "tablet", "desktop only");
    test.setTimeout(90_000);
    const item = await availableCsbsBackup(request, "cache-01");
    const wizard = new Wizard(page, app);
    await wizard.open(item.id);
    await wizard.throughDefaults();
    await expect(page.getByText("The cloud accepts this restore.")).toBeVisible();
    await wizard.confirm("cache-01").fill("cache-01");
    const before = await changes(request, CSBS_RESTORES);
    // The cloud answers after the console's timeout: the console cannot know what happened.
    const fault = await request.put(`${SIM}/_sim/faults`, {
      data: [
        {
          path: "/csbs/v1/*/restores",
          method: "POST",
          latencyMs: CLOUD_TIMEOUT_MS + 2_000,
          times: 1,
        },
      ],
    });
    expect(fault.ok()).toBe(true);
    try {
      await wizard.submit().click();
      await wizard.toStep(5);
      await expect(wizard.progress()).toHaveAttribute("data-state", "in_doubt", {
        timeout: 25_000,
      });
      await expect(wizard.progress()).toContainText("will not send it again");

      // A second tab of the same wizard, even at the review, follows the same restore.
      const review = new URL(page.url());
      review.searchParams.set("step", "4");
      const second = await context.newPage();
      await second.goto(review.toString());
      await new Wizard(second, app).toStep(5);
      await expect(second.getByTestId("restore-progress")).toBeVisible();
      await second.close();

      // A reload keeps following the same restore.
      await page.reload();
      await expect(wizard.progress()).toHaveAttribute("data-state", "succeeded", {
        timeout: 40_000,
      });
    } finally {
      await request.delete(`${SIM}/_sim/faults`);
    }
    expect(await changes(request, CSBS_RESTORES)).toBe(before + 1);
  });

  test("a CBR server backup is restored and followed to success", async ({
    page,
    app,
    request,
  }) => {
    const { id, name } = await restorableCbrBackup(page, app, request);
    const wizard = new Wizard(page, app);
    await wizard.open(id, "?service=cbr");
    await wizard.next().click();
    await wizard.toStep(2);
    // CBR puts a server backup back only where it came from.
    await expect(
      page
        .getByTestId("restore-server-option")
        .filter({ hasText: "onto the server it was taken from" })
        .first(),
    ).toBeVisible();
    await wizard.next().click();
    await wizard.toStep(3);
    await wizard.next().click();
    await wizard.toStep(4);
    await expect(page.getByText("CBR has no preflight check")).toBeVisible();
    await wizard.confirm(name).fill(name);
    const before = await changes(request, CBR_RESTORES);
    await wizard.submit().click();
    await wizard.toStep(5);
    await expect(wizard.progress()).toHaveAttribute("data-state", "succeeded", { timeout: 30_000 });
    expect(await changes(request, CBR_RESTORES)).toBe(before + 1);
  });

  test("keeps the step and choices on reload, and asks before leaving", async ({
    page,
    app,
    request,
  }) => {
    const item = await availableCsbsBackup(request, "app-03");
    const wizard = new Wizard(page, app);
    await wizard.open(item.id);
    await wizard.next().click();
    await wizard.toStep(2);
    await wizard.next().click();
    await wizard.toStep(3);
    await expect(page.getByTestId("restore-mapping-row").first()).toBeVisible();
    const url = page.url();
    expect(new URL(url).searchParams.get("key")).toMatch(/^[0-9a-f-]{36}$/);
    expect(new URL(url).searchParams.get("map")).toBeTruthy();

    // Keyboard only: the mapping select takes the arrow keys.
    const firstSelect = page.locator('[data-testid="restore-mapping-row"] select').first();
    await firstSelect.focus();
    await expect(firstSelect).toBeFocused();

    await page.reload();
    await wizard.toStep(3);
    expect(page.url()).toBe(url);
    await expect(page.getByTestId("restore-mapping-row").first()).toBeVisible();

    // Cancel asks; dismissing keeps the wizard.
    page.once("dialog", (dialog) => {
      expect(dialog.message()).toContain("Leave the restore wizard?");
      void dialog.dismiss();
    });
    await page.getByRole("button", { name: "Cancel", exact: true }).click();
    await wizard.toStep(3);
    // So does a link of the console (the sidebar's, where the layout shows one).
    const backups = page
      .getByRole("navigation", { name: "Main" })
      .first()
      .getByRole("link", { name: "Backups" });
    if (await backups.isVisible()) {
      page.once("dialog", (dialog) => {
        expect(dialog.message()).toContain("Leave the restore wizard?");
        void dialog.dismiss();
      });
      await backups.click();
    }
    await expect(page).toHaveURL(/\/restore\//);
    await wizard.toStep(3);
  });
});

import type { Page } from "@playwright/test";
import { demo, expect, SIM_URL, startSignedIn, test } from "./fixtures";
import { blocking } from "./support/axe";
import { vaultNamed } from "./support/vaults";

// Vault management changes vaults for good, so it runs in the CBR-only project (eu-de), whose
// vaults no other spec counts; removal and deletion run once per worker (desktop).
const PROJECT = demo.projects[2];

async function changes(page: Page, route: string): Promise<number> {
  const stats = (await (await page.request.get(`${SIM_URL}/_sim/stats`)).json()) as {
    changeRoutes: Record<string, number>;
  };
  return stats.changeRoutes[route] ?? 0;
}

async function openVault(page: Page, app: (p: string) => string, id: string, name: string) {
  await page.goto(app(`/vaults/${id}`));
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
}

test.describe("[VAULT-ADMIN] managing CBR vaults", () => {
  test.beforeEach(async ({ page, app }) => {
    await startSignedIn(page, app, { project: PROJECT });
  });

  test("grows a vault, refusing a shrink at the field with everything kept", async ({
    page,
    app,
  }) => {
    const vault = await vaultNamed(page, app, "vault-data-disks");
    const size = vault.capacityGb ?? 0;
    await openVault(page, app, vault.id, vault.name);
    const admin = page.getByTestId("vault-admin");
    const capacity = admin.getByLabel("Capacity (GB)");
    await expect(capacity).toHaveValue(String(size));
    const puts = await changes(page, "PUT /cbr/v3/:project_id/vaults/:vault_id");

    await capacity.fill(String(size - 1));
    await admin.getByRole("button", { name: "Save changes" }).click();
    await expect(capacity).toHaveAttribute("aria-invalid", "true");
    await expect(admin).toContainText(`A vault's capacity can only grow: at least ${size} GB.`);
    await expect(capacity).toHaveValue(String(size - 1));
    expect(await changes(page, "PUT /cbr/v3/:project_id/vaults/:vault_id")).toBe(puts);

    await capacity.fill(String(size + 10));
    await admin.getByRole("button", { name: "Save changes" }).dblclick();
    await expect(page.getByText(`Vault ${vault.name} saved.`)).toBeVisible();
    await expect(page.getByTestId("vault-admin").getByLabel("Capacity (GB)")).toHaveValue(
      String(size + 10),
    );
    expect(await changes(page, "PUT /cbr/v3/:project_id/vaults/:vault_id")).toBe(puts + 1);
    expect((await vaultNamed(page, app, vault.name)).capacityGb).toBe(size + 10);

    // Tags: a bad value is refused at its field, then the tag is saved through the tag API.
    const tagged = page.getByTestId("vault-admin");
    await tagged.getByRole("button", { name: "Add a tag" }).click();
    await tagged.getByLabel("Key 1", { exact: true }).fill("team");
    await tagged.getByLabel("Value 1", { exact: true }).fill("o p s");
    await tagged.getByRole("button", { name: "Save changes" }).click();
    await expect(tagged.getByText("A value uses letters, digits, _ and - only.")).toBeVisible();
    await tagged.getByLabel("Value 1", { exact: true }).fill("ops");
    await tagged.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByText(`Vault ${vault.name} saved.`).first()).toBeVisible();
    await expect
      .poll(async () => (await vaultNamed(page, app, vault.name)).tags)
      .toEqual([{ key: "team", value: "ops" }]);
  });

  test("creates a vault with two servers and a policy, moves a third in with its backups, removes one after counting, locks (policy backup kept, manual deleted), deletes a vault; all in /tasks and /activity", async ({
    page,
    app,
  }, testInfo) => {
    test.skip(testInfo.project.name === "tablet", "creates, moves, removes and deletes: once");
    const prod = await vaultNamed(page, app, "vault-prod-servers");
    const [moving, leaving, staying] = prod.resources;
    if (!moving?.backupCount || !leaving?.backupCount || !staying?.backupCount) {
      throw new Error("the seed's prod vault has backed-up servers");
    }
    const policies = (
      (await (await page.request.get(app("/api/cbr-policies"))).json()) as {
        policies: { id: string; name: string; enabled: boolean; operationType: string }[];
      }
    ).policies;
    const policy = policies.find((p) => p.operationType === "backup" && p.enabled);
    if (!policy) throw new Error("the seed has an enabled CBR backup policy");

    // Create: two free servers, the policy, a tag; the capacity follows the chosen disks.
    await page.goto(app("/vaults"));
    await page.getByRole("link", { name: "Create vault" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Create a vault" })).toBeVisible();
    const create = page.getByTestId("create-vault-form");
    const name = "vault-e2e-created";
    await create.getByLabel("Name", { exact: true }).fill(name);
    const free = create.locator('[data-state="free"]');
    await expect(free.first()).toBeVisible();
    const chosen: string[] = [];
    for (const row of [free.nth(0), free.nth(1)]) {
      chosen.push((await row.getAttribute("data-candidate")) ?? "");
      await row.getByRole("checkbox").check();
    }
    await expect(create.getByTestId("create-vault-chosen")).toContainText("Chosen: 2,");
    const suggested = Number(await create.getByLabel("Capacity (GB)").inputValue());
    expect(suggested).toBeGreaterThan(10);
    await create.getByLabel("Capacity (GB)").fill("100000");
    await create.getByLabel("Policy", { exact: true }).selectOption({ label: policy.name });
    await create.getByRole("button", { name: "Add a tag" }).click();
    await create.getByLabel("Key 1", { exact: true }).fill("team");
    await create.getByLabel("Value 1", { exact: true }).fill("has space");
    const creates = await changes(page, "POST /cbr/v3/:project_id/vaults");
    await create.getByRole("button", { name: "Create vault" }).click();
    await expect(create.getByText("A value uses letters, digits, _ and - only.")).toBeVisible();
    await expect(create.getByLabel("Name", { exact: true })).toHaveValue(name);
    expect(await changes(page, "POST /cbr/v3/:project_id/vaults")).toBe(creates);
    await create.getByLabel("Value 1", { exact: true }).fill("ops");
    await create.getByRole("button", { name: "Create vault" }).dblclick();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await expect(page.getByText(`Vault ${name} created.`)).toBeVisible();
    expect(await changes(page, "POST /cbr/v3/:project_id/vaults")).toBe(creates + 1);
    const made = await vaultNamed(page, app, name);
    expect(made.resources.map((r) => r.name).sort()).toEqual([...chosen].sort());
    expect(made.policyId).toBe(policy.id);
    expect(made.capacityGb).toBe(100000);

    // A third server, from the prod vault: moved, with its backups.
    await page.getByRole("button", { name: "Add resources" }).click();
    const add = page.getByRole("dialog");
    const held = add.locator(`[data-candidate="${moving.name}"]`);
    await expect(held).toHaveAttribute("data-state", "elsewhere");
    await expect(held).toContainText(
      `In vault ${prod.name}: moving it brings its ${moving.backupCount} backups here.`,
    );
    await held.getByRole("checkbox").check();
    await expect(add.getByTestId("move-summary")).toContainText(
      `with their ${moving.backupCount} backups`,
    );
    // The cloud moves nothing while a vault has a task running: then it says so, and we wait.
    await expect(async () => {
      await add.getByRole("button", { name: "Add 0, move 1" }).click();
      await expect(add).toBeHidden({ timeout: 3_000 });
    }).toPass({ timeout: 60_000 });
    const after = await vaultNamed(page, app, name);
    expect(after.resources.map((r) => r.name).sort()).toEqual([...chosen, moving.name].sort());
    expect(after.resources.find((r) => r.id === moving.id)?.backupCount).toBe(moving.backupCount);

    // Out from the source's page: a move keeps the backups, where a removal would delete them.
    await openVault(page, app, prod.id, prod.name);
    await page.getByRole("button", { name: `Move ${staying.name} to another vault` }).click();
    const move = page.getByRole("dialog");
    await expect(move).toContainText(`Its ${staying.backupCount} backups move with it`);
    await move.getByLabel("Destination vault").selectOption({ label: name });
    await expect(async () => {
      await move.getByRole("button", { name: "Move with its backups" }).click();
      await expect(move).toBeHidden({ timeout: 3_000 });
    }).toPass({ timeout: 60_000 });
    await expect(
      page
        .getByTestId("vault-resource")
        .filter({ visible: true })
        .filter({ hasText: staying.name }),
    ).toHaveCount(0);
    expect(
      (await vaultNamed(page, app, name)).resources.find((r) => r.id === staying.id)?.backupCount,
    ).toBe(staying.backupCount);

    // Removing deletes: the dialog counts, offers the move instead, the typed name unlocks, one
    // request goes.
    await page.getByRole("button", { name: `Remove ${leaving.name} from the vault` }).click();
    const dialog = page.getByRole("alertdialog");
    await expect(dialog.getByTestId("removal-impact")).toContainText(
      `Its ${leaving.backupCount} backups`,
    );
    await expect(dialog).toContainText("To keep its backups, move it to another vault instead");
    const confirm = dialog.getByRole("button", {
      name: `Remove and delete ${leaving.backupCount} backups`,
    });
    const typed = dialog.getByLabel(`Type the vault's name, ${prod.name}, to confirm`);
    await expect(confirm).toBeDisabled();
    await typed.fill("vault-prod");
    await expect(confirm).toBeDisabled();
    await typed.fill(prod.name);
    const removals = await changes(
      page,
      "POST /cbr/v3/:project_id/vaults/:vault_id/removeresources",
    );
    await confirm.dblclick();
    await expect(dialog).toBeHidden();
    await expect(
      page
        .getByTestId("vault-resource")
        .filter({ visible: true })
        .filter({ hasText: leaving.name }),
    ).toHaveCount(0);
    expect(await changes(page, "POST /cbr/v3/:project_id/vaults/:vault_id/removeresources")).toBe(
      removals + 1,
    );

    // Locking: said to be for good, and then a policy backup stays while a manual one goes.
    await page.getByRole("button", { name: "Enable backup locking" }).click();
    const lock = page.getByRole("alertdialog");
    await expect(lock.getByTestId("lock-danger")).toContainText("cannot be turned off again");
    await lock.getByLabel(`Type the vault's name, ${prod.name}, to confirm`).fill(prod.name);
    await lock.getByRole("button", { name: "Lock for good" }).click();
    await expect(page.getByTestId("vault-locked-note")).toBeVisible();
    const res = await page.request.get(app(`/api/vaults/${prod.id}/backups`));
    const available = (
      (await res.json()) as { backups: { id: string; auto?: boolean; status: string }[] }
    ).backups.filter((b) => b.status === "available");
    const policyMade = available.find((b) => b.auto === true);
    const manual = available.find((b) => b.auto === false);
    if (!policyMade || !manual) throw new Error("the prod vault has policy and manual backups");
    await page.goto(app(`/backups/${policyMade.id}?service=cbr`));
    await page.getByRole("button", { name: "Delete", exact: true }).click();
    const refuse = page.getByRole("alertdialog");
    await refuse.getByRole("button", { name: "Delete (1)" }).click();
    await expect(refuse.getByRole("alert")).toContainText(
      "Backup locking keeps this policy backup",
    );
    await refuse.getByRole("button", { name: "Cancel" }).click();
    await page.goto(app(`/backups/${manual.id}?service=cbr`));
    await page.getByRole("button", { name: "Delete", exact: true }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Delete (1)" }).click();
    await expect(page.getByText("This backup was deleted")).toBeVisible({ timeout: 30_000 });

    // Deleting the vault counts every backup it holds: the moved servers' now.
    const heldBackups = moving.backupCount + staying.backupCount;
    await openVault(page, app, made.id, name);
    await page.getByRole("button", { name: "Delete vault" }).click();
    const deletion = page.getByRole("alertdialog");
    await expect(deletion.getByTestId("removal-impact")).toContainText(
      `All its ${heldBackups} backups`,
    );
    await deletion.getByLabel(`Type the vault's name, ${name}, to confirm`).fill(name);
    await deletion
      .getByRole("button", { name: `Delete the vault and ${heldBackups} backups` })
      .click();
    await page.waitForURL(/\/vaults$/);
    await expect
      .poll(async () => (await page.request.get(app(`/api/vaults/${made.id}`))).status(), {
        timeout: 30_000,
      })
      .toBe(404);

    // The cloud's tasks: the removal in the prod vault, the deletion of the new one.
    for (const [type, vault] of [
      ["remove_resource", prod.name],
      ["vault_delete", name],
    ] as const) {
      await page.goto(app(`/tasks?type=${type}`));
      await expect(
        page
          .locator('[data-testid="task-row"], [data-testid="task-card"]')
          .filter({ visible: true })
          .filter({ hasText: vault })
          .first(),
      ).toBeVisible();
    }

    await page.goto(app("/activity"));
    const rows = page.getByTestId("activity-row").filter({ visible: true });
    for (const action of [
      "Create vault",
      "Add to vault",
      "Remove from vault",
      "Lock vault",
      "Delete vault",
    ]) {
      await expect(rows.filter({ hasText: action }).first()).toBeVisible();
    }
  });

  test("its dialogs pass axe, in light and dark; nothing is sent by opening and cancelling them", async ({
    page,
    app,
  }) => {
    const vault = await vaultNamed(page, app, "vault-data-disks");
    const before = (await (await page.request.get(`${SIM_URL}/_sim/stats`)).json()) as {
      changes: number;
    };
    const problems: string[] = [];
    for (const theme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: theme });
      await page.addInitScript((t) => window.localStorage.setItem("theme", t), theme);
      await openVault(page, app, vault.id, vault.name);
      for (const open of [
        () => page.getByRole("button", { name: "Add resources" }).click(),
        () =>
          page
            .getByRole("button", { name: /^Remove .* from the vault$/ })
            .filter({ visible: true })
            .first()
            .click(),
        () =>
          page
            .getByRole("button", { name: /^Move .* to another vault$/ })
            .filter({ visible: true })
            .first()
            .click(),
        () => page.getByRole("button", { name: "Enable backup locking" }).click(),
        () => page.getByRole("button", { name: "Delete vault" }).click(),
      ]) {
        await open();
        const dialog = page.getByRole("alertdialog").or(page.getByRole("dialog"));
        await expect(dialog).toBeVisible();
        // The add dialog reads the candidates first.
        await expect(dialog.getByRole("status")).toHaveCount(0);
        problems.push(...(await blocking(page, `${vault.name} ${theme}`)));
        await dialog.getByRole("button", { name: "Cancel" }).click();
        await expect(dialog).toBeHidden();
      }
    }
    expect(problems, problems.join("\n")).toEqual([]);
    const after = (await (await page.request.get(`${SIM_URL}/_sim/stats`)).json()) as {
      changes: number;
    };
    expect(after.changes).toBe(before.changes);
  });

  test("a read-only user is offered no change", async ({ page, app }) => {
    await startSignedIn(page, app, { project: PROJECT, as: demo.auditor });
    const vault = await vaultNamed(page, app, "vault-data-disks");
    await openVault(page, app, vault.id, vault.name);
    await expect(page.getByTestId("vault-admin")).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^Remove / })).toHaveCount(0);
  });
});

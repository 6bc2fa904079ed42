import type { Page } from "@playwright/test";
import { demo, expect, SIM_URL, startSignedIn, test } from "./fixtures";

// Vault management changes vaults for good, so it runs in the CBR-only project (eu-de), whose
// vaults no other spec counts; removal and deletion run once per worker (desktop).
const PROJECT = demo.projects[2];

type VaultJson = {
  id: string;
  name: string;
  capacityGb?: number;
  usedMb?: number;
  autoExpand: boolean;
  resources: { id: string; name: string; backupCount?: number }[];
};

async function vaultJson(page: Page, app: (p: string) => string, name: string) {
  const res = await page.request.get(app(`/api/vaults?name=${name}`));
  expect(res.status()).toBe(200);
  const vault = ((await res.json()) as { vaults: VaultJson[] }).vaults.find((v) => v.name === name);
  if (!vault) throw new Error(`no vault ${name}`);
  return vault;
}

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
    const vault = await vaultJson(page, app, "vault-data-disks");
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
    expect((await vaultJson(page, app, vault.name)).capacityGb).toBe(size + 10);
  });

  test("removes a server after counting its backups and the typed name; deletes a vault; both in /activity", async ({
    page,
    app,
  }, testInfo) => {
    test.skip(testInfo.project.name === "tablet", "removes and deletes for good: once");
    const vault = await vaultJson(page, app, "vault-prod-servers");
    const server = vault.resources[0];
    if (!server?.backupCount) throw new Error("the seed's prod vault has backed-up servers");
    await openVault(page, app, vault.id, vault.name);

    await page.getByRole("button", { name: `Remove ${server.name} from the vault` }).click();
    const dialog = page.getByRole("alertdialog");
    await expect(dialog.getByTestId("removal-impact")).toContainText(
      `Its ${server.backupCount} backups`,
    );
    const confirm = dialog.getByRole("button", {
      name: `Remove and delete ${server.backupCount} backups`,
    });
    await expect(confirm).toBeDisabled();
    await dialog.getByLabel(`Type the vault's name, ${vault.name}, to confirm`).fill("vault-prod");
    await expect(confirm).toBeDisabled();
    await dialog.getByLabel(`Type the vault's name, ${vault.name}, to confirm`).fill(vault.name);
    await confirm.dblclick();
    await expect(dialog).toBeHidden();
    await expect(
      page.getByTestId("vault-resource").filter({ visible: true }).filter({ hasText: server.name }),
    ).toHaveCount(0);
    expect(await changes(page, "POST /cbr/v3/:project_id/vaults/:vault_id/removeresources")).toBe(
      1,
    );

    const empty = await vaultJson(page, app, "vault-empty");
    await openVault(page, app, empty.id, empty.name);
    await page.getByRole("button", { name: "Delete vault" }).click();
    const deletion = page.getByRole("alertdialog");
    await expect(deletion.getByTestId("removal-impact")).toContainText("All its 0 backups");
    await deletion.getByLabel(`Type the vault's name, ${empty.name}, to confirm`).fill(empty.name);
    await deletion.getByRole("button", { name: "Delete the vault and 0 backups" }).click();
    await page.waitForURL(/\/vaults$/);
    await expect
      .poll(async () => (await page.request.get(app(`/api/vaults/${empty.id}`))).status(), {
        timeout: 15_000,
      })
      .toBe(404);

    await page.goto(app("/activity"));
    const rows = page.getByTestId("activity-row").filter({ visible: true });
    await expect(rows.filter({ hasText: "Remove from vault" }).first()).toBeVisible();
    await expect(rows.filter({ hasText: "Delete vault" }).first()).toBeVisible();
  });

  test("a read-only user is offered no change", async ({ page, app }) => {
    await startSignedIn(page, app, { project: PROJECT, as: demo.auditor });
    const vault = await vaultJson(page, app, "vault-data-disks");
    await openVault(page, app, vault.id, vault.name);
    await expect(page.getByTestId("vault-admin")).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^Remove / })).toHaveCount(0);
  });
});

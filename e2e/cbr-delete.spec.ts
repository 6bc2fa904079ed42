import { expect, type Page } from "@playwright/test";
import { originOf, startSignedIn, test } from "./fixtures";

type Row = { id: string; name: string; vaultName?: string; status: string };

const rowOf = (page: Page, id: string) =>
  page.locator(`[data-testid="backup-row"][data-id="${id}"]`);
const polite = (page: Page) =>
  page.getByTestId("live-announcer").locator('[data-politeness="polite"]');

/** CBR backups of a vault at rest, oldest first (never the newest of their server). */
async function oldestIn(page: Page, app: (p: string) => string, vault: string, count: number) {
  const res = await page.request.get(
    app("/api/backups?service=cbr&status=available&sort=created_at:asc&size=100"),
  );
  expect(res.status()).toBe(200);
  const { items, groups } = (await res.json()) as {
    items: Row[];
    groups: { id: string; name: string }[];
  };
  const vaultId = groups.find((g) => g.name === vault)?.id;
  const picked = items.filter((r) => r.vaultName === vault).slice(0, count);
  expect(picked).toHaveLength(count);
  return { vaultId: vaultId ?? "", rows: picked };
}

test.describe("[BACKUPS] CBR delete", () => {
  test("deletes selected CBR backups after a confirmation, follows them and announces the end", async ({
    page,
    app,
  }) => {
    await startSignedIn(page, app);
    const { vaultId, rows } = await oldestIn(page, app, "vault-prod-servers", 2);
    await page.goto(
      app(`/backups?service=cbr&vault=${vaultId}&status=available&sort=created_at:asc&size=10`),
    );
    for (const row of rows) {
      await rowOf(page, row.id).getByRole("checkbox").check();
    }
    await page.getByRole("button", { name: "Delete selected (2)" }).click();

    const dialog = page.getByRole("alertdialog");
    await expect(dialog).toContainText("Delete 2 backups?");
    await expect(dialog).toContainText("Each backup is deleted on its own");
    // CBR backups carry no size: the dialog gives none rather than "0 MB".
    await expect(dialog).toContainText("This deletes 2 backup(s). Deleted backups cannot be");
    // CBR has no "whole checkpoint" delete.
    await expect(dialog.getByRole("radio")).toHaveCount(0);
    await dialog.getByRole("button", { name: "Delete (2)" }).click();
    await expect(dialog).toBeHidden();

    await expect(polite(page)).toHaveText("2 backups deleted.", { timeout: 30_000 });
    for (const row of rows) await expect(rowOf(page, row.id)).toHaveCount(0);

    const trail = await page.request.get(app("/api/activity?action=backup.delete&size=25"));
    expect(trail.status()).toBe(200);
    const entries = (await trail.json()) as {
      items: { target: string; result: string; detail: string }[];
    };
    for (const row of rows) {
      expect(entries.items).toContainEqual(
        expect.objectContaining({ target: row.id, result: "succeeded", detail: "cbr" }),
      );
    }
  });

  test("a policy backup in a locked vault is refused in the dialog; one deleted from its page is gone", async ({
    page,
    app,
  }) => {
    await startSignedIn(page, app);
    const locked = (await oldestIn(page, app, "vault-dev-servers", 1)).rows[0] as Row;
    await page.goto(app(`/backups/${locked.id}?service=cbr`));
    await page.getByRole("button", { name: "Delete", exact: true }).click();
    const dialog = page.getByRole("alertdialog");
    await dialog.getByRole("button", { name: "Delete (1)" }).click();
    // The dialog stays open with the cloud's refusal in plain words, and nothing changed.
    await expect(dialog.getByRole("alert")).toContainText(
      "Backup locking keeps this policy backup",
    );
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(page.getByText("Available", { exact: true }).first()).toBeVisible();

    const target = (await oldestIn(page, app, "vault-prod-servers", 1)).rows[0] as Row;
    await page.goto(app(`/backups/${target.id}?service=cbr`));
    await page.getByRole("button", { name: "Delete", exact: true }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Delete (1)" }).click();
    await expect(page.getByText("This backup was deleted")).toBeVisible({ timeout: 30_000 });
    await expect(polite(page)).toHaveText(`Backup ${target.name || target.id} deleted.`);

    // The API says the same: the backup is gone from the cloud.
    const gone = await page.request.get(app(`/api/backups/${target.id}?service=cbr`), {
      headers: { Origin: originOf(app) },
    });
    expect(gone.status()).toBe(404);
  });
});

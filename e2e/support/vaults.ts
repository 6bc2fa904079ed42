import { expect, type Page } from "@playwright/test";
import type { VaultListResponse, VaultView } from "@/lib/schemas/vault";

/** A vault by its exact name, as the console's own API answers it to the signed-in user. */
export async function vaultNamed(
  page: Page,
  app: (path: string) => string,
  name: string,
): Promise<VaultView> {
  const res = await page.request.get(app(`/api/vaults?name=${encodeURIComponent(name)}`));
  expect(res.status()).toBe(200);
  const vault = ((await res.json()) as VaultListResponse).vaults.find((v) => v.name === name);
  if (!vault) throw new Error(`no vault ${name}`);
  return vault;
}

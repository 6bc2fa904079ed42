import { createHash } from "node:crypto";
import { type APIRequestContext, expect } from "@playwright/test";
import { demo, SIM_URL, startSignedIn, test } from "./fixtures";

const SIM = SIM_URL;
const projectId = (name: string) =>
  createHash("sha256").update(`project:${name}`).digest("hex").slice(0, 32);

/**
 * Asks the simulator itself, as a cloud client would, how many backups are in a state, in each
 * service: CSBS's count operation and CBR's list count.
 */
async function simCount(
  request: APIRequestContext,
  token: string,
  status: string,
): Promise<{ csbs: number; cbr: number }> {
  const pid = projectId(demo.projects[0]);
  const headers = { "X-Auth-Token": token };
  const csbs = await request.get(`${SIM}/csbs/v1/${pid}/checkpoint_items/count?status=${status}`, {
    headers,
  });
  const cbr = await request.get(`${SIM}/cbr/v3/${pid}/backups?status=${status}&limit=1`, {
    headers,
  });
  return { csbs: (await csbs.json()).count, cbr: (await cbr.json()).count };
}

async function simToken(request: APIRequestContext): Promise<string> {
  const res = await request.post(`${SIM}/iam/v3/auth/tokens`, {
    data: {
      auth: {
        identity: {
          methods: ["password"],
          password: {
            user: {
              name: demo.admin.user,
              password: demo.admin.password,
              domain: { name: demo.account },
            },
          },
        },
        scope: { project: { name: demo.projects[0] } },
      },
    },
  });
  return res.headers()["x-subject-token"] ?? "";
}

test.describe("[OVERVIEW] the ops-room page", () => {
  // Every journey opens the overview itself.
  test.beforeEach(async ({ page, app }) => {
    await startSignedIn(page, app);
  });

  test("its counts equal the simulator's", async ({ page, app, request }) => {
    const token = await simToken(request);
    expect(token).not.toBe("");
    await expect(async () => {
      const expected = {
        available: await simCount(request, token, "available"),
        error: await simCount(request, token, "error"),
      };
      await page.goto(app("/"));
      for (const [status, count] of Object.entries(expected)) {
        const tile = page.getByTestId(`tile-${status}`);
        await expect(tile.getByTestId("tile-count")).toHaveText(
          (count.csbs + count.cbr).toLocaleString("en-GB"),
          { timeout: 5_000 },
        );
        // Both services add to the tile, and it says how.
        if (count.csbs > 0 && count.cbr > 0) {
          await expect(tile.getByTestId("tile-parts")).toContainText(
            `CSBS ${count.csbs.toLocaleString("en-GB")}`,
          );
          await expect(tile.getByTestId("tile-parts")).toContainText(
            `CBR ${count.cbr.toLocaleString("en-GB")}`,
          );
        }
      }
    }).toPass({ timeout: 45_000 });
    await expect(page.getByTestId("quota-gauge").first()).toBeVisible();
  });

  test("fits a landscape tablet screen without scrolling", async ({ page, app }) => {
    await page.setViewportSize({ width: 1180, height: 820 });
    await page.goto(app("/"));
    await expect(page.getByTestId("tile-available")).toBeVisible();
    await expect(page.getByText(/Backups per day/).first()).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollHeight - document.documentElement.clientHeight,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });

  test("a tile opens the list filtered by its status", async ({ page, app }) => {
    await page.goto(app("/"));
    await page.getByTestId("tile-error").click();
    // The list of the service with more failures (CBR's names the service).
    await expect(page).toHaveURL(/\/backups\?(service=cbr&)?status=error/);
    await expect(page.getByRole("button", { name: "Error", pressed: true })).toBeVisible();
  });
});

import { createHash } from "node:crypto";
import { type APIRequestContext, expect } from "@playwright/test";
import { demo, SIM_URL, startSignedIn, test } from "./fixtures";

const SIM = SIM_URL;
const projectId = (name: string) =>
  createHash("sha256").update(`project:${name}`).digest("hex").slice(0, 32);

/** Asks the simulator itself, as a cloud client would, how many backups are in a state. */
async function simCount(
  request: APIRequestContext,
  token: string,
  status: string,
): Promise<number> {
  const res = await request.get(
    `${SIM}/csbs/v1/${projectId(demo.projects[0])}/checkpoint_items/count?status=${status}`,
    { headers: { "X-Auth-Token": token } },
  );
  return (await res.json()).count;
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
        await expect(page.getByTestId(`tile-${status}`).getByTestId("tile-count")).toHaveText(
          count.toLocaleString("en-GB"),
          { timeout: 5_000 },
        );
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
    await expect(page).toHaveURL(/\/backups\?status=error/);
    await expect(page.getByRole("button", { name: "Error", pressed: true })).toBeVisible();
  });
});

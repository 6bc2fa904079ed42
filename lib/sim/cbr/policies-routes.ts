// The CBR v3 policy API: /policies, /policies/{id}, /vaults/{id}/associatepolicy and
// /dissociatepolicy. Thin handlers over policies.ts; registered by routes.ts.
import type { Context, Hono } from "hono";
import type { SimEnv } from "../context";
import { uuidPattern } from "./constants";
import { invalid } from "./errors";
import { queryOf } from "./listing";
import type { CbrEnv } from "./operations";
import {
  associatePolicy,
  createPolicy,
  deletePolicy,
  dissociatePolicy,
  findPolicy,
  policyJson,
  updatePolicy,
} from "./policies";
import type { CbrProject } from "./types";

type Handle = (
  handler: (c: Context<SimEnv>, project: CbrProject) => Response | Promise<Response>,
) => (c: Context<SimEnv>) => Promise<Response>;

type Helpers = {
  handle: Handle;
  env: () => CbrEnv;
  pathId: (c: Context<SimEnv>, name: string) => string;
  body: (c: Context<SimEnv>) => Promise<unknown>;
  markDirty: () => void;
};

/** The project's region: demo project names are region names (lib/sim/iam/directory.ts). */
const regionOf = (project: CbrProject) => (project as CbrProject & { name?: string }).name;

function policyOfBody(raw: unknown): unknown {
  if (typeof raw !== "object" || raw === null || !("policy" in raw)) {
    invalid('Invalid policy: the body must be {"policy": {…}}.');
  }
  return (raw as { policy: unknown }).policy;
}

function policyIdOfBody(raw: unknown): string {
  const id =
    typeof raw === "object" && raw !== null
      ? (raw as { policy_id?: unknown }).policy_id
      : undefined;
  if (typeof id !== "string" || !uuidPattern.test(id)) invalid("Invalid policy_id provided.");
  return id;
}

export function registerPolicyRoutes(app: Hono<SimEnv>, h: Helpers): void {
  app.get(
    "/policies",
    h.handle((c, project) => {
      const query = queryOf(c.req.url);
      const type = query.get("operation_type");
      if (type !== undefined && type !== "backup" && type !== "replication") {
        invalid("Invalid operation_type provided.");
      }
      const vaultId = query.get("vault_id");
      if (vaultId !== undefined && !uuidPattern.test(vaultId))
        invalid("Invalid vault_id provided.");
      const policies = project.cbr.policies.filter(
        (p) =>
          (type === undefined || p.operationType === type) &&
          (vaultId === undefined || p.associatedVaults.some((a) => a.vaultId === vaultId)),
      );
      return c.json({ policies: policies.map(policyJson), count: policies.length });
    }),
  );

  app.post(
    "/policies",
    h.handle(async (c, project) => {
      const policy = createPolicy(
        project.cbr,
        policyOfBody(await h.body(c)),
        h.env(),
        regionOf(project),
      );
      h.markDirty();
      return c.json({ policy: policyJson(policy) });
    }),
  );

  app.get(
    "/policies/:policy_id",
    h.handle((c, project) => {
      const policy = findPolicy(project.cbr, h.pathId(c, "policy_id"));
      return c.json({ policy: policyJson(policy) });
    }),
  );

  app.put(
    "/policies/:policy_id",
    h.handle(async (c, project) => {
      const id = h.pathId(c, "policy_id");
      const policy = updatePolicy(
        project.cbr,
        id,
        policyOfBody(await h.body(c)),
        h.env(),
        regionOf(project),
      );
      h.markDirty();
      return c.json({ policy: policyJson(policy) });
    }),
  );

  app.delete(
    "/policies/:policy_id",
    h.handle((c, project) => {
      deletePolicy(project.cbr, h.pathId(c, "policy_id"));
      h.markDirty();
      return c.body(null, 204);
    }),
  );

  app.post(
    "/vaults/:vault_id/associatepolicy",
    h.handle(async (c, project) => {
      const vaultId = h.pathId(c, "vault_id");
      const raw = await h.body(c);
      const destination =
        typeof raw === "object" && raw !== null
          ? (raw as { destination_vault_id?: unknown }).destination_vault_id
          : undefined;
      if (
        destination !== undefined &&
        (typeof destination !== "string" || !uuidPattern.test(destination))
      ) {
        invalid("Invalid destination_vault_id provided.");
      }
      const result = associatePolicy(
        project.cbr,
        vaultId,
        policyIdOfBody(raw),
        destination as string | undefined,
      );
      h.markDirty();
      return c.json({ associate_policy: result });
    }),
  );

  app.post(
    "/vaults/:vault_id/dissociatepolicy",
    h.handle(async (c, project) => {
      const vaultId = h.pathId(c, "vault_id");
      const result = dissociatePolicy(project.cbr, vaultId, policyIdOfBody(await h.body(c)));
      h.markDirty();
      return c.json({ dissociate_policy: result });
    }),
  );
}

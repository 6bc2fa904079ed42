import { sqliteAuditStore } from "./audit-store";
import { describeAuditStore, describeUnverifiedAudit } from "./audit-store.contract";

describeAuditStore("sqliteAuditStore", async () => sqliteAuditStore({ path: ":memory:" }));

describeUnverifiedAudit("sqliteAuditStore, unverified events", async () =>
  sqliteAuditStore({ path: ":memory:", unverifiedCap: 5, unverifiedPerHour: 3 }),
);

import { sqliteAuditStore } from "./audit-store";
import { describeAuditStore } from "./audit-store.contract";

describeAuditStore("sqliteAuditStore", async () => sqliteAuditStore({ path: ":memory:" }));

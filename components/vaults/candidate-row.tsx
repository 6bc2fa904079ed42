"use client";

import { formatNumber } from "@/lib/i18n/format";
import { useLocale, useT } from "@/lib/i18n/i18n-provider";
import type { VaultCandidate } from "@/lib/schemas/vault-admin";

/**
 * One server (or disk) that could go into a vault, as a checkbox: its disks, and whether it sits in
 * another vault (a move keeps its backups, counted) or the cloud refuses it (why).
 */
export function CandidateRow({
  candidate: c,
  checked,
  onChange,
}: {
  candidate: VaultCandidate;
  checked: boolean;
  onChange: (on: boolean) => void;
}) {
  const t = useT();
  const locale = useLocale();
  const n = (value: number) => formatNumber(locale, value);
  const refused = c.state === "refused";
  const disks = c.disks.map((d) => `${d.name}${d.sizeGb ? ` (${n(d.sizeGb)} GB)` : ""}`).join(", ");
  return (
    <li>
      <label
        className="flex min-h-11 items-start gap-3 rounded-md p-2 text-sm hover:bg-accent has-[:disabled]:opacity-70"
        data-candidate={c.name}
        data-state={c.state}
      >
        <input
          type="checkbox"
          className="mt-0.5 size-5 shrink-0"
          checked={checked}
          disabled={refused}
          onChange={(event) => onChange(event.target.checked)}
        />
        <span className="grid gap-0.5">
          <span className="font-medium">
            {c.name}
            {c.sizeGb !== undefined ? (
              <span className="font-normal text-muted-foreground"> · {n(c.sizeGb)} GB</span>
            ) : null}
          </span>
          {disks ? <span className="text-muted-foreground text-xs">{disks}</span> : null}
          {c.state === "elsewhere" ? (
            <span className="text-warning">
              {t("vaultAdmin.elsewhere", {
                vault: c.vault?.name ?? "",
                backups: n(c.backups ?? 0),
              })}
            </span>
          ) : null}
          {refused ? (
            <span className="text-destructive">
              {t("vaultAdmin.refused", { reason: c.reason ?? "" })}
            </span>
          ) : null}
        </span>
      </label>
    </li>
  );
}

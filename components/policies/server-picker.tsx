"use client";

import { ArrowRightLeftIcon, BanIcon, CheckIcon } from "lucide-react";
import { useId, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useT } from "@/lib/i18n/i18n-provider";
import type { CandidateServer } from "@/lib/schemas/policy";

type ServerPickerProps = {
  servers: CandidateServer[];
  value: string[];
  onChange: (ids: string[]) => void;
  /** The policy being edited: its own members are not "in another policy". */
  policyId?: string | undefined;
  describedBy?: string | undefined;
  invalid?: boolean;
};

/**
 * The project's servers as checkboxes: which are in another policy (choosing them moves them
 * here), which cannot be backed up and why (not choosable, unless already a member).
 */
export function ServerPicker({
  servers,
  value,
  onChange,
  policyId,
  describedBy,
  invalid,
}: ServerPickerProps) {
  const t = useT();
  const ids = useId();
  const [filter, setFilter] = useState("");
  const chosen = new Set(value);
  const q = filter.trim().toLowerCase();
  // This policy's own servers first, in a stable order (ticking a box does not move rows).
  const own = (s: CandidateServer) => (policyId && s.policy?.id === policyId ? 0 : 1);
  const shown = [...servers]
    .sort((a, b) => own(a) - own(b))
    .filter((s) => q === "" || s.name.toLowerCase().includes(q) || s.id.includes(q));
  const moving = servers.filter((s) => chosen.has(s.id) && s.policy && s.policy.id !== policyId);

  return (
    <div className="grid gap-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="grid gap-1">
          <Label htmlFor={`${ids}-filter`}>{t("policyForm.servers.search")}</Label>
          <Input
            id={`${ids}-filter`}
            type="search"
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
            className="w-60"
          />
        </div>
        <p className="text-muted-foreground text-sm tabular-nums" aria-live="polite">
          {t("policyForm.servers.selected", { count: value.length, total: servers.length })}
        </p>
      </div>
      {moving.length > 0 ? (
        <p className="flex items-start gap-2 text-sm text-warning" data-testid="servers-move-note">
          <ArrowRightLeftIcon className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
          {t("policyForm.servers.moveNote", { count: moving.length })}
        </p>
      ) : null}
      {servers.length === 0 ? (
        <p className="text-muted-foreground text-sm">{t("policyForm.servers.none")}</p>
      ) : (
        <ul
          className="grid max-h-96 gap-1 overflow-y-auto rounded-md border p-1 aria-invalid:border-destructive"
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          aria-label={t("policyForm.section.servers")}
        >
          {shown.map((server) => {
            const isChosen = chosen.has(server.id);
            const member = server.policy && server.policy.id === policyId;
            const other = server.policy && server.policy.id !== policyId ? server.policy : null;
            const blocked = !server.protectable && !isChosen;
            return (
              <li key={server.id}>
                <label
                  className={`flex min-h-11 flex-wrap items-center gap-x-3 gap-y-1 rounded px-2 py-1 ${
                    blocked ? "cursor-not-allowed opacity-70" : "cursor-pointer hover:bg-accent"
                  }`}
                >
                  <input
                    type="checkbox"
                    className="size-4"
                    checked={isChosen}
                    disabled={blocked}
                    data-server={server.name}
                    onChange={(event) =>
                      onChange(
                        event.target.checked
                          ? [...value, server.id]
                          : value.filter((id) => id !== server.id),
                      )
                    }
                  />
                  <span className="font-medium">{server.name}</span>
                  {member ? (
                    <Badge variant="success">
                      <CheckIcon aria-hidden="true" />
                      {t("policyForm.servers.inThis")}
                    </Badge>
                  ) : null}
                  {other ? (
                    <Badge variant="warning">
                      <ArrowRightLeftIcon aria-hidden="true" />
                      {t("policyForm.servers.inOther", { policy: other.name })}
                    </Badge>
                  ) : null}
                  {!server.protectable ? (
                    <span className="flex basis-full items-start gap-1 pl-7 text-muted-foreground text-xs">
                      <BanIcon className="mt-0.5 size-3 shrink-0" aria-hidden="true" />
                      {t("policyForm.servers.cannot", {
                        reason: server.reason ?? server.reasonCode ?? "",
                      })}
                    </span>
                  ) : null}
                </label>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

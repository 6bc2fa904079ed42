"use client";

import { CircleAlertIcon, ServerIcon } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { useT } from "@/lib/i18n/i18n-provider";
import type { MessageKey } from "@/lib/i18n/messages";
import type { CandidateServerView } from "@/lib/schemas/restore";
import { cn } from "@/lib/utils";

type ServerStepProps = {
  servers: CandidateServerView[];
  selected: string | undefined;
  onSelect: (serverId: string) => void;
};

/**
 * Step 2: every server as a radio option. Ineligible ones stay in the list, disabled, with their
 * reasons, so that nobody wonders where a server went.
 */
export function ServerStep({ servers, selected, onSelect }: ServerStepProps) {
  const t = useT();
  return (
    <section aria-labelledby="restore-server-heading" className="grid gap-3">
      <div>
        <h2 id="restore-server-heading" className="font-semibold text-lg">
          {t("restore.server.heading")}
        </h2>
        <p className="text-muted-foreground text-sm">{t("restore.server.hint")}</p>
      </div>
      <div
        role="radiogroup"
        aria-labelledby="restore-server-heading"
        className="grid gap-2 md:grid-cols-2"
      >
        {servers.map((server) => {
          const eligible = server.reasons.length === 0;
          const checked = server.id === selected;
          return (
            <label
              key={server.id}
              data-testid="restore-server-option"
              data-eligible={eligible}
              className={cn(
                "flex min-h-14 cursor-pointer items-start gap-3 rounded-lg border p-3 transition-colors has-[:focus-visible]:ring-[3px] has-[:focus-visible]:ring-ring/60",
                checked && "border-primary bg-primary/5",
                !eligible && "cursor-not-allowed bg-muted/40 text-muted-foreground",
              )}
            >
              <input
                type="radio"
                name="restore-target-server"
                value={server.id}
                checked={checked}
                disabled={!eligible}
                onChange={() => onSelect(server.id)}
                className="mt-1 size-4 shrink-0 accent-primary"
                aria-describedby={eligible ? undefined : `reasons-${server.id}`}
              />
              <ServerIcon aria-hidden="true" className="mt-0.5 size-5 shrink-0" />
              <span className="grid min-w-0 flex-1 gap-1">
                <span className="flex flex-wrap items-center gap-2">
                  <span className={cn("font-medium", eligible && "text-foreground")}>
                    {server.name}
                  </span>
                  {server.original ? (
                    <Badge variant="info">{t("restore.server.original")}</Badge>
                  ) : null}
                  {!eligible ? (
                    <Badge variant="muted">{t("restore.server.ineligible")}</Badge>
                  ) : null}
                </span>
                <span className="flex flex-wrap gap-x-3 text-muted-foreground text-xs">
                  <span>{server.status}</span>
                  {server.availabilityZone ? <span>{server.availabilityZone}</span> : null}
                  <span className="tabular-nums">
                    {t("restore.server.disks", { count: server.volumeCount })}
                  </span>
                </span>
                {!eligible ? (
                  <ul id={`reasons-${server.id}`} className="grid gap-0.5 text-xs">
                    {server.reasons.map((reason) => (
                      <li key={reason} className="flex items-start gap-1.5 text-warning">
                        <CircleAlertIcon aria-hidden="true" className="mt-px size-3.5 shrink-0" />
                        <span className="text-foreground/80">
                          {t(`restore.server.reason.${reason}` as MessageKey, {
                            status: server.status,
                            zone: server.availabilityZone ?? "",
                          })}
                        </span>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </span>
            </label>
          );
        })}
      </div>
    </section>
  );
}

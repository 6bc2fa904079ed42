"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { CircleAlertIcon } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { toast } from "sonner";
import { PageHeader } from "@/components/layout/page-header";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { isApiError } from "@/lib/api/errors";
import {
  restoreContextQuery,
  restoreKeys,
  restorePreflightQuery,
  restoreStatusQuery,
  restoreTargetQuery,
  useSubmitRestore,
} from "@/lib/api/restore";
import { useT } from "@/lib/i18n/i18n-provider";
import { checkRestore, defaultMapping } from "@/lib/restore";
import {
  mappingList,
  parseWizardParams,
  ruleBackup,
  ruleTarget,
  type WizardState,
  type WizardStep,
  wizardSearchParams,
} from "@/lib/schemas/restore";
import { BackupStep } from "./backup-step";
import { MappingStep, type RowRefusal } from "./mapping-step";
import { ProgressStep } from "./progress-step";
import { type PreflightView, ReviewStep } from "./review-step";
import { ServerStep } from "./server-step";
import { useLeaveGuard } from "./use-leave-guard";
import { newWizardKey } from "./wizard-key";
import { WizardSteps } from "./wizard-steps";

/**
 * The restore wizard. The URL holds the step and every choice (server, mapping, power-on) and the
 * wizard's idempotency key, so a reload or a second tab of the same URL continues the same restore
 * and can never start a second one.
 */
export function RestoreWizard({ backupId }: { backupId: string }) {
  const t = useT();
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const queryClient = useQueryClient();
  const state = useMemo(() => parseWizardParams(new URLSearchParams(search.toString())), [search]);
  // The newest choices, ahead of the URL while a replace is on its way: a quick second change must
  // build on the first, not on the URL the first has not reached yet.
  const latest = useRef(state);
  const written = useRef<string | null>(null);
  useEffect(() => {
    const current = search.toString();
    if (written.current === null || written.current === current) {
      latest.current = state;
      written.current = null;
    }
  }, [state, search]);

  const update = useCallback(
    (patch: Partial<WizardState>) => {
      const next = { ...latest.current, ...patch };
      latest.current = next;
      const query = wizardSearchParams(next).toString();
      written.current = query;
      router.replace(`${pathname}?${query}`, { scroll: false });
    },
    [router, pathname],
  );

  useEffect(() => {
    if (!state.key) update({ key: newWizardKey() });
  }, [state.key, update]);

  const context = useQuery(restoreContextQuery(state.service, backupId));
  const backup = context.data?.backup;
  const servers = context.data?.servers ?? [];
  const serverId = state.serverId;
  const server = servers.find((s) => s.id === serverId);
  const target = useQuery({ ...restoreTargetQuery(serverId ?? ""), enabled: !!serverId });
  const volumes = target.data?.volumes ?? [];
  const disks = backup?.disks ?? [];

  // Only the disks of this backup count; anything else in the URL is ignored.
  const mapping = useMemo(() => {
    const known = new Set(disks.map((d) => d.id));
    return Object.fromEntries(Object.entries(state.mapping).filter(([b]) => known.has(b)));
  }, [disks, state.mapping]);
  const mappings = useMemo(() => mappingList(disks, mapping), [disks, mapping]);

  // The defaults, once per chosen server, when nothing is chosen yet.
  const defaultedFor = useRef<string | null>(null);
  useEffect(() => {
    if (!backup || !serverId || !target.data || target.data.server.id !== serverId) return;
    if (defaultedFor.current === serverId) return;
    defaultedFor.current = serverId;
    if (Object.keys(mapping).length > 0) return;
    const proposed = defaultMapping(ruleBackup(backup), ruleTarget(serverId, target.data.volumes));
    if (proposed.length > 0) {
      update({ mapping: Object.fromEntries(proposed.map((m) => [m.backupId, m.volumeId])) });
    }
  }, [backup, serverId, target.data, mapping, update]);

  const violations = useMemo(
    () =>
      backup && serverId && target.data
        ? checkRestore({
            backup: ruleBackup(backup),
            target: ruleTarget(serverId, target.data.volumes),
            mappings,
          })
        : [],
    [backup, serverId, target.data, mappings],
  );

  const refused = !!backup?.refusal;
  const serverOk = !!server && server.reasons.length === 0;
  const step: WizardStep =
    state.step === 5 && state.key
      ? 5
      : refused
        ? 1
        : !serverOk
          ? (Math.min(state.step, 2) as WizardStep)
          : state.step === 5
            ? 4
            : state.step;
  const reachable: WizardStep = refused ? 1 : !serverOk ? 2 : violations.length > 0 ? 3 : 4;

  const preflightBody = { backupId, serverId: serverId ?? "", mappings };
  const wantPreflight =
    step === 4 &&
    state.service === "csbs" &&
    !!serverId &&
    violations.length === 0 &&
    !!target.data;
  const preflight = useQuery({ ...restorePreflightQuery(preflightBody), enabled: wantPreflight });
  const preflightView: PreflightView =
    state.service === "cbr"
      ? { kind: "none" }
      : preflight.data
        ? { kind: "answer", answer: preflight.data }
        : preflight.error
          ? { kind: "error", message: preflight.error.message }
          : { kind: "running" };

  const [refusal, setRefusal] = useState<RowRefusal | null>(null);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const submitMutation = useSubmitRestore();
  // A ref, not state: a second click in the same frame must see the first one at once.
  const inFlight = useRef(false);

  // Another tab of this wizard (or this one before a reload) may have submitted already: the key
  // then has a restore, and this tab follows it instead of offering to send it again.
  const existing = useQuery({
    ...restoreStatusQuery(state.key ?? ""),
    enabled: !!state.key && state.step < 5,
    retry: false,
    refetchInterval: false,
    refetchOnWindowFocus: true,
  });
  useEffect(() => {
    if (existing.data && latest.current.step < 5) update({ step: 5 });
  }, [existing.data, update]);

  const leaveMessage = t("restore.leaveConfirm");
  useLeaveGuard(step > 1 && step < 5, leaveMessage);

  // Keyboard and screen-reader users land on the new step's content.
  const panel = useRef<HTMLDivElement>(null);
  const shownStep = useRef(step);
  useEffect(() => {
    if (shownStep.current === step) return;
    shownStep.current = step;
    panel.current?.focus();
  }, [step]);

  const submit = async () => {
    if (inFlight.current || !state.key || !serverId || !backup) return;
    inFlight.current = true;
    setSubmitError(null);
    setRefusal(null);
    const serverName = server?.name ?? serverId;
    // The progress step says "submitting" at once; a refusal brings the user back to its place.
    update({ step: 5 });
    try {
      const status = await submitMutation.mutateAsync({
        key: state.key,
        service: state.service,
        backupId,
        serverId,
        powerOn: state.powerOn,
        mappings,
      });
      queryClient.setQueryData(restoreKeys.status(state.key), status);
      if (status.state === "running") {
        toast.success(t("restore.toast.started", { server: serverName }));
      }
      update({ step: 5 });
    } catch (error) {
      if (!isApiError(error) || error.status === 0 || error.status >= 500) {
        // No answer: the console may have it. Follow the key; it says if nothing arrived.
        update({ step: 5 });
      } else if (error.field?.startsWith("mappings.")) {
        setRefusal({ backupId: error.field.slice("mappings.".length), message: error.message });
        update({ step: 3 });
      } else {
        setSubmitError(t("restore.submit.refused", { message: error.message }));
        update({ step: 4 });
      }
    } finally {
      inFlight.current = false;
    }
  };

  const cancel = () => {
    if (step > 1 && step < 5 && !window.confirm(leaveMessage)) return;
    router.push("/backups");
  };

  const title = backup ? t("restore.title", { name: backup.name }) : t("restore.titleLoading");

  if (context.isPending) {
    return (
      <div aria-busy="true">
        <PageHeader title={t("restore.titleLoading")} />
        <Skeleton className="mb-6 h-12 w-full" />
        <Skeleton className="h-64 w-full" />
      </div>
    );
  }
  if (context.isError || !backup) {
    return (
      <div>
        <PageHeader title={t("restore.titleLoading")} />
        <Alert variant="destructive">
          <CircleAlertIcon aria-hidden="true" />
          <AlertDescription className="grid gap-3">
            <span>{t("restore.loadError", { message: context.error?.message ?? "" })}</span>
            <span className="flex gap-2">
              <Button type="button" variant="outline" onClick={() => void context.refetch()}>
                {t("common.retry")}
              </Button>
              <Button asChild variant="ghost">
                <Link href="/backups">{t("restore.progress.toBackups")}</Link>
              </Button>
            </span>
          </AlertDescription>
        </Alert>
      </div>
    );
  }

  const next = () => {
    if (step === 1) update({ step: 2, serverId: serverId ?? originalEligible(servers) });
    else if (step === 2) update({ step: 3 });
    else if (step === 3) update({ step: 4 });
  };
  const nextDisabled =
    (step === 1 && refused) ||
    (step === 2 && !serverOk) ||
    (step === 3 && (!target.data || violations.length > 0));

  return (
    <div className="mx-auto max-w-5xl">
      <PageHeader title={title} />
      <WizardSteps current={step} reachable={reachable} onSelect={(s) => update({ step: s })} />
      <div ref={panel} tabIndex={-1} className="outline-none">
        {step === 1 ? <BackupStep backup={backup} /> : null}
        {step === 2 ? (
          <ServerStep
            servers={servers}
            selected={serverId}
            onSelect={(id) => {
              if (id === serverId) return;
              defaultedFor.current = null;
              setRefusal(null);
              update({ serverId: id, mapping: {} });
            }}
          />
        ) : null}
        {step === 3 || step === 4 ? (
          target.isError ? (
            <Alert variant="destructive">
              <CircleAlertIcon aria-hidden="true" />
              <AlertDescription>
                {t("restore.targetError", { message: target.error.message })}
              </AlertDescription>
            </Alert>
          ) : !target.data ? (
            <div aria-busy="true" className="grid gap-3">
              <p className="text-muted-foreground text-sm">
                {t("restore.mapping.loading", { server: server?.name ?? "" })}
              </p>
              <Skeleton className="h-20 w-full" />
              <Skeleton className="h-20 w-full" />
            </div>
          ) : step === 3 ? (
            <MappingStep
              serverName={server?.name ?? ""}
              disks={disks}
              volumes={volumes}
              mapping={mapping}
              violations={violations}
              refusal={refusal}
              onChange={(backupId, volumeId) => {
                setRefusal(null);
                const nextMapping = { ...mapping };
                if (volumeId) nextMapping[backupId] = volumeId;
                else delete nextMapping[backupId];
                update({ mapping: nextMapping });
              }}
              onReset={() => {
                if (!serverId || !target.data) return;
                setRefusal(null);
                const proposed = defaultMapping(
                  ruleBackup(backup),
                  ruleTarget(serverId, target.data.volumes),
                );
                update({
                  mapping: Object.fromEntries(proposed.map((m) => [m.backupId, m.volumeId])),
                });
              }}
            />
          ) : (
            <ReviewStep
              serverName={server?.name ?? ""}
              disks={disks}
              volumes={volumes}
              mapping={mapping}
              violations={violations}
              powerOn={state.powerOn}
              onPowerOn={(on) => update({ powerOn: on })}
              preflight={preflightView}
              submitting={submitMutation.isPending}
              submitError={submitError}
              onSubmit={() => void submit()}
            />
          )
        ) : null}
        {step === 5 && state.key ? (
          <ProgressStep
            wizardKey={state.key}
            service={state.service}
            backupId={backupId}
            serverId={serverId ?? backup.serverId}
            serverName={server?.name ?? backup.serverName}
            submitting={submitMutation.isPending}
            onNotReceived={() => update({ step: 4 })}
          />
        ) : null}
      </div>
      {step < 5 ? (
        <div className="mt-8 flex flex-wrap items-center justify-between gap-3 border-t pt-4">
          <Button type="button" variant="ghost" onClick={cancel}>
            {t("restore.cancel")}
          </Button>
          <div className="flex gap-2">
            {step > 1 ? (
              <Button
                type="button"
                variant="outline"
                onClick={() => update({ step: (step - 1) as WizardStep })}
              >
                {t("restore.back")}
              </Button>
            ) : null}
            {step < 4 ? (
              <Button type="button" onClick={next} disabled={nextDisabled}>
                {t("restore.next")}
              </Button>
            ) : null}
          </div>
        </div>
      ) : null}
    </div>
  );
}

function originalEligible(servers: { id: string; original: boolean; reasons: string[] }[]) {
  return servers.find((s) => s.original && s.reasons.length === 0)?.id;
}

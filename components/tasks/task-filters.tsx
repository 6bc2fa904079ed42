"use client";

import { useId } from "react";
import { NativeSelect } from "@/components/data-table/native-select";
import { Label } from "@/components/ui/label";
import { useT } from "@/lib/i18n/i18n-provider";
import {
  TASK_STATUSES,
  TASK_TYPES,
  TASK_WINDOWS,
  type TaskSearch,
  type TaskStatus,
  type TaskType,
  type TaskWindow,
} from "@/lib/schemas/tasks";
import { taskStatusLabel, taskTypeLabel } from "./task-labels";

type Props = {
  search: TaskSearch;
  /** The vaults to choose from (id, name), the chosen one among them. */
  vaults: { id: string; name: string }[];
  onChange: (patch: Partial<TaskSearch>) => void;
};

/** The filters `GET /operation-logs` takes, one value each, applied at once. */
export function TaskFilters({ search, vaults, onChange }: Props) {
  const t = useT();
  const ids = { type: useId(), status: useId(), vault: useId(), window: useId() };
  return (
    <search
      aria-label={t("tasks.filters")}
      className="grid gap-3 rounded-lg border p-3 sm:grid-cols-2 lg:grid-cols-4"
    >
      <div className="grid gap-1">
        <Label htmlFor={ids.type}>{t("tasks.filter.type")}</Label>
        <NativeSelect
          id={ids.type}
          value={search.type ?? ""}
          onChange={(e) =>
            onChange({ type: (e.target.value || undefined) as TaskType | undefined })
          }
        >
          <option value="">{t("tasks.filter.anyType")}</option>
          {TASK_TYPES.map((type) => (
            <option key={type} value={type}>
              {taskTypeLabel(t, type)}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="grid gap-1">
        <Label htmlFor={ids.status}>{t("tasks.filter.status")}</Label>
        <NativeSelect
          id={ids.status}
          value={search.status ?? ""}
          onChange={(e) =>
            onChange({ status: (e.target.value || undefined) as TaskStatus | undefined })
          }
        >
          <option value="">{t("tasks.filter.anyStatus")}</option>
          {TASK_STATUSES.map((status) => (
            <option key={status} value={status}>
              {taskStatusLabel(t, status)}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="grid gap-1">
        <Label htmlFor={ids.vault}>{t("tasks.filter.vault")}</Label>
        <NativeSelect
          id={ids.vault}
          value={search.vault ?? ""}
          onChange={(e) => onChange({ vault: e.target.value || undefined })}
        >
          <option value="">{t("tasks.filter.anyVault")}</option>
          {vaults.map((vault) => (
            <option key={vault.id} value={vault.id}>
              {vault.name}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="grid gap-1">
        <Label htmlFor={ids.window}>{t("tasks.filter.window")}</Label>
        <NativeSelect
          id={ids.window}
          value={search.window}
          onChange={(e) => onChange({ window: e.target.value as TaskWindow })}
        >
          {TASK_WINDOWS.map((window) => (
            <option key={window} value={window}>
              {t(`tasks.window.${window}`)}
            </option>
          ))}
        </NativeSelect>
      </div>
    </search>
  );
}

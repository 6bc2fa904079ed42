"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ChevronsUpDownIcon, FolderIcon, Loader2Icon } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { apiFetch } from "@/lib/api/fetcher";
import { projectsQuery } from "@/lib/api/projects";
import { useT } from "@/lib/i18n/i18n-provider";
import { loginResponseSchema } from "@/lib/schemas/session";
import { useSession } from "./session-provider";

/**
 * The current project and the user's other projects (from IAM). Choosing one re-scopes the
 * session's token, then every view is fetched again for the new project.
 */
export function ProjectSwitcher() {
  const t = useT();
  const { project } = useSession();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [refreshing, startTransition] = useTransition();
  // Fetched when the menu first opens, not on every page load.
  const projects = useQuery({ ...projectsQuery(), enabled: open });
  const switchProject = useMutation({
    mutationFn: async (projectId: string) =>
      loginResponseSchema.parse(
        await apiFetch("/api/auth/project", { method: "POST", body: { projectId } }),
      ),
    onSuccess: async ({ session }) => {
      // Drop every cached answer (they belong to the old project) and refetch what is on screen.
      await queryClient.resetQueries();
      startTransition(() => router.refresh());
      toast.success(t("header.projectSwitched", { name: session.project.name }));
    },
    onError: (error) => {
      toast.error(t("header.projectSwitchFailed", { message: error.message }));
    },
  });
  const busy = switchProject.isPending || refreshing;

  return (
    <DropdownMenu open={open} onOpenChange={setOpen}>
      <DropdownMenuTrigger asChild>
        <Button
          variant="outline"
          className="h-9 min-w-0 max-w-[16rem] justify-between gap-2 px-3"
          aria-label={t("header.switchProject", { name: project.name })}
          aria-busy={busy || undefined}
          disabled={busy}
        >
          {busy ? (
            <Loader2Icon className="animate-spin" aria-hidden="true" />
          ) : (
            <FolderIcon aria-hidden="true" />
          )}
          <span className="hidden text-muted-foreground text-xs sm:inline">
            {t("header.project")}
          </span>
          <span className="truncate font-medium" data-testid="current-project">
            {project.name}
          </span>
          <ChevronsUpDownIcon className="opacity-60" aria-hidden="true" />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="min-w-[14rem]">
        <DropdownMenuLabel>{t("header.projects")}</DropdownMenuLabel>
        {projects.isPending ? (
          <DropdownMenuItem disabled>{t("header.projectsLoading")}</DropdownMenuItem>
        ) : projects.isError ? (
          <DropdownMenuItem
            onSelect={(event) => {
              event.preventDefault();
              void projects.refetch();
            }}
          >
            {t("header.projectsError")} {t("common.retry")}
          </DropdownMenuItem>
        ) : (
          <DropdownMenuRadioGroup
            value={project.id}
            onValueChange={(id) => {
              if (id !== project.id && !busy) switchProject.mutate(id);
            }}
          >
            {projects.data.map((choice) => (
              <DropdownMenuRadioItem key={choice.id} value={choice.id}>
                {choice.name}
              </DropdownMenuRadioItem>
            ))}
          </DropdownMenuRadioGroup>
        )}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

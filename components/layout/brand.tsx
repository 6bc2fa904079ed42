import { ShieldCheckIcon } from "lucide-react";

/** The product name as it heads the sidebar, the drawer and the login page. */
export function Brand({ name, iconOnly = false }: { name: string; iconOnly?: boolean }) {
  return (
    <span className="flex min-w-0 items-center gap-2 font-semibold">
      <span className="flex size-7 shrink-0 items-center justify-center rounded-md bg-primary text-primary-foreground">
        <ShieldCheckIcon className="size-4" aria-hidden="true" />
      </span>
      <span className={iconOnly ? "sr-only" : "leading-tight"}>{name}</span>
    </span>
  );
}

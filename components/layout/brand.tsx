import { ShieldCheckIcon } from "lucide-react";

/** The product name as it heads the sidebar, the drawer and the login page. */
export function Brand({ name }: { name: string }) {
  return (
    <span className="flex items-center gap-2 font-semibold">
      <span className="flex size-7 items-center justify-center rounded-md bg-primary text-primary-foreground">
        <ShieldCheckIcon className="size-4" aria-hidden="true" />
      </span>
      <span className="truncate">{name}</span>
    </span>
  );
}

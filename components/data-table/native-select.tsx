import type * as React from "react";
import { cn } from "@/lib/utils";

/**
 * A plain `<select>` with the inputs' look: filters want the platform's own picker (fast on
 * tablets, typeable on desktops, no portal) rather than a custom listbox.
 */
export function NativeSelect({ className, ...props }: React.ComponentProps<"select">) {
  return (
    <select
      data-slot="native-select"
      className={cn(
        "h-9 w-full min-w-0 rounded-md border border-input bg-background px-2 py-1 text-sm shadow-xs outline-none focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/50 disabled:opacity-50 aria-invalid:border-destructive dark:bg-input/30 touch-target",
        className,
      )}
      {...props}
    />
  );
}

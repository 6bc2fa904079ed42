import { FlaskConicalIcon } from "lucide-react";
import { Badge } from "@/components/ui/badge";

/** Says plainly that the data is simulated, so no one mistakes the demo cloud for a real one. */
export function SimulatorBadge({ label, hint }: { label: string; hint: string }) {
  return (
    <Badge variant="info" title={hint}>
      <FlaskConicalIcon aria-hidden="true" />
      {label}
      <span className="sr-only">: {hint}</span>
    </Badge>
  );
}

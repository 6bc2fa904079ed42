import {
  BanIcon,
  CircleAlertIcon,
  CircleCheckIcon,
  CircleHelpIcon,
  CloudUploadIcon,
  HistoryIcon,
  type LucideIcon,
  Trash2Icon,
} from "lucide-react";
import type { StatusIcon } from "./status-meta";

const ICONS: Record<StatusIcon, LucideIcon> = {
  check: CircleCheckIcon,
  upload: CloudUploadIcon,
  rotate: HistoryIcon,
  trash: Trash2Icon,
  alert: CircleAlertIcon,
  ban: BanIcon,
  help: CircleHelpIcon,
};

export function StatusGlyph({ icon, className }: { icon: StatusIcon; className?: string }) {
  const Icon = ICONS[icon];
  return <Icon aria-hidden="true" className={className} />;
}

// The words of /servers' protection column and of back up now's choice of service
// (components/servers), in both languages; messages.ts merges them into the catalogs. `zh` must
// have exactly `en`'s keys (tsc checks).

const en = {
  "servers.col.protection": "Protection",
  "servers.protection.csbsPolicy": "CSBS policy",
  "servers.protection.vault": "Vault",
  "servers.protection.cbrPolicy": "CBR policy",
  "servers.protection.vaultNoPolicy": ", no policy",
  "servers.protection.disabled": "disabled",
  "servers.protection.none": "Not protected",
  "servers.backupNow.plan": "What is backed up",
  "servers.backupNow.via.cbr": "CBR backup in vault {vault}",
  "servers.backupNow.via.csbs": "CSBS backup",
  "servers.backupNow.via.none": "Cannot be backed up here",
  "servers.backupNow.noService":
    "In no CBR vault, and this project's region offers no CSBS: add the server to a vault to back it up.",
  "servers.backupNow.cbrWholeServer":
    "CBR backs up the whole server: a vault backup cannot leave disks out.",
  "servers.backupNow.cbrNoTags":
    "CBR backups take no tags. Tags can be given when every chosen server is backed up by CSBS.",
  "servers.backupNow.nameHintCbr":
    "At most {max} characters, as CBR takes them: letters, digits, _ and -.",
  "servers.backupNow.cbrName": "CBR takes names of at most {max} characters here.",
  "servers.backupNow.cbrTags":
    "CBR backups take no tags: remove them, or back up the servers in vaults on their own.",
  "servers.backupNow.cbrExclude":
    "CBR cannot leave disks out of a backup: back up the whole server.",
  "servers.backupNow.resultsTitle": "Each server's backup",
  "servers.backupNow.result.cbr": "CBR backup in vault",
  "servers.backupNow.result.csbs": "CSBS backup",
  "servers.backupNow.result.failed": "Not started",
  "servers.backupNow.result.open": "Open the backup",
  "servers.backupNow.result.openList": "Find it among the backups",
  "servers.backupNow.done": "Done",
} as const;

const zh: Record<keyof typeof en, string> = {
  "servers.col.protection": "保护方式",
  "servers.protection.csbsPolicy": "CSBS 备份策略",
  "servers.protection.vault": "存储库",
  "servers.protection.cbrPolicy": "CBR 备份策略",
  "servers.protection.vaultNoPolicy": "，未绑定备份策略",
  "servers.protection.disabled": "已停用",
  "servers.protection.none": "未受保护",
  "servers.backupNow.plan": "备份内容",
  "servers.backupNow.via.cbr": "在存储库 {vault} 中创建 CBR 备份",
  "servers.backupNow.via.csbs": "创建 CSBS 备份",
  "servers.backupNow.via.none": "此处无法备份",
  "servers.backupNow.noService":
    "该云服务器不在任何 CBR 存储库中，且本项目所在区域不提供 CSBS：请先将其加入存储库再备份。",
  "servers.backupNow.cbrWholeServer": "CBR 备份整台云服务器：存储库备份无法排除云硬盘。",
  "servers.backupNow.cbrNoTags":
    "CBR 备份不支持标签。仅当所选云服务器全部由 CSBS 备份时才可添加标签。",
  "servers.backupNow.nameHintCbr": "按 CBR 的要求，最多 {max} 个字符：字母、数字、_ 和 -。",
  "servers.backupNow.cbrName": "此处 CBR 备份名称最多 {max} 个字符。",
  "servers.backupNow.cbrTags": "CBR 备份不支持标签：请删除标签，或将存储库中的云服务器单独备份。",
  "servers.backupNow.cbrExclude": "CBR 备份无法排除云硬盘：请备份整台云服务器。",
  "servers.backupNow.resultsTitle": "各云服务器的备份",
  "servers.backupNow.result.cbr": "CBR 备份，存储库",
  "servers.backupNow.result.csbs": "CSBS 备份",
  "servers.backupNow.result.failed": "未能开始",
  "servers.backupNow.result.open": "查看备份",
  "servers.backupNow.result.openList": "在备份列表中查看",
  "servers.backupNow.done": "完成",
};

export const serverWords = { en, zh };

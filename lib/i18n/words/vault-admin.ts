// The words of vault management on /vaults/{id} (components/vaults/vault-admin-*), in both
// languages; messages.ts merges them into the catalogs. `zh` must have exactly `en`'s keys.

const en = {
  "vaultAdmin.title": "Manage this vault",
  "vaultAdmin.hint":
    "Rename it, grow its capacity, take resources out or delete it. What a change deletes is counted before you confirm.",
  "vaultAdmin.name": "Name",
  "vaultAdmin.nameHint": "1 to 64 letters, digits, _ or -.",
  "vaultAdmin.size": "Capacity (GB)",
  "vaultAdmin.sizeHint":
    "Backups use {used} GB. A capacity can only grow; with auto-expand a full vault grows itself to {expanded} GB.",
  "vaultAdmin.autoExpand": "Auto-expand when full (to 1.25 × the capacity)",
  "vaultAdmin.save": "Save changes",
  "vaultAdmin.saving": "Saving…",
  "vaultAdmin.saved": "Vault {name} saved.",
  "vaultAdmin.nothing": "Nothing has changed.",
  "vaultAdmin.failed": "The vault was not saved: {message}",
  "vaultAdmin.rule.name.empty": "Enter a name.",
  "vaultAdmin.rule.name.tooLong": "At most 64 characters.",
  "vaultAdmin.rule.name.chars": "Use letters, digits, _ and - only.",
  "vaultAdmin.rule.size.notInteger": "Enter whole GB.",
  "vaultAdmin.rule.size.aboveMaximum":
    "Above the largest capacity a vault can have (10,485,760 GB).",
  "vaultAdmin.rule.size.shrink": "A vault's capacity can only grow: at least {current} GB.",
  "vaultAdmin.rule.size.belowUsed": "Below the {used} GB its backups use.",
  "vaults.detail.res.actions": "Actions",
  "vaultAdmin.remove": "Remove",
  "vaultAdmin.removeNamed": "Remove {name} from the vault",
  "vaultAdmin.removeTitle": "Remove {name} from {vault}?",
  "vaultAdmin.removeDanger":
    "Its {backups} backups ({size}) in this vault will be deleted. This cannot be undone, and the resource is no longer backed up by the vault's policy.",
  "vaultAdmin.removeNoBackups":
    "It has no backup in this vault. It will no longer be backed up by the vault's policy.",
  "vaultAdmin.removeLocked":
    "Backup locking is on for this vault: the cloud refuses to remove resources from it.",
  "vaultAdmin.confirmLabel": "Type the vault's name, {vault}, to confirm",
  "vaultAdmin.confirmMismatch": "Type the vault's name exactly.",
  "vaultAdmin.removeConfirm": "Remove and delete {backups} backups",
  "vaultAdmin.removed": "{name} removed; its backups are being deleted.",
  "vaultAdmin.delete": "Delete vault",
  "vaultAdmin.deleteTitle": "Delete the vault {vault}?",
  "vaultAdmin.deleteDanger":
    "All its {backups} backups ({size}) of {resources} resources will be deleted, and no policy will back them up any more. This cannot be undone.",
  "vaultAdmin.deleteConfirm": "Delete the vault and {backups} backups",
  "vaultAdmin.deleted": "Vault {vault} is being deleted with its backups.",
  "vaultAdmin.add": "Add resources",
  "vaultAdmin.addTitle": "Add resources to {vault}",
  "vaultAdmin.addHint":
    "A resource sits in one vault at most. One that another vault holds is moved here with its backups, never copied or taken silently.",
  "vaultAdmin.addList": "Resources that could go into this vault",
  "vaultAdmin.addNone": "Every resource of this type is in this vault already.",
  "vaultAdmin.elsewhere": "In vault {vault}: moving it brings its {backups} backups here.",
  "vaultAdmin.refused": "Cannot be protected: {reason}",
  "vaultAdmin.moveSummary":
    "{count} resources move from other vaults with their {backups} backups; those vaults stop backing them up.",
  "vaultAdmin.addConfirm": "Add {added}, move {moved}",
  "vaultAdmin.addDone": "{added} added, {moved} moved.",
  "vaultAdmin.lock": "Enable backup locking",
  "vaultAdmin.lockTitle": "Lock the backups of {vault} for good?",
  "vaultAdmin.lockDanger":
    "Backup locking cannot be turned off again. Once on: backups made by a policy cannot be deleted until they expire; resources cannot be removed from the vault or moved out of it. Manual backups stay deletable.",
  "vaultAdmin.lockConfirm": "Lock for good",
  "vaultAdmin.locked": "Backup locking is on for {vault}.",
  "vaultAdmin.lockedNote":
    "Backup locking is on: policy backups are kept until they expire, and no resource can leave this vault.",
  "vaultAdmin.cancel": "Cancel",
  "vaultAdmin.working": "Working…",
};

const zh: Record<keyof typeof en, string> = {
  "vaultAdmin.title": "管理此存储库",
  "vaultAdmin.hint": "可重命名、扩容、移除资源或删除存储库。确认之前会列出变更将删除的内容。",
  "vaultAdmin.name": "名称",
  "vaultAdmin.nameHint": "1 到 64 个字母、数字、_ 或 -。",
  "vaultAdmin.size": "容量（GB）",
  "vaultAdmin.sizeHint":
    "备份已使用 {used} GB。容量只能扩大；开启自动扩容后，存储库满时会自动扩容到 {expanded} GB。",
  "vaultAdmin.autoExpand": "容量不足时自动扩容（扩至容量的 1.25 倍）",
  "vaultAdmin.save": "保存更改",
  "vaultAdmin.saving": "正在保存…",
  "vaultAdmin.saved": "存储库 {name} 已保存。",
  "vaultAdmin.nothing": "没有任何更改。",
  "vaultAdmin.failed": "存储库未保存：{message}",
  "vaultAdmin.rule.name.empty": "请输入名称。",
  "vaultAdmin.rule.name.tooLong": "最多 64 个字符。",
  "vaultAdmin.rule.name.chars": "只能使用字母、数字、_ 和 -。",
  "vaultAdmin.rule.size.notInteger": "请输入整数 GB。",
  "vaultAdmin.rule.size.aboveMaximum": "超过存储库的最大容量（10,485,760 GB）。",
  "vaultAdmin.rule.size.shrink": "存储库容量只能扩大：至少 {current} GB。",
  "vaultAdmin.rule.size.belowUsed": "低于备份已使用的 {used} GB。",
  "vaults.detail.res.actions": "操作",
  "vaultAdmin.remove": "移除",
  "vaultAdmin.removeNamed": "从存储库移除 {name}",
  "vaultAdmin.removeTitle": "从 {vault} 移除 {name}？",
  "vaultAdmin.removeDanger":
    "它在此存储库中的 {backups} 个备份（{size}）将被删除，且无法恢复；该资源也不再由存储库的策略备份。",
  "vaultAdmin.removeNoBackups": "它在此存储库中没有备份。移除后不再由存储库的策略备份。",
  "vaultAdmin.removeLocked": "此存储库已开启备份锁定：云服务拒绝从中移除资源。",
  "vaultAdmin.confirmLabel": "输入存储库名称 {vault} 以确认",
  "vaultAdmin.confirmMismatch": "请准确输入存储库名称。",
  "vaultAdmin.removeConfirm": "移除并删除 {backups} 个备份",
  "vaultAdmin.removed": "{name} 已移除，其备份正在删除。",
  "vaultAdmin.delete": "删除存储库",
  "vaultAdmin.deleteTitle": "删除存储库 {vault}？",
  "vaultAdmin.deleteDanger":
    "其中 {resources} 个资源的全部 {backups} 个备份（{size}）将被删除，且不再有策略备份它们。此操作无法撤销。",
  "vaultAdmin.deleteConfirm": "删除存储库及 {backups} 个备份",
  "vaultAdmin.deleted": "存储库 {vault} 及其备份正在删除。",
  "vaultAdmin.add": "添加资源",
  "vaultAdmin.addTitle": "向 {vault} 添加资源",
  "vaultAdmin.addHint":
    "一个资源最多属于一个存储库。已在其他存储库中的资源会连同备份迁移到此处，不会被复制，也不会被悄悄移走。",
  "vaultAdmin.addList": "可加入此存储库的资源",
  "vaultAdmin.addNone": "此类型的所有资源都已在此存储库中。",
  "vaultAdmin.elsewhere": "位于存储库 {vault}：迁移后其 {backups} 个备份一并移到此处。",
  "vaultAdmin.refused": "无法保护：{reason}",
  "vaultAdmin.moveSummary":
    "{count} 个资源将连同 {backups} 个备份从其他存储库迁移过来；原存储库不再备份它们。",
  "vaultAdmin.addConfirm": "添加 {added} 个，迁移 {moved} 个",
  "vaultAdmin.addDone": "已添加 {added} 个，已迁移 {moved} 个。",
  "vaultAdmin.lock": "开启备份锁定",
  "vaultAdmin.lockTitle": "永久锁定 {vault} 的备份？",
  "vaultAdmin.lockDanger":
    "备份锁定开启后无法关闭。开启后：策略生成的备份在过期前不能删除；资源不能从存储库移除或迁出。手动备份仍可删除。",
  "vaultAdmin.lockConfirm": "永久锁定",
  "vaultAdmin.locked": "{vault} 已开启备份锁定。",
  "vaultAdmin.lockedNote": "已开启备份锁定：策略备份保留至过期，资源不能离开此存储库。",
  "vaultAdmin.cancel": "取消",
  "vaultAdmin.working": "正在处理…",
};

export const vaultAdminWords = { en, zh };

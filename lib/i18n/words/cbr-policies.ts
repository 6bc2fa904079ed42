// The words of the CBR policy pages (components/cbr-policies), in both languages; messages.ts
// merges them into the catalogs. `zh` must have exactly `en`'s keys (tsc checks).

const en = {
  "cbrPolicy.projection.title": "What each resource will hold",
  "cbrPolicy.projection.noSchedule": "Choose a schedule to see what the rules keep.",
  "cbrPolicy.projection.grows":
    "No rule deletes anything: each resource gains {count} backups a year, for ever.",
  "cbrPolicy.projection.holds":
    "Once every rule has filled (after {days} days of runs), each resource holds {count} automatic backups.",
  "cbrPolicy.projection.reasons": "Kept as: {reasons}.",
  "cbrPolicy.projection.overlap": "A backup can count for several rules.",
  "cbrPolicy.projection.reason.last": "{count} newest",
  "cbrPolicy.projection.reason.age": "{count} within the days kept",
  "cbrPolicy.projection.reason.day": "{count} daily",
  "cbrPolicy.projection.reason.week": "{count} weekly",
  "cbrPolicy.projection.reason.month": "{count} monthly",
  "cbrPolicy.projection.reason.year": "{count} yearly",
  "cbrPolicy.projection.oldest": "The oldest is then {age} days old.",
  "cbrPolicy.projection.total":
    "{resources} resources in the bound vaults: about {total} backups in all.",
  "cbrPolicy.section.title": "CBR backup policies",
  "cbrPolicy.section.hint":
    "Cloud Backup and Recovery (v3): a policy backs up every resource of the vaults it is bound to.",
  "cbrPolicy.section.csbsTitle": "CSBS backup policies (being retired)",
  "cbrPolicy.section.csbsHint":
    "Cloud Server Backup Service (v1): a policy backs up the servers it lists.",
  "cbrPolicy.section.noCsbs":
    "This project's region does not offer CSBS: back up with CBR policies and vaults above.",
  "cbrPolicy.new": "New CBR policy",
  "cbrPolicy.newTitle": "New CBR backup policy",
  "cbrPolicy.list.label": "CBR backup policies",
  "cbrPolicy.list.empty": "No CBR backup policy yet.",
  "cbrPolicy.list.vaults": "Vaults",
  "cbrPolicy.list.vault": "{vault} ({count} resources)",
  "cbrPolicy.list.noVault": "Bound to no vault",
  "cbrPolicy.list.runsNothing": "Backs up nothing: bind it to a vault",
  "cbrPolicy.retention.withLongTerm": "{base}, plus the latest of each of {periods} ({timezone})",
  "cbrPolicy.longTerm.short.day": "{count} days",
  "cbrPolicy.longTerm.short.week": "{count} weeks",
  "cbrPolicy.longTerm.short.month": "{count} months",
  "cbrPolicy.longTerm.short.year": "{count} years",
  "cbrPolicy.form.generalHint": "The policy's type is backup; it cannot be changed later.",
  "cbrPolicy.form.nameHint": "1 to {max} letters, digits, _, - or Chinese characters.",
  "cbrPolicy.form.enabledHint": "An enabled policy backs up its vaults' resources on its schedule.",
  "cbrPolicy.form.scheduleHint":
    "Choose the times in your zone: CBR stores them in UTC, one rule per time, as the pattern below shows.",
  "cbrPolicy.form.retentionHint":
    "After each run the cloud deletes the policy's backups that no rule keeps. Manual backups are never deleted by a policy.",
  "cbrPolicy.form.countLabel": "Backups kept per resource",
  "cbrPolicy.form.fullInterval": "Full backup every (optional)",
  "cbrPolicy.form.fullIntervalHint":
    "After this many incremental backups the next one is full (1 to {max}); -1 never forces one; empty leaves it to the cloud.",
  "cbrPolicy.longTerm.title": "Long-term retention",
  "cbrPolicy.longTerm.hint":
    "Also keep the latest backup of each of the last N days, weeks, months and years (0: none), on top of the rule on the left.",
  "cbrPolicy.longTerm.notWithDays":
    "The cloud takes long-term retention only with retention by number or permanent retention.",
  "cbrPolicy.longTerm.day": "Daily backups kept",
  "cbrPolicy.longTerm.week": "Weekly backups kept",
  "cbrPolicy.longTerm.month": "Monthly backups kept",
  "cbrPolicy.longTerm.year": "Yearly backups kept",
  "cbrPolicy.longTerm.timezone": "Periods counted in",
  "cbrPolicy.longTerm.timezoneHint":
    "A fixed UTC offset: days, weeks, months and years start at midnight there. It does not follow daylight saving time.",
  "cbrPolicy.error.name": "Enter 1 to {max} letters, digits, _, - or Chinese characters.",
  "cbrPolicy.error.longTerm": "Enter a whole number from {min} to {max}.",
  "cbrPolicy.error.timezone": "Choose an offset such as UTC+08:00.",
  "cbrPolicy.error.fullInterval": "Enter -1 or a whole number from 1 to {max}, or leave it empty.",
  "cbrPolicy.toast.created":
    "Policy {name} created. Bind it to a vault so that it backs something up.",
  "cbrPolicy.vaults.title": "Vaults backed up",
  "cbrPolicy.vaults.noneHint":
    "Bound to no vault: this policy backs up nothing until you bind it to one.",
  "cbrPolicy.vaults.summary":
    "Each run backs up every resource of the vaults below ({resources} resources now). A vault follows one backup policy at a time.",
  "cbrPolicy.vaults.resources": "{count} resources",
  "cbrPolicy.vaults.resourcesUnknown": "Resources not known",
  "cbrPolicy.vaults.bindLabel": "Bind to a vault",
  "cbrPolicy.vaults.pick": "Choose a vault…",
  "cbrPolicy.vaults.option": "{vault} ({count} resources)",
  "cbrPolicy.vaults.choose": "Choose the vault to bind first.",
  "cbrPolicy.vaults.bind": "Bind",
  "cbrPolicy.vaults.bound": "Vault {vault} now follows {name}.",
  "cbrPolicy.vaults.unbind": "Unbind",
  "cbrPolicy.vaults.unbindNamed": "Unbind vault {vault}",
  "cbrPolicy.vaults.unbound": "Vault {vault} no longer follows {name}.",
  "cbrPolicy.vaults.loadError": "Could not load the vaults: {message}",
  "cbrPolicy.unbind.title": "Unbind vault {vault}?",
  "cbrPolicy.unbind.body":
    "{name} will no longer back up its {count} resources: they are unprotected unless another policy is bound. Backups already made stay.",
  "cbrPolicy.delete.unbound": "The policy is bound to no vault. Backups it made stay.",
  "cbrPolicy.delete.bound":
    "It backs up {vaults} vaults ({resources} resources): they will not be backed up any more unless another policy is bound. Backups it made stay.",
} as const;

const zh: Record<keyof typeof en, string> = {
  "cbrPolicy.projection.title": "每个资源将保留的备份",
  "cbrPolicy.projection.noSchedule": "选择调度后即可查看规则保留的备份。",
  "cbrPolicy.projection.grows":
    "没有任何规则删除备份：每个资源每年新增 {count} 个备份，且永不删除。",
  "cbrPolicy.projection.holds":
    "所有规则生效后（执行 {days} 天后），每个资源保留 {count} 个自动备份。",
  "cbrPolicy.projection.reasons": "保留原因：{reasons}。",
  "cbrPolicy.projection.overlap": "一个备份可同时满足多条规则。",
  "cbrPolicy.projection.reason.last": "最新 {count} 个",
  "cbrPolicy.projection.reason.age": "保留天数内 {count} 个",
  "cbrPolicy.projection.reason.day": "按天 {count} 个",
  "cbrPolicy.projection.reason.week": "按周 {count} 个",
  "cbrPolicy.projection.reason.month": "按月 {count} 个",
  "cbrPolicy.projection.reason.year": "按年 {count} 个",
  "cbrPolicy.projection.oldest": "届时最早的备份已有 {age} 天。",
  "cbrPolicy.projection.total": "已绑定存储库中有 {resources} 个资源：共约 {total} 个备份。",
  "cbrPolicy.section.title": "CBR 备份策略",
  "cbrPolicy.section.hint": "云备份（CBR v3）：策略备份其绑定的存储库中的所有资源。",
  "cbrPolicy.section.csbsTitle": "CSBS 备份策略（即将下线）",
  "cbrPolicy.section.csbsHint": "云服务器备份（CSBS v1）：策略备份其列出的云服务器。",
  "cbrPolicy.section.noCsbs": "此项目所在区域不提供 CSBS：请使用上方的 CBR 策略和存储库进行备份。",
  "cbrPolicy.new": "创建 CBR 备份策略",
  "cbrPolicy.newTitle": "创建 CBR 备份策略",
  "cbrPolicy.list.label": "CBR 备份策略",
  "cbrPolicy.list.empty": "还没有 CBR 备份策略。",
  "cbrPolicy.list.vaults": "存储库",
  "cbrPolicy.list.vault": "{vault}（{count} 个资源）",
  "cbrPolicy.list.noVault": "未绑定存储库",
  "cbrPolicy.list.runsNothing": "不会备份任何资源：请绑定存储库",
  "cbrPolicy.retention.withLongTerm": "{base}，另保留 {periods} 中每个周期的最新备份（{timezone}）",
  "cbrPolicy.longTerm.short.day": "最近 {count} 天",
  "cbrPolicy.longTerm.short.week": "最近 {count} 周",
  "cbrPolicy.longTerm.short.month": "最近 {count} 个月",
  "cbrPolicy.longTerm.short.year": "最近 {count} 年",
  "cbrPolicy.form.generalHint": "策略类型为备份，创建后不能更改。",
  "cbrPolicy.form.nameHint": "1 到 {max} 个字母、数字、_、- 或中文字符。",
  "cbrPolicy.form.enabledHint": "启用的策略按调度周期备份其存储库中的资源。",
  "cbrPolicy.form.scheduleHint":
    "按您的时区选择时间：CBR 以 UTC 保存，每个时间一条规则，如下方模式所示。",
  "cbrPolicy.form.retentionHint":
    "每次执行后，云会删除没有任何规则保留的策略备份。手动备份不会被策略删除。",
  "cbrPolicy.form.countLabel": "每个资源保留的备份数",
  "cbrPolicy.form.fullInterval": "全量备份间隔（可选）",
  "cbrPolicy.form.fullIntervalHint":
    "每执行这么多次增量备份后，下一次为全量备份（1 到 {max}）；-1 表示从不强制；留空由云决定。",
  "cbrPolicy.longTerm.title": "长期保留",
  "cbrPolicy.longTerm.hint":
    "在左侧规则之外，另保留最近 N 天、周、月、年中每个周期的最新备份（0 表示不保留）。",
  "cbrPolicy.longTerm.notWithDays": "云只在按数量保留或永久保留时接受长期保留。",
  "cbrPolicy.longTerm.day": "保留的每日备份",
  "cbrPolicy.longTerm.week": "保留的每周备份",
  "cbrPolicy.longTerm.month": "保留的每月备份",
  "cbrPolicy.longTerm.year": "保留的每年备份",
  "cbrPolicy.longTerm.timezone": "周期计算时区",
  "cbrPolicy.longTerm.timezoneHint":
    "固定的 UTC 偏移：天、周、月、年从该偏移的零点开始，不随夏令时变化。",
  "cbrPolicy.error.name": "请输入 1 到 {max} 个字母、数字、_、- 或中文字符。",
  "cbrPolicy.error.longTerm": "请输入 {min} 到 {max} 之间的整数。",
  "cbrPolicy.error.timezone": "请选择一个偏移，例如 UTC+08:00。",
  "cbrPolicy.error.fullInterval": "请输入 -1 或 1 到 {max} 之间的整数，或留空。",
  "cbrPolicy.toast.created": "已创建备份策略 {name}。请将其绑定到存储库，才会执行备份。",
  "cbrPolicy.vaults.title": "备份的存储库",
  "cbrPolicy.vaults.noneHint": "未绑定存储库：绑定之前，此策略不会备份任何资源。",
  "cbrPolicy.vaults.summary":
    "每次执行备份下列存储库中的所有资源（当前 {resources} 个）。一个存储库同时只能绑定一个备份策略。",
  "cbrPolicy.vaults.resources": "{count} 个资源",
  "cbrPolicy.vaults.resourcesUnknown": "资源数未知",
  "cbrPolicy.vaults.bindLabel": "绑定到存储库",
  "cbrPolicy.vaults.pick": "选择存储库…",
  "cbrPolicy.vaults.option": "{vault}（{count} 个资源）",
  "cbrPolicy.vaults.choose": "请先选择要绑定的存储库。",
  "cbrPolicy.vaults.bind": "绑定",
  "cbrPolicy.vaults.bound": "存储库 {vault} 已绑定 {name}。",
  "cbrPolicy.vaults.unbind": "解绑",
  "cbrPolicy.vaults.unbindNamed": "解绑存储库 {vault}",
  "cbrPolicy.vaults.unbound": "存储库 {vault} 已解绑 {name}。",
  "cbrPolicy.vaults.loadError": "无法加载存储库：{message}",
  "cbrPolicy.unbind.title": "解绑存储库 {vault}？",
  "cbrPolicy.unbind.body":
    "{name} 将不再备份其 {count} 个资源：除非绑定其他策略，它们将不受保护。已有的备份会保留。",
  "cbrPolicy.delete.unbound": "此策略未绑定存储库。它创建的备份会保留。",
  "cbrPolicy.delete.bound":
    "它备份 {vaults} 个存储库（{resources} 个资源）：除非绑定其他策略，这些资源将不再被备份。它创建的备份会保留。",
};

export const cbrPolicyWords = { en, zh };

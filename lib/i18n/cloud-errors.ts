/**
 * Plain words for the cloud's error codes, in the console's languages: every CSBS code of §6.2 of
 * the CSBS reference (seeds/003), the CBR codes the console meets (OTC CBR error code appendix),
 * the API gateway's token/signature codes, and the codes lib/cloud gives to failures that carry
 * no cloud code. Each says what happened and what to do, without the cloud's internals.
 */
type Words = { en: string; zh: string };

const csbs: Record<string, Words> = {
  "CSBS.0001": {
    en: "The maximum number of backup policies has been reached. Delete a policy you no longer need and try again.",
    zh: "备份策略数量已达上限。请删除不再需要的备份策略后重试。",
  },
  "CSBS.0002": {
    en: "The server's disks come from different storage types. Use disks of one storage type.",
    zh: "服务器的磁盘来自不同的存储类型。请使用同一种存储类型的磁盘。",
  },
  "CSBS.1001": {
    en: "A manual backup of this policy is already running. Wait for it to finish, then run the backup again.",
    zh: "该备份策略有手动备份任务正在执行。请等待其完成后重新执行备份。",
  },
  "CSBS.1002": {
    en: "The selected server is already being backed up. Wait for that backup to finish and try again.",
    zh: "所选云服务器正在备份中。请等待备份完成后重试。",
  },
  "CSBS.2001": {
    en: "A task of this backup policy is still running. Wait for it to finish and try again.",
    zh: "该备份策略有正在执行的任务。请等待任务完成后重试。",
  },
  "CSBS.2003": {
    en: "The selected backup is being created, restored or deleted. Wait for that task to finish and try again.",
    zh: "所选备份正在备份、恢复或删除中。请等待任务完成后重试。",
  },
  "CSBS.2004": {
    en: "The selected backup policy is running a backup. Wait for it to finish and try again.",
    zh: "所选备份策略正在执行备份。请等待任务完成后重试。",
  },
  "CSBS.3000": {
    en: "The backup policy does not exist. It may have been deleted; refresh the list.",
    zh: "备份策略不存在，可能已被删除。请刷新列表。",
  },
  "CSBS.3001": {
    en: "The backup does not exist. It may have been deleted; refresh the list.",
    zh: "备份不存在，可能已被删除。请刷新列表。",
  },
  "CSBS.4000": {
    en: "This backup cannot be used for a restore in its current state. Wait a while and try again, or contact support.",
    zh: "当前备份的状态不支持恢复。请稍后重试或联系技术支持。",
  },
  "CSBS.5001": {
    en: "The backup policy could not be stopped. Check the policy's state and try again.",
    zh: "停止备份策略失败。请确认备份策略的状态后重试。",
  },
  "CSBS.6000": {
    en: "The server does not exist. Check that it has not been deleted.",
    zh: "云服务器不存在。请确认云服务器是否已被删除。",
  },
  "CSBS.6001": {
    en: "The server has been terminated. Check the server's state.",
    zh: "云服务器已终止。请确认云服务器的状态。",
  },
  "CSBS.6003": {
    en: "Only cloud servers can be backed up. Choose a cloud server for the policy.",
    zh: "当前仅支持备份云服务器。请选择云服务器加入备份策略。",
  },
  "CSBS.6004": {
    en: "The server already belongs to a backup policy and cannot be added to another one.",
    zh: "云服务器已在一个备份策略中，不能再加入其他备份策略。",
  },
  "CSBS.6005": {
    en: "The server cannot be backed up in its current state. Make sure it is in a normal state and try again.",
    zh: "云服务器在当前状态下不支持备份。请确保云服务器状态正常后重试。",
  },
  "CSBS.6006": {
    en: "This type of server cannot be backed up. Choose a server of a supported type.",
    zh: "该类型的云服务器不支持备份。请选择支持的云服务器类型。",
  },
  "CSBS.6007": {
    en: "The server has no disks attached, so it cannot be backed up. Attach a disk first.",
    zh: "云服务器没有挂载云硬盘，不支持备份。请先挂载云硬盘。",
  },
  "CSBS.6010": {
    en: "The server has a shared disk, which cannot be backed up. Detach the shared disk and back up again.",
    zh: "云服务器含有共享云硬盘，不支持备份。请移除共享云硬盘后再执行备份。",
  },
  "CSBS.6013": {
    en: "Only cloud servers can be restored. Choose a cloud server as the target.",
    zh: "当前仅支持恢复云服务器。请选择云服务器执行恢复。",
  },
  "CSBS.6014": {
    en: "A chosen disk is not attached to the target server. Choose disks attached to the server you restore.",
    zh: "指定的云硬盘没有挂载在待恢复的云服务器上。请选择挂载在该云服务器上的磁盘。",
  },
  "CSBS.6015": {
    en: "The server cannot be restored in its current state. Make sure it is in a normal state and try again.",
    zh: "云服务器在当前状态下不支持恢复。请确保云服务器状态正常后重试。",
  },
  "CSBS.6016": {
    en: "This type of server cannot be restored. Choose a server of a supported type.",
    zh: "该类型的云服务器不支持恢复。请选择支持的云服务器类型。",
  },
  "CSBS.6017": {
    en: "A chosen disk backup is not part of this backup. Choose disk backups from the selected backup.",
    zh: "指定的磁盘备份不在所选备份中。请选择该备份中的磁盘备份执行恢复。",
  },
  "CSBS.6018": {
    en: "Partial restore is not supported: map every disk backup of this backup to a target disk.",
    zh: "不支持部分恢复。请为该备份中的每个磁盘备份指定目标磁盘。",
  },
  "CSBS.6019": {
    en: "The target server is not of the same type as the original server. Choose a target server of the same type.",
    zh: "目标云服务器与原云服务器类型不一致。请选择类型一致的目标云服务器。",
  },
  "CSBS.6020": {
    en: "The target server has no disks attached, so it cannot be restored. Attach disks first.",
    zh: "目标云服务器没有挂载云硬盘，不支持恢复。请先挂载云硬盘。",
  },
  "CSBS.6021": {
    en: "A disk backup cannot be restored to a shared disk. Choose a disk of the server that is not shared.",
    zh: "不能将磁盘备份恢复到共享云硬盘。请选择云服务器的非共享磁盘。",
  },
  "CSBS.6023": {
    en: "A data disk backup cannot be restored to the system disk. Restore it to a data disk.",
    zh: "不能将数据盘的备份恢复到系统盘。请将其恢复到数据盘。",
  },
  "CSBS.6024": {
    en: "A target disk is smaller than its disk backup. Expand the disk, or choose a larger one.",
    zh: "目标磁盘的容量小于磁盘备份。请扩容该磁盘，或选择容量更大的磁盘。",
  },
  "CSBS.6025": {
    en: "A restore between the backup's availability zone and the server's is not supported. Ask your administrator to configure the zones.",
    zh: "备份所在的可用分区与云服务器所在的可用分区之间不支持恢复。请联系管理员配置可用分区。",
  },
  "CSBS.6027": {
    en: "Backups are not supported in the availability zone of this server. Ask your administrator to configure the zone.",
    zh: "云服务器所在的可用分区不支持备份。请联系管理员配置可用分区。",
  },
  "CSBS.6030": {
    en: "A scheduled backup of this policy is running. Wait for it to finish, then run the backup again.",
    zh: "该备份策略有自动备份任务正在执行。请等待其完成后重新执行备份。",
  },
  "CSBS.6031": {
    en: "A manual copy of this policy is running. Wait for it to finish, then run the copy again.",
    zh: "该备份策略有手动复制任务正在执行。请等待其完成后重新执行复制。",
  },
  "CSBS.6032": {
    en: "The policy has no server that can be backed up now. Add servers, or wait until its servers can be backed up again.",
    zh: "备份策略中没有可以备份的云服务器。请添加云服务器，或等待已添加的云服务器恢复可备份状态。",
  },
  "CSBS.6033": {
    en: "Servers with disks on dedicated storage cannot be backed up.",
    zh: "挂载了专属存储磁盘的云服务器不支持备份。",
  },
  "CSBS.6040": {
    en: "The backup task to delete does not exist. Refresh the list.",
    zh: "要删除的备份任务不存在。请刷新列表。",
  },
  "CSBS.6061": {
    en: "A disk of this server does not support backup or restore. Leave that disk out and back up again.",
    zh: "该服务器的磁盘不支持备份或恢复。请排除不支持的磁盘后重新备份。",
  },
  "CSBS.8001": {
    en: "An image cannot be created from the backup in its current state. Wait a while and try again.",
    zh: "备份在当前状态下不支持创建镜像。请稍后重试或联系技术支持。",
  },
  "CSBS.8007": {
    en: "This backup has been registered as an image and cannot be deleted. Delete the image first.",
    zh: "该备份已创建为镜像，无法删除。请先删除对应的镜像。",
  },
  "CSBS.8008": {
    en: "The state of this backup cannot be read. Check that the backup still exists.",
    zh: "无法查询该备份的状态。请确认该备份是否存在。",
  },
  "CSBS.8009": {
    en: "The backup has no system disk, so no image can be created from it.",
    zh: "该备份不含系统盘，无法创建镜像。",
  },
  "CSBS.9001": {
    en: "Some parameters are not valid. Check what you entered.",
    zh: "参数校验失败。请检查输入的参数。",
  },
  "CSBS.9006": {
    en: "The backup quota is used up. Delete backups you no longer need, or ask your administrator for a larger quota.",
    zh: "配额不足。请删除不再使用的备份，或联系管理员提高配额。",
  },
  "CSBS.9007": {
    en: "A backup policy with this name already exists. Choose another name.",
    zh: "备份策略名称已存在。请修改名称后重试。",
  },
  "CSBS.9008": {
    en: "Only an available backup can be used to create a server. Wait until the backup is available.",
    zh: "只有“可用”状态的备份才能创建云服务器。请确认备份为可用状态。",
  },
  // The reference gives this code two meanings (403 and 400): the words cover both.
  "CSBS.9009": {
    en: "The request was refused: either the account has not completed real-name verification, or the reduced backup space would be smaller than the space already used.",
    zh: "请求被拒绝：帐号未完成实名认证，或减少后的备份空间小于已使用的空间。",
  },
  "CSBS.9998": {
    en: "The backup service does not support this yet. Try again later or contact support.",
    zh: "服务暂不支持该操作。请稍后重试或联系技术支持。",
  },
  "CSBS.9999": {
    en: "The backup service had an internal error. Try again later or contact support.",
    zh: "备份服务内部错误。请稍后重试或联系技术支持。",
  },
};

const cbr: Record<string, Words> = {
  "BackupService.0001": {
    en: "No resource could be backed up. Check the resources of the vault.",
    zh: "没有可以备份的资源。请检查存储库中的资源。",
  },
  "BackupService.0002": {
    en: "The resources are already being backed up. Wait for that backup to finish.",
    zh: "资源正在备份中。请等待备份完成。",
  },
  "BackupService.2001": {
    en: "A disk of the server is smaller than its backup. Expand the disk or choose a larger one.",
    zh: "服务器上的磁盘容量小于备份。请扩容磁盘或选择容量更大的磁盘。",
  },
  "BackupService.2002": {
    en: "The resource is being backed up. Restore it after the backup finishes.",
    zh: "资源正在备份中。请在备份完成后再恢复。",
  },
  "BackupService.2003": {
    en: "This backup cannot be restored to a different server.",
    zh: "不允许将该备份恢复到其他服务器。",
  },
  "BackupService.2005": {
    en: "The backup cannot be used for a restore in its current state.",
    zh: "当前备份状态不允许恢复。",
  },
  "BackupService.2008": {
    en: "The server cannot be restored in its current state.",
    zh: "当前云服务器状态不允许恢复。",
  },
  "BackupService.2009": {
    en: "The disk type does not allow a restore.",
    zh: "当前磁盘类型不允许恢复。",
  },
  "BackupService.2010": {
    en: "The resource is already being restored. Wait for that restore to finish.",
    zh: "资源正在恢复中。请等待恢复完成。",
  },
  "BackupService.2011": {
    en: "A disk cannot be restored in its current state.",
    zh: "当前磁盘状态不允许恢复。",
  },
  "BackupService.2012": {
    en: "Some of the disks cannot be restored.",
    zh: "部分磁盘不允许恢复。",
  },
  "BackupService.2013": {
    en: "A data disk backup cannot be restored to a system disk.",
    zh: "不能将数据盘的备份恢复到系统盘。",
  },
  "BackupService.6102": {
    en: "The vault does not support this type of resource.",
    zh: "存储库不支持该类型的资源。",
  },
  "BackupService.6105": {
    en: "The vault does not exist. It may have been deleted; refresh the list.",
    zh: "存储库不存在，可能已被删除。请刷新列表。",
  },
  "BackupService.6112": {
    en: "The vault is busy or not available: wait until its running tasks (backups being made, restored or deleted) end, then try again.",
    zh: "存储库正忙或不可用：请等待其正在执行的任务（备份、恢复或删除）结束后重试。",
  },
  "BackupService.6113": {
    en: "The vault cannot take backups in its current state.",
    zh: "当前存储库状态不允许备份。",
  },
  "BackupService.6114": {
    en: "The vault is full. Expand the vault or delete backups you no longer need.",
    zh: "存储库容量已满。请扩容存储库或删除不再需要的备份。",
  },
  "BackupService.6127": {
    en: "This policy cannot be applied to this vault: a vault follows at most one policy of each type, and a replication policy needs a destination vault.",
    zh: "该策略不能应用于此存储库：一个存储库每种类型最多应用一个策略，复制策略还需要目标存储库。",
  },
  "BackupService.6135": {
    en: "The resource is not in the vault.",
    zh: "该资源不在存储库中。",
  },
  "BackupService.6200": {
    en: "The backup does not exist. It may have been deleted; refresh the list.",
    zh: "备份不存在，可能已被删除。请刷新列表。",
  },
  "BackupService.6201": {
    en: "This backup cannot be deleted now: it is in use, its vault is locked or unavailable, or a newer backup of the same resource is running.",
    zh: "当前无法删除此备份：备份正在使用、存储库已锁定或不可用，或同一资源的新备份正在进行。",
  },
  "BackupService.6202": {
    en: "Backups can be restored only while their vault is available.",
    zh: "只有存储库处于可用状态时才能使用备份恢复。",
  },
  "BackupService.6217": {
    en: "The restore point does not exist. Refresh the list.",
    zh: "备份还原点不存在。请刷新列表。",
  },
  "BackupService.6220": {
    en: "Backup locking keeps this policy backup until it expires: it cannot be deleted before then.",
    zh: "备份锁定会保留此策略备份直到其过期：在此之前不能删除。",
  },
  "BackupService.6500": {
    en: "The task does not exist. Refresh the list.",
    zh: "任务不存在。请刷新列表。",
  },
  "BackupService.7000": {
    en: "The disk does not exist.",
    zh: "磁盘不存在。",
  },
  "BackupService.7003": {
    en: "The disk cannot be backed up in its current state.",
    zh: "当前磁盘状态不允许备份。",
  },
  "BackupService.7100": {
    en: "The server does not exist.",
    zh: "云服务器不存在。",
  },
  "BackupService.7101": {
    en: "The server cannot be backed up in its current state.",
    zh: "当前云服务器状态不允许备份。",
  },
  "BackupService.7106": {
    en: "Shared disks cannot be backed up.",
    zh: "共享磁盘不支持备份。",
  },
  "BackupService.7108": {
    en: "A server without disks cannot be backed up.",
    zh: "没有磁盘的云服务器不支持备份。",
  },
  "BackupService.9900": {
    en: "Some parameters are not valid. Check what you entered.",
    zh: "参数校验失败。请检查输入的参数。",
  },
};

/** The API gateway in front of IAM-authenticated services (Huawei/OTC APIG). */
const gateway: Record<string, Words> = {
  "APIG.0301": {
    en: "Your sign-in is no longer accepted by the cloud. Sign in again.",
    zh: "云服务不再接受您的登录凭证。请重新登录。",
  },
  "APIG.0303": {
    en: "The cloud refused the access key signature. Check the configured AK/SK and the server clock.",
    zh: "云服务拒绝了访问密钥签名。请检查配置的 AK/SK 和服务器时钟。",
  },
  "APIG.0307": {
    en: "Your sign-in must be renewed. Sign in again.",
    zh: "登录凭证需要更新。请重新登录。",
  },
};

/** Codes lib/cloud gives to failures without a cloud code (see lib/cloud/errors.ts). */
const local: Record<string, Words> = {
  NETWORK: {
    en: "The cloud cannot be reached. Check the network and try again.",
    zh: "无法连接云服务。请检查网络后重试。",
  },
  TIMEOUT: {
    en: "The cloud did not answer in time. Try again.",
    zh: "云服务未及时响应。请重试。",
  },
  ABORTED: { en: "The request was cancelled.", zh: "请求已取消。" },
  BAD_RESPONSE: {
    en: "The cloud sent an answer the console cannot read. Try again later.",
    zh: "云服务返回了无法识别的响应。请稍后重试。",
  },
  INVALID_PATH: {
    en: "An identifier in the request is not valid.",
    zh: "请求中的标识符无效。",
  },
  NO_ENDPOINT: {
    en: "This service is not available in the current project or region.",
    zh: "当前项目或区域不提供该服务。",
  },
  HTTP_400: {
    en: "The cloud refused the request as invalid.",
    zh: "云服务认为请求无效并拒绝了它。",
  },
  HTTP_401: {
    en: "Your sign-in has expired or is no longer valid. Sign in again.",
    zh: "登录已过期或失效。请重新登录。",
  },
  HTTP_403: {
    en: "You do not have permission for this operation.",
    zh: "您没有执行此操作的权限。",
  },
  HTTP_404: { en: "The item does not exist. Refresh the list.", zh: "对象不存在。请刷新列表。" },
  HTTP_409: {
    en: "The item changed in the meantime. Refresh and try again.",
    zh: "对象已被修改。请刷新后重试。",
  },
  HTTP_429: {
    en: "Too many requests to the cloud. Wait a moment and try again.",
    zh: "对云服务的请求过多。请稍候再试。",
  },
  HTTP_500: {
    en: "The cloud had an internal error. Try again later.",
    zh: "云服务内部错误。请稍后重试。",
  },
  HTTP_502: {
    en: "The cloud is temporarily unavailable. Try again later.",
    zh: "云服务暂时不可用。请稍后重试。",
  },
  HTTP_503: {
    en: "The cloud is temporarily unavailable. Try again later.",
    zh: "云服务暂时不可用。请稍后重试。",
  },
  HTTP_504: {
    en: "The cloud did not answer in time. Try again.",
    zh: "云服务未及时响应。请重试。",
  },
};

const catalog: Record<string, Words> = { ...csbs, ...cbr, ...gateway, ...local };

/** Every code with words, by family (for tests and for the UI's own lookups). */
export const cloudErrorCodes = {
  csbs: Object.keys(csbs),
  cbr: Object.keys(cbr),
  gateway: Object.keys(gateway),
  local: Object.keys(local),
} as const;

/** Plain words for a cloud error code, or undefined when the code is not in the catalog. */
export function cloudErrorMessage(code: string, locale: "en" | "zh"): string | undefined {
  if (!Object.hasOwn(catalog, code)) return undefined;
  return catalog[code]?.[locale];
}

import type { Locale } from "@/lib/i18n/locales";

/**
 * Plain words for the console API's own error codes. Cloud codes have theirs in
 * lib/i18n/cloud-errors.ts; the UI may also translate by code.
 */
const messages: Record<string, Record<Locale, string>> = {
  VALIDATION: { en: "Some input is not valid.", zh: "输入无效。" },
  INVALID_JSON: { en: "The request body is not valid JSON.", zh: "请求内容不是有效的 JSON。" },
  NO_SESSION: { en: "Please sign in.", zh: "请登录。" },
  SESSION_EXPIRED: {
    en: "Your session has ended. Please sign in again.",
    zh: "会话已结束，请重新登录。",
  },
  INVALID_CREDENTIALS: {
    en: "The account, user name or password is wrong.",
    zh: "帐号、用户名或密码错误。",
  },
  UNKNOWN_PROJECT: {
    en: "This project does not exist or you have no access to it.",
    zh: "项目不存在或您无权访问。",
  },
  CSRF: {
    en: "The request did not come from the console and was refused.",
    zh: "请求并非来自控制台，已拒绝。",
  },
  READ_ONLY: {
    en: "Your user can only view: changes are not allowed.",
    zh: "您的用户为只读权限，不允许修改。",
  },
  ACCOUNT_NOT_ALLOWED: {
    en: "This console does not serve this account.",
    zh: "此控制台不服务于该帐号。",
  },
  NOT_FOUND: { en: "Not found.", zh: "未找到。" },
  METHOD_NOT_ALLOWED: { en: "This method is not allowed here.", zh: "不允许此请求方法。" },
  BODY_TOO_LARGE: { en: "The request is too large.", zh: "请求内容过大。" },
  UNSUPPORTED_MEDIA_TYPE: {
    en: "The request must be sent as JSON.",
    zh: "请求必须以 JSON 格式发送。",
  },
  TOO_MANY_ATTEMPTS: {
    en: "Too many failed sign-ins. Wait a moment and try again.",
    zh: "登录失败次数过多，请稍后再试。",
  },
  INTERNAL: {
    en: "Something went wrong in the console. Please try again.",
    zh: "控制台出现错误，请重试。",
  },
  IAM_UNREACHABLE: {
    en: "The identity service (IAM) cannot be reached. Try again later.",
    zh: "无法连接身份认证服务（IAM），请稍后再试。",
  },
  UPSTREAM_ERROR: {
    en: "The cloud service did not answer properly. Try again later.",
    zh: "云服务未正常响应，请稍后再试。",
  },
  UPSTREAM_TIMEOUT: {
    en: "The cloud service took too long to answer. Try again later.",
    zh: "云服务响应超时，请稍后再试。",
  },
  UPSTREAM_REFUSED: {
    en: "The cloud refused the request.",
    zh: "云服务拒绝了该请求。",
  },
};

export function routeErrorMessage(code: string, locale: Locale): string {
  return messages[code]?.[locale] ?? messages.INTERNAL?.[locale] ?? "Error";
}

/** Why a vault refused a policy, when the console found the policy it already follows. */
export function heldByPolicyMessage(policyName: string, locale: Locale): string {
  return locale === "zh"
    ? `它已应用策略“${policyName}”：请先在该策略中解除绑定。`
    : `It follows the policy “${policyName}”: unbind it there first.`;
}

/**
 * zh-CN messages for error answers whose thrower wrote none: Koa's body parser, Strapi's auth and
 * router (see middlewares/error-contract.ts). Chosen by status, and for a 400 by what the parser
 * could not read, so that the person or the calling system learns what to change.
 */
const BY_STATUS: Record<number, string> = {
  400: '请求的内容不正确，无法处理，请检查后重新提交',
  401: '需要有效的身份凭证：请登录，或在 Authorization 请求头中提供 API 令牌（Bearer）',
  403: '没有执行此操作的权限',
  404: '请求的地址或记录不存在',
  405: '此地址不支持该请求方法',
  406: '无法提供所请求格式的内容',
  408: '请求超时，请重新提交',
  409: '与已有的记录冲突',
  411: '请求缺少内容长度',
  413: '提交的内容过大，超过了允许的大小',
  414: '网址过长',
  415: '不支持所提交内容的类型',
  422: '提交的内容无法处理，请检查后重新提交',
  429: '请求过于频繁，请稍后再试',
  431: '请求头过大',
};

/** What Koa's body parser (co-body, secure-json-parse) says when a JSON body is unreadable. */
const UNREADABLE_JSON = /JSON|prototype property|Unexpected (?:token|end)|position \d+/i;
const UNREADABLE_JSON_MESSAGE = '提交的内容不是有效的 JSON 对象或数组，无法读取，请检查格式后重新提交';

export function messageForStatus(status: number, name: unknown, message: unknown): string {
  if (status === 400 && (name === 'SyntaxError' || (typeof message === 'string' && UNREADABLE_JSON.test(message))))
    return UNREADABLE_JSON_MESSAGE;
  if (BY_STATUS[status]) return BY_STATUS[status];
  if (status >= 500) return status === 503 ? '服务暂时不可用，请稍后再试' : '系统出现问题，请稍后再试';
  return '请求未被接受，请检查后重新提交';
}

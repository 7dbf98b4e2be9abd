/**
 * The first version of the site's settings: the system's name and the footer as the seed prints
 * them (seeds/000 §3.2, §3.6: 国家统计局微观数据用户注册申请系统, 版权所有, 地址). The seed gives the
 * address both as 月坛南街9号 and 57号; 57号 is the bureau's. Phone and emails are not in the seed:
 * content editors fill them in the admin (网站设置), and the pages leave out what is empty.
 */
export const seedSiteSettings = {
  systemName: '国家统计局微观数据用户注册申请系统',
  copyright: '中华人民共和国国家统计局',
  address: '北京市西城区月坛南街57号（100826）',
  // Empty, not absent: the admin's inputs warn when a value is null. The emails are strings with a
  // pattern in the schema, since Strapi's email type refuses an empty one.
  phone: '',
  email: '',
  outcomeReviewEmail: '',
} as const;

/**
 * The four texts the forms and pages are built on (须知, 填表说明, 承诺, 最终成果审核): content
 * editors change them but cannot delete them or change their keys.
 */
export const systemNoticeKeys = [
  'institution-notice',
  'data-application-instructions',
  'institution-commitment',
  'outcome-review',
] as const;
export const isSystemNoticeKey = (key: unknown): boolean => (systemNoticeKeys as readonly unknown[]).includes(key);

/** The six entries of the seed's home page (seeds/000_…txt §二), then the direct-reporting tasks. */
export const microdataTasks = [
  { href: '/institutions/register', title: '机构登记', summary: '研究机构首次申请前登记机构信息' },
  { href: '/institutions', title: '已申请机构', summary: '查看已登记的机构名单' },
  { href: '/data-applications/new', title: '数据使用申请', summary: '从数据目录中选择微观数据并提交使用申请' },
  { href: '/change-applications/new', title: '数据使用变更申请', summary: '变更已获批申请的数据、方法或用途' },
  { href: '/query', title: '申请结果查询', summary: '凭手机号码和查询密码查看进度、导出并上传申请表' },
  { href: '/outcomes', title: '最终成果审核与登记', summary: '下载成果审核表并登记最终研究成果' },
];
/** 一套表 (seeds/004): statistics staff and agent agencies register here. */
export const directReportTasks = [
  {
    href: '/statisticians/register',
    title: '统计从业人员注册登记',
    summary: '报表单位的统计人员注册，填写统计服务单位；注册后企业方可报表',
  },
  { href: '/statisticians/lookup', title: '注册信息查询', summary: '凭身份证号码和查询密码查看注册信息，开放注册表后增加服务单位' },
  { href: '/agencies/register', title: '统计代理机构登记', summary: '代理机构登记并提交委托企业的委托书，经县区、市州、省三级审核' },
  { href: '/agencies/lookup', title: '代理机构登记查询', summary: '凭登记编号和查询密码查看审核进度、不通过的理由和委托生效日期' },
];

/** The page's description for search results: the summary the home page gives its task, if it is one. */
export function describeTask(pathname: string): string | undefined {
  const path = pathname.replace(/\/$/, '') || '/';
  const task = [
    ...microdataTasks,
    ...directReportTasks,
    { href: '/outcomes/register', title: '', summary: '登记已审核通过的最终研究成果' },
  ].find((t) => t.href === path);
  return task && `统计数据服务平台${task.title && `「${task.title}」`}：${task.summary}。`;
}

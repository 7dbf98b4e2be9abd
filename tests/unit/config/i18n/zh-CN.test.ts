import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  type MessageKey,
  type Messages,
  messagesSchema,
  type PlainMessageKey,
  placeholdersOf,
  t,
  tHtml,
  translate,
} from '../../../../config/src/i18n/messages.ts';
import { zhCN } from '../../../../config/src/i18n/zh-CN.ts';

/** The texts of one area (the first part of the key), so each snapshot stays readable. */
const area = (prefix: string) => Object.fromEntries(Object.entries(zhCN).filter(([key]) => key.startsWith(`${prefix}.`)));

describe('t', () => {
  it('fills every {name} placeholder with the value given for it', () => {
    expect(t('field.tooLong', { label: '研究机构名称', max: 100 })).toMatchInlineSnapshot(`"研究机构名称不能超过100个字"`);
    expect(
      t('region.countyOfCity', { county: '510104', countyName: '成都市 锦江区', city: '510300', cityName: '自贡市' }),
    ).toMatchInlineSnapshot(`"县区代码 510104（成都市 锦江区）不属于市州 510300（自贡市）"`);
  });

  it('gives a text without placeholders as it is written', () => {
    expect(t('validators.phone.required')).toMatchInlineSnapshot(`"请输入手机号码"`);
  });

  it('keeps braces that hold no plain name, such as Handlebars {{{ }}}, as text', () => {
    expect(t('template.tripleStash')).toMatchInlineSnapshot(`"模板不能使用 {{{ }}}：所有内容都必须经过转义"`);
    expect(placeholdersOf(zhCN['template.tripleStash'])).toEqual([]);
  });

  it('refuses at typecheck a key that does not exist or a placeholder left out', () => {
    // @ts-expect-error: no such key
    expect(() => t('validators.phone.missing')).toThrow('No message has the key validators.phone.missing');
    // @ts-expect-error: {label} has no value
    t('field.required');
    // @ts-expect-error: a text without placeholders takes none
    t('validators.phone.required', { label: '手机号码' });
    expectTypeOf<MessageKey>().toExtend<string>();
    expectTypeOf<'field.required'>().toExtend<MessageKey>();
    expectTypeOf<'field.required'>().not.toExtend<PlainMessageKey>();
    expectTypeOf<'field.consent'>().toExtend<PlainMessageKey>();
  });
});

describe('tHtml', () => {
  it('keeps the markup of an …Html text and escapes every value put into it', () => {
    expect(tHtml('site.confirmation.attachmentsHtml', { href: '/records/SJ-2026-000001/attachments" onclick="x' })).toMatchInlineSnapshot(
      `"如有课题立项书、伦理审查意见等材料，请<a href="/records/SJ-2026-000001/attachments&quot; onclick=&quot;x">上传相关附件</a>。"`,
    );
  });

  it('takes only keys whose text holds markup', () => {
    // @ts-expect-error: a plain text is not for set:html
    tHtml('site.common.backHome');
  });
});

describe('the key set', () => {
  it('is flat and dotted: lower-camel parts joined by dots, at least two', () => {
    const malformed = Object.keys(zhCN).filter((key) => !/^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9]*)+$/.test(key));
    expect(malformed).toEqual([]);
  });

  it('is the schema a translation parses against: nothing missing, nothing extra', () => {
    expect(messagesSchema.safeParse(zhCN).success).toBe(true);
    const { 'field.required': _left, ...missingOne } = zhCN;
    expect(messagesSchema.safeParse(missingOne).success).toBe(false);
    expect(messagesSchema.safeParse({ ...zhCN, 'field.unknown': '多余' }).success).toBe(false);
  });

  it('lets another language be typed Messages and translated with the same placeholders', () => {
    const shouting: Messages = Object.fromEntries(Object.entries(zhCN).map(([key, text]) => [key, `!${text}`])) as Messages;
    expect(translate(shouting, 'field.required', { label: '手机号码' })).toBe('!请输入手机号码');
    for (const [key, text] of Object.entries(zhCN)) expect(placeholdersOf(shouting[key as MessageKey])).toEqual(placeholdersOf(text));
  });
});

describe('zh-CN texts', () => {
  it("pins the validators' messages", () => {
    expect(area('validators')).toMatchInlineSnapshot(`
      {
        "validators.creditCode.charset": "统一社会信用代码只能包含数字和大写字母（不使用 I、O、S、V、Z）",
        "validators.creditCode.checkChar": "统一社会信用代码的校验码（最后一位）不正确，请核对后重新输入",
        "validators.creditCode.length": "统一社会信用代码应为18位",
        "validators.creditCode.region": "统一社会信用代码的第3至8位应为数字（登记管理机关行政区划码）",
        "validators.creditCode.required": "请输入统一社会信用代码",
        "validators.date.date": "请按 2026-12-01 的格式填写一个确实存在的日期",
        "validators.date.dateTime": "应为带时区、确实存在的ISO 8601时间，如 2026-11-03T09:15:00+08:00",
        "validators.date.dateTimeOf": "{label}应为带时区、确实存在的ISO 8601时间，如 2026-11-03T09:15:00+08:00",
        "validators.email.format": "请输入有效的电子邮箱地址，如 name@example.com",
        "validators.email.required": "请输入电子邮箱",
        "validators.idCard.birthDate": "身份证号码中的出生日期（第7至14位）无效",
        "validators.idCard.checkDigit": "身份证号码的校验位（最后一位）不正确，请核对后重新输入",
        "validators.idCard.format": "身份证号码应为18位：前17位是数字，最后一位是数字或X",
        "validators.idCard.region": "身份证号码的前6位不是有效的行政区划代码",
        "validators.idCard.required": "请输入身份证号码",
        "validators.phone.format": "请输入11位中国大陆手机号码，如 138 0013 8000",
        "validators.phone.required": "请输入手机号码",
        "validators.url.format": "请输入以 http:// 或 https:// 开头的完整网址，如 https://www.example.cn",
        "validators.url.required": "请输入网址",
      }
    `);
  });
  it('pins the messages every field type shares', () => {
    expect(area('field')).toMatchInlineSnapshot(`
      {
        "field.choose": "请选择{label}",
        "field.chooseAtLeastOne": "请至少选择一项{label}",
        "field.consent": "请阅读并勾选同意后再继续",
        "field.controlCharacters": "{label}含有无法识别的字符，请删除后重新输入",
        "field.date": "{label}应为有效日期，如 2026-09-01",
        "field.duplicateRow": "{noun} {value} 重复填写",
        "field.endBeforeStart": "{period}结束日期不能早于开始日期",
        "field.required": "请输入{label}",
        "field.rowCount": "请填写{min}至{max}个{noun}",
        "field.tooLong": "{label}不能超过{max}个字",
        "field.unknownOption": "请从列表中选择{label}",
        "field.wrongType": "{label}的格式不正确",
      }
    `);
  });
  it("pins the review workflows' messages", () => {
    expect(area('workflow')).toMatchInlineSnapshot(`
      {
        "workflow.actor.agency": "代理机构",
        "workflow.actor.applicant": "申请人",
        "workflow.actor.onBehalf": "本单位综合统计人员（代为注册）",
        "workflow.actor.self": "本人",
        "workflow.agency.decisionRequired": "请选择通过或不通过",
        "workflow.agency.effectiveDate": "委托生效日期应为有效日期，如 2026-12-01",
        "workflow.agency.effectiveDateRequired": "请填写委托生效日期",
        "workflow.agency.malformed": "登记内容的格式不正确",
        "workflow.agency.notFound": "未找到该代理机构登记",
        "workflow.agency.notYourLevel": "当前状态为“{status}”，{level}不能作出决定",
        "workflow.agency.reasonRequired": "请填写不通过的理由",
        "workflow.agency.registrationNo": "请输入登记编号，如 DL-2026-000001",
        "workflow.agency.reviewEnded": "当前状态为“{status}”，审核已经结束",
        "workflow.agency.uploadDocument": "请上传{label}",
        "workflow.agency.wrongPair": "登记编号或查询密码不正确",
        "workflow.decision.accessOnlyForData": "只有数据使用申请可以设定数据使用期限",
        "workflow.decision.accessOrder": "数据使用期限的结束日期不能早于开始日期",
        "workflow.decision.accessPair": "数据使用期限的开始和结束日期要同时填写",
        "workflow.decision.action": "请选择审核决定：通过、退回修改或不通过",
        "workflow.decision.date": "请按 2026-12-01 的格式填写日期",
        "workflow.decision.reasonTooLong": "理由不能超过2000个字",
        "workflow.delegation.effectiveFrom": "生效时间：",
        "workflow.delegation.effectiveTo": "失效时间：",
        "workflow.lookUp.passwordRequired": "请输入查询密码",
        "workflow.period.closesAt": "网报截止时间：",
        "workflow.period.opensAt": "网报开始时间：",
        "workflow.registration.alreadyOpen": "注册表已经开放，等待本人修改后提交",
        "workflow.registration.notFound": "未找到该注册登记",
        "workflow.registration.notReopened": "注册表已锁定，不能修改。如需增加服务单位，请联系当地统计局开放注册表。",
        "workflow.registration.reasonRequired": "请填写理由",
        "workflow.registration.removed": "该注册已注销",
        "workflow.registration.removedLocked": "该注册已注销，不能修改",
        "workflow.reviewEvent.appendOnly": "审核记录只能追加，不能修改或删除",
        "workflow.submission.accessPeriod": "{start} 至 {end}",
        "workflow.submission.accessPeriodLabel": "数据使用期限",
        "workflow.submission.attachmentLabel": "附件",
        "workflow.submission.attachmentsClosed": "申请已审核完毕，不能再上传附件",
        "workflow.submission.attachmentsOnlyForData": "只有数据使用申请可以上传附件",
        "workflow.submission.catalogLabel": "目录",
        "workflow.submission.datasetsLabel": "申请使用的数据目录",
        "workflow.submission.expiredOrForbidden": "查询已过期或无权查看此申请，请重新查询",
        "workflow.submission.institutionRequired": "请选择已登记的申请机构",
        "workflow.submission.kindRequired": "请选择申请类型",
        "workflow.submission.noStampedForm": "此类申请不需要上传盖章申请表",
        "workflow.submission.notAllowed": "当前状态为“{status}”，不能执行“{action}”",
        "workflow.submission.notFound": "未找到该申请",
        "workflow.submission.originalNotFoundByContact": "未找到与此联系电话对应的已获批数据使用申请，请核对原申请编号和联系电话",
        "workflow.submission.originalNotFoundByPhone": "未找到与此手机号码对应的已获批数据使用申请，请核对数据申请表号和手机号码",
        "workflow.submission.reasonRequired": "请填写理由：退回修改或不通过时必须说明原因",
        "workflow.submission.stampedFormLabel": "盖章申请表",
        "workflow.submission.tooManyAttachments": "每份申请最多上传{max}个附件",
        "workflow.submission.wrongPair": "手机号码或查询密码不正确",
      }
    `);
  });
  it('pins the statistician registration messages', () => {
    expect(area('statistician')).toMatchInlineSnapshot(`
      {
        "statistician.alreadyRegistered": "该身份证号码已注册登记，每人只能注册一次。请到“注册信息查询”凭身份证号码和查询密码查看原注册表；注册表提交后即锁定，如需增加服务单位，请联系当地统计局开放注册表后再增加。",
        "statistician.gateAllowed": "本企业已有注册登记的统计人员，可以报表。",
        "statistician.gateRefused": "本企业尚无已注册登记的统计人员。请先在统计从业人员注册登记系统注册后再报表。",
        "statistician.locked": "注册表已提交锁定。如需修改，请联系当地统计局开放注册表。",
        "statistician.wrongPair": "身份证号码或查询密码不正确",
      }
    `);
  });
  it('pins the region and jurisdiction messages', () => {
    expect({ ...area('region'), ...area('admin') }).toMatchInlineSnapshot(`
      {
        "admin.fileNotFound": "没有找到该文件",
        "admin.forbidden": "您的角色没有执行此操作的权限",
        "admin.jurisdiction.outside": "该代理机构不在您的辖区内",
        "admin.jurisdiction.regionOutside": "所选地区不在您的辖区内",
        "admin.jurisdiction.statisticianOutside": "该统计从业人员的统计服务单位都不在您的辖区内，请由其服务单位所在地统计局办理",
        "admin.jurisdiction.unassigned": "您的账号尚未分配辖区，请联系系统管理员在“辖区分配”中设置",
        "admin.jurisdiction.unknownUser": "没有邮箱为 {email} 的管理员账号，请从列表中选择",
        "admin.profile.currentPasswordRequired": "修改密码时请填写当前密码",
        "admin.profile.currentPasswordWrong": "当前密码不正确",
        "admin.profile.emailTaken": "该电子邮件已被其他账号使用",
        "admin.profile.passwordNeedsLowercase": "密码至少需要包含一个小写字母",
        "admin.profile.passwordNeedsNumber": "密码至少需要包含一个数字",
        "admin.profile.passwordNeedsUppercase": "密码至少需要包含一个大写字母",
        "admin.profile.passwordTooLong": "密码不能超过 72 个字节",
        "admin.profile.passwordTooShort": "密码至少需要 8 个字符",
        "admin.signIn.invalidCredentials": "邮箱或密码不正确",
        "admin.signIn.tooMany": "登录尝试次数过多，请稍后再试",
        "admin.unnamedStaff": "工作人员",
        "admin.withheld": "（无权查看）",
        "region.city": "市州代码 {code} 不在行政区划代码表（GB/T 2260）中",
        "region.county": "县区代码 {code} 不在行政区划代码表（GB/T 2260）中",
        "region.countyOfCity": "县区代码 {county}（{countyName}）不属于市州 {city}（{cityName}）",
        "region.jurisdiction": "辖区代码 {code} 不是四川省或其市州、县区的行政区划代码（GB/T 2260）",
      }
    `);
  });
  it('pins the print template, upload and media library messages', () => {
    expect({ ...area('template'), ...area('upload'), ...area('media') }).toMatchInlineSnapshot(`
      {
        "media.mismatch": "文件内容与扩展名不符，请上传原始的图片、PDF或Office文档",
        "media.mixedContent": "文件中夹带了其他内容（如压缩包或脚本），请上传原始的图片、PDF或Office文档",
        "media.tooLarge": "文件不能超过50MB，请压缩后重新上传",
        "media.wrongType": "媒体库只接受PNG、JPG、GIF、WebP图片，PDF文件，以及Word、Excel、PowerPoint文档",
        "template.notFound": "没有这张表的打印模板",
        "template.sampleOrganisation": "（示例）某某大学",
        "template.sourceRequired": "请填写模板内容",
        "template.syntax": "模板语法错误：{detail}",
        "template.tripleStash": "模板不能使用 {{{ }}}：所有内容都必须经过转义",
        "upload.damaged": "文件已损坏或不完整，无法打开，请重新扫描或重新导出后上传",
        "upload.empty": "上传的文件是空的，请重新选择",
        "upload.encrypted": "PDF文件设置了密码或加密，请取消密码和加密后重新上传",
        "upload.missing": "请选择要上传的文件",
        "upload.mixedContent": "文件中夹带了其他内容（如压缩包或脚本），请直接上传扫描生成的PDF、JPG或PNG文件",
        "upload.tooLarge": "文件不能超过10MB，请压缩或降低扫描分辨率后重新上传",
        "upload.trailingData": "图片文件末尾夹带了其他数据，请直接上传扫描或拍照生成的JPG、PNG文件（手机拍照请关闭“动态照片”）",
        "upload.wrongType": "只能上传PDF、JPG或PNG格式的扫描件",
      }
    `);
  });
  it('pins the error answers and the printer messages', () => {
    expect({ ...area('http'), ...area('printer') }).toMatchInlineSnapshot(`
      {
        "http.badUrl": "网址中含有无法识别的字符",
        "http.faviconMissing": "网站图标不存在",
        "http.invalidFields": "请检查并修改标出的内容",
        "http.noticeNotFound": "未找到该说明",
        "http.queryExpired": "查询已过期，请重新查询",
        "http.refused": "请求未被接受，请检查后重新提交",
        "http.serverError": "系统出现问题，请稍后再试",
        "http.status400": "请求的内容不正确，无法处理，请检查后重新提交",
        "http.status401": "需要有效的身份凭证：请登录，或在 Authorization 请求头中提供 API 令牌（Bearer）",
        "http.status403": "没有执行此操作的权限",
        "http.status404": "请求的地址或记录不存在",
        "http.status405": "此地址不支持该请求方法",
        "http.status406": "无法提供所请求格式的内容",
        "http.status408": "请求超时，请重新提交",
        "http.status409": "与已有的记录冲突",
        "http.status411": "请求缺少内容长度",
        "http.status413": "提交的内容过大，超过了允许的大小",
        "http.status414": "网址过长",
        "http.status415": "不支持所提交内容的类型",
        "http.status422": "提交的内容无法处理，请检查后重新提交",
        "http.status429": "请求过于频繁，请稍后再试",
        "http.status431": "请求头过大",
        "http.status503": "服务暂时不可用，请稍后再试",
        "http.tokenMissing": "缺少 API 令牌：请在 Authorization 请求头中以 Bearer 方式提供数据采集平台的 API 令牌",
        "http.tooManyAttempts": "尝试次数过多，请{minutes}分钟后再试",
        "http.unreadableBody": "提交的内容不完整或格式不正确，无法读取，请重新填写并提交",
        "http.unreadableJson": "提交的内容不是有效的 JSON 对象或数组，无法读取，请检查格式后重新提交",
        "printer.applicantStatement": "本人确认以上信息真实、准确、完整。",
        "printer.applicantStatementTitle": "申请人确认",
        "printer.launchFailed": "Chromium 浏览器无法启动",
        "printer.noChromium": "服务器上没有 Chromium 浏览器（{path}）",
        "printer.noCjkFont": "服务器上没有中文字体（fonts-noto-cjk）",
        "printer.pdfUnavailable": "打印版申请表（PDF）暂时无法生成，请先使用网页版申请表打印。",
        "printer.pdfUnavailableStaff": "打印版申请表（PDF）暂时无法生成：{detail}。请联系系统管理员。",
        "printer.reviewerTitle": "数据开发中心",
        "printer.signLine.changeApplication": "申请人签字：　　　　申请单位（公章）：　　　　年　　月　　日",
        "printer.signLine.dataApplication": "项目负责人签字：　　　　申请单位（公章）：　　　　年　　月　　日",
        "printer.signLine.institution": "法人单位负责人签字（单位公章）：　　　　年　　月　　日",
        "printer.signLine.outcome": "负责人签字：　　　　年　　月　　日",
      }
    `);
  });
  it('pins the public site texts', () => {
    expect(area('site')).toMatchInlineSnapshot(`
      {
        "site.agency.nthEnterprise": "第{n}个委托企业",
        "site.agency.submitNote": "提交后，由所在县（市、区）统计局审核，市州统计局审批，省数据采集中心确认并确定委托生效日期。",
        "site.agencyLookup.agencyName": "代理机构名称",
        "site.agencyLookup.colResult": "结果",
        "site.agencyLookup.colStep": "环节",
        "site.agencyLookup.colTime": "时间",
        "site.agencyLookup.countsFrom": "委托企业自 {date} 起按代理报送计算直报率。",
        "site.agencyLookup.creditCode": "统一社会信用代码",
        "site.agencyLookup.delegators": "委托企业",
        "site.agencyLookup.effectiveDate": "委托生效日期",
        "site.agencyLookup.enterpriseName": "企业名称",
        "site.agencyLookup.history": "办理过程",
        "site.agencyLookup.intro": "请输入提交登记后获得的登记编号和查询密码。",
        "site.agencyLookup.logout": "查询其他登记",
        "site.agencyLookup.numberHint": "提交登记后显示的编号，如 DL-2026-000001",
        "site.agencyLookup.reapply": "请按理由准备材料后重新登记。",
        "site.agencyLookup.reason": "不通过的理由：",
        "site.agencyLookup.shownWhen": "提交登记后",
        "site.agencyLookup.status": "审核状态",
        "site.agencyLookup.submittedAt": "提交时间",
        "site.agencyRegistered.afterwards": "确认后，委托企业自生效日期起按代理报送计算直报率。审核中如有问题，统计局会通过您填写的联系电话与您联系。",
        "site.agencyRegistered.heading": "统计代理机构登记已提交",
        "site.agencyRegistered.lookup": "查询审核进度",
        "site.agencyRegistered.nothingHtml": "登记结果只显示一次。如果您已经提交登记，请到<a href="/agencies/lookup">代理机构登记查询</a>查看审核进度。",
        "site.agencyRegistered.nothingTitle": "没有可显示的登记结果",
        "site.agencyRegistered.passwordWarningHtml": "<strong>请立即记下登记编号和查询密码。</strong>密码只显示这一次，系统不保存明文，丢失后无法找回。查看审核进度、不通过的理由和委托生效日期时，需要登记编号和这个密码。",
        "site.agencyRegistered.registrationNo": "登记编号",
        "site.agencyRegistered.stepCity": "市州统计局审批。",
        "site.agencyRegistered.stepCounty": "所在县（市、区）统计局审核登记材料。",
        "site.agencyRegistered.stepProvince": "省数据采集中心确认，并确定委托生效日期。",
        "site.agencyRegistered.title": "登记已提交",
        "site.attachments.added": "附件已上传。",
        "site.attachments.caption": "数据使用申请 {no}",
        "site.attachments.colName": "文件名",
        "site.attachments.colSize": "大小",
        "site.attachments.fieldLabel": "附件",
        "site.attachments.intro": "如课题立项书、伦理审查意见、合作协议等。审核完成前可随时补充。",
        "site.attachments.limit": "每份申请最多 10 个附件",
        "site.attachments.listCaption": "已上传的附件",
        "site.attachments.none": "还没有上传附件。",
        "site.attachments.submit": "上传附件",
        "site.attachments.title": "上传相关附件",
        "site.checkAnswers.change": "修改",
        "site.checkAnswers.empty": "未填写",
        "site.common.backHome": "返回首页",
        "site.common.backToQuery": "返回申请结果查询",
        "site.common.errorPrefix": "错误：",
        "site.common.serviceName": "统计数据服务平台",
        "site.confirmation.applicationNo": "申请编号",
        "site.confirmation.attachmentsHtml": "如有课题立项书、伦理审查意见等材料，请<a href="{href}">上传相关附件</a>。",
        "site.confirmation.attachmentsTitle": "上传相关附件",
        "site.confirmation.contact": "数据开发中心审核后会与您联系。",
        "site.confirmation.downloadPdf": "下载申请表（PDF）",
        "site.confirmation.nextTitle": "接下来做什么",
        "site.confirmation.nothingHtml": "提交结果只显示一次。如果您已经提交过申请，请到<a href="/query">申请结果查询</a>查看。",
        "site.confirmation.nothingTitle": "没有可显示的提交结果",
        "site.confirmation.passwordWarningHtml": "<strong>请立即记下查询密码。</strong>它只显示这一次，系统不保存明文，丢失后无法找回。查询申请结果、上传盖章申请表时需要手机号码和这个密码。",
        "site.confirmation.printTitle": "打印申请表",
        "site.confirmation.stepPrint": "打印申请表。",
        "site.confirmation.stepReview": "数据开发中心审核后，结果会显示在申请结果查询中。",
        "site.confirmation.stepScan": "扫描或拍照（PDF、JPG 或 PNG，不超过 10MB）。",
        "site.confirmation.stepSign": "签字并加盖单位公章。",
        "site.confirmation.stepUploadHtml": "进入<a href="/query">申请结果查询</a>，用手机号码和查询密码查到本申请，点击“提交申请表”上传。",
        "site.confirmation.submitted": "{noun}已提交",
        "site.confirmation.title": "提交成功",
        "site.confirmation.viewHtml": "在网页中查看申请表",
        "site.dataApplication.checkNote": "温馨提示：为了更好的通过审核，请填写全部说明信息。",
        "site.error.failedBody": "很抱歉，处理您的请求时出现问题。请稍后再试。",
        "site.error.failedTitle": "系统出现问题",
        "site.error.refusedTitle": "无法处理您提交的内容",
        "site.error.unavailableBody": "系统正在维护或暂时无法连接，请稍后再试。您已填写的内容没有提交；如页面仍可后退，内容会保留在浏览器中。",
        "site.error.unavailableTitle": "服务暂时不可用",
        "site.errorSummary.inRow": "{noun} {index}：{message}",
        "site.errorSummary.title": "提交的内容有问题",
        "site.field.choose": "请选择",
        "site.field.consent": "我已阅读并同意",
        "site.field.consentTo": "我已阅读并同意《{title}》",
        "site.field.multiple": "可多选",
        "site.field.optional": "（选填）",
        "site.form.agreeContinue": "同意并继续",
        "site.form.allRequired": "除标明“选填”的以外，各项均须填写。",
        "site.form.checkTitle": "检查您填写的内容",
        "site.form.chosenDatasets": "您当前选择的目录：",
        "site.form.close": "关闭",
        "site.form.completeHint": "温馨提示：为了更好的通过审核，请填写全部说明信息",
        "site.form.confirm": "确认",
        "site.form.confirmSubmit": "确认并提交",
        "site.form.confirmTitle": "确认提示",
        "site.form.continue": "继续",
        "site.form.submitNote": "提交后，系统会给出申请编号和查询密码。请打印申请表，签字盖章后通过“申请结果查询”上传。",
        "site.form.submitTitle": "现在提交",
        "site.form.uploadAgain": "如页面提示有问题，请重新选择全部文件后再提交",
        "site.form.uploadScan": "每份材料为加盖公章的扫描件或照片：PDF、JPG 或 PNG，不超过 10MB",
        "site.form.uploadsTitle": "上传材料",
        "site.home.directReport": "一套表联网直报",
        "site.home.heading": "微观数据用户注册申请",
        "site.home.lead": "研究机构和研究人员在此登记、申请使用微观数据、查询审核结果并登记研究成果。",
        "site.home.notices": "通知公告",
        "site.home.title": "首页",
        "site.institutions.colAbbreviation": "简称",
        "site.institutions.colDate": "登记日期",
        "site.institutions.colName": "机构名称",
        "site.institutions.colNo": "登记编号",
        "site.institutions.colStatus": "状态",
        "site.institutions.find": "查找",
        "site.institutions.listLabel": "已申请机构列表",
        "site.institutions.none": "还没有登记的机构。",
        "site.institutions.notFound": "没有找到与“{q}”相符的机构。",
        "site.institutions.search": "按机构名称或简称查找",
        "site.layout.description": "统计数据服务平台：科研机构登记、微观数据使用申请、变更申请、成果登记与申请结果查询，以及一套表联网直报的统计人员注册和代理机构登记。",
        "site.layout.footer": "本平台由统计数据中心提供。办理中如遇问题，请联系数据中心。",
        "site.layout.skipLink": "跳到正文",
        "site.layout.tagline": "微观数据申请 · 一套表直报",
        "site.layout.title": "{title} - 统计数据服务平台",
        "site.lookUp.limited": "为保护您的信息，同一{limitedPer}15分钟内连续输错5次将暂时无法查询。",
        "site.lookUp.passwordHint": "{shownWhen}显示的查询密码，如 ABCD-EFGH-JK；不区分大小写",
        "site.lookUp.passwordLabel": "查询密码",
        "site.lookUp.submit": "查询",
        "site.notFound.pasted": "如果您是复制粘贴的网址，请检查是否复制了完整的网址。",
        "site.notFound.title": "页面不存在",
        "site.notFound.typed": "如果您是输入的网址，请检查网址是否正确。",
        "site.notice.description": "{title}：{excerpt}",
        "site.notice.download": "下载：{name}",
        "site.outcomes.askForForm": "最终成果审核表请向数据开发中心索取。",
        "site.outcomes.downloadForm": "下载最终成果审核表",
        "site.outcomes.registerIntro": "成果审核通过后，请填写最终成果登记表。需要已获批的数据申请表号和申请时的手机号码。",
        "site.outcomes.registerLink": "填写最终成果登记表",
        "site.outcomes.registerStep": "第二步：最终成果登记",
        "site.outcomes.reviewStep": "第一步：最终成果审核",
        "site.pagination.label": "翻页",
        "site.pagination.next": "下一页",
        "site.pagination.previous": "上一页",
        "site.pagination.summary": "{page}/{pageCount}页, {total}条",
        "site.password.copy": "复制查询密码",
        "site.password.title": "您的查询密码",
        "site.pdfUnavailable.printHint": "打开网页版申请表后，使用浏览器的“打印”功能即可打印，签字盖章后上传。",
        "site.pdfUnavailable.title": "打印版申请表暂时无法生成",
        "site.pdfUnavailable.viewHtml": "查看网页版申请表",
        "site.records.colActions": "操作",
        "site.records.colApplicant": "申请人",
        "site.records.colIndex": "序号",
        "site.records.colOrganisation": "申请机构",
        "site.records.colPhone": "手机号码",
        "site.records.colReviewed": "审核时间",
        "site.records.colStatus": "审核状态",
        "site.records.colSubmitted": "申请时间",
        "site.records.exportForm": "导出申请表",
        "site.records.label": "申请记录",
        "site.records.pageSummary": "{current}/{pageCount}页, {total}条, 显示{first}-{last}",
        "site.records.reason": "理由：{reason}",
        "site.records.uploadAttachments": "上传附件",
        "site.records.uploadForm": "提交申请表",
        "site.records.view": "查看",
        "site.recordsLookup.intro": "请输入申请时填写的手机号码和提交后获得的查询密码。",
        "site.recordsLookup.logout": "查询其他申请",
        "site.recordsLookup.phoneHint": "申请时填写的手机号码",
        "site.recordsLookup.phoneLabel": "手机号码",
        "site.recordsLookup.shownWhen": "提交申请时",
        "site.recordsLookup.uploaded": "申请表已上传，请等待审核。",
        "site.request.badUrl": "网址中含有无法识别的字符。请检查网址，或回到首页重新进入。",
        "site.request.crossSite": "出于安全原因，本站只接受从本站页面提交的表单。请打开本站页面重新填写并提交。",
        "site.request.notAForm": "提交的内容不是网页表单，无法读取。请在本站的页面上填写并提交表单。",
        "site.request.refused": "请求未被接受",
        "site.request.unreadableForm": "提交的表单内容不完整或格式不正确，无法读取。请返回上一页重新提交。",
        "site.rows.add": "添加一个{noun}",
        "site.rows.keepTheMinimum": "至少需要{min}个{noun}，不能删除更多；如需更换，请直接修改其内容",
        "site.rows.keepTheOnlyOne": "至少需要1个{noun}，不能删除唯一的一个；如需更换，请直接修改其内容",
        "site.rows.max": "最多{max}个{noun}",
        "site.rows.remove": "删除{noun}",
        "site.stampedForm.fieldLabel": "盖章后的申请表",
        "site.stampedForm.heading": "提交盖章后的申请表",
        "site.stampedForm.intro": "请上传已签字并加盖公章的申请表扫描件或照片：",
        "site.stampedForm.replaces": "一次上传一个文件；重新上传会替换之前的文件",
        "site.stampedForm.submit": "上传",
        "site.stampedForm.title": "提交申请表",
        "site.statistician.alreadyRegisteredHtml": "已经注册过：请到<a href="/statisticians/lookup">注册信息查询</a>查看原注册表。需要增加服务单位时，请联系当地统计局开放注册表。",
        "site.statistician.checkNote": "每个身份证号码只能注册一次。提交后注册表即锁定，如需增加服务单位，请联系当地统计局开放注册表。",
        "site.statistician.submitNote": "提交后，系统会给出注册编号和查询密码。凭身份证号码和查询密码可以查看注册信息。",
        "site.statisticianLookup.birthDate": "出生日期",
        "site.statisticianLookup.education": "学历",
        "site.statisticianLookup.email": "电子邮箱",
        "site.statisticianLookup.employer": "工作单位",
        "site.statisticianLookup.expired": "查询已过期，请重新输入身份证号码和查询密码",
        "site.statisticianLookup.female": "女",
        "site.statisticianLookup.gender": "性别",
        "site.statisticianLookup.idHint": "注册时填写的18位身份证号码",
        "site.statisticianLookup.idLabel": "身份证号码",
        "site.statisticianLookup.intro": "请输入注册时填写的身份证号码和注册后获得的查询密码。",
        "site.statisticianLookup.logout": "退出查询",
        "site.statisticianLookup.male": "男",
        "site.statisticianLookup.name": "姓名",
        "site.statisticianLookup.phone": "手机号码",
        "site.statisticianLookup.qualification": "统计专业技术资格/职称",
        "site.statisticianLookup.reopened": "统计局已开放您的注册表。请增加或修改统计服务单位，然后提交；提交后注册表重新锁定。",
        "site.statisticianLookup.resubmit": "提交修改",
        "site.statisticianLookup.saved": "服务单位已修改并重新提交，注册表已锁定。",
        "site.statisticianLookup.shownWhen": "注册后",
        "site.statisticianLookup.state": "状态",
        "site.statisticianLookup.submit": "提交",
        "site.statisticianLookup.unitName": "单位名称",
        "site.statisticianLookup.unitRole": "承担的工作",
        "site.statisticianLookup.units": "统计服务单位",
        "site.statisticianRegistered.heading": "统计从业人员注册登记已提交",
        "site.statisticianRegistered.locked": "注册表已提交并锁定。您填写的统计服务单位现在可以在一套表联网直报平台报表。",
        "site.statisticianRegistered.lookup": "查看注册信息",
        "site.statisticianRegistered.nothingHtml": "注册结果只显示一次。如果您已经注册，请到<a href="/statisticians/lookup">注册信息查询</a>查看。",
        "site.statisticianRegistered.nothingTitle": "没有可显示的注册结果",
        "site.statisticianRegistered.passwordWarningHtml": "<strong>请立即记下查询密码。</strong>它只显示这一次，系统不保存明文，丢失后无法找回。查看注册信息、在统计局开放注册表后增加服务单位时，需要身份证号码和这个密码。",
        "site.statisticianRegistered.registrationNo": "注册编号",
        "site.statisticianRegistered.title": "注册成功",
        "site.task.agencyLookup.summary": "凭登记编号和查询密码查看审核进度、不通过的理由和委托生效日期",
        "site.task.agencyLookup.title": "代理机构登记查询",
        "site.task.agencyRegister.summary": "代理机构登记并提交委托企业的委托书，经县区、市州、省三级审核",
        "site.task.agencyRegister.title": "统计代理机构登记",
        "site.task.changeApplication.summary": "变更已获批申请的数据、方法或用途",
        "site.task.changeApplication.title": "数据使用变更申请",
        "site.task.dataApplication.summary": "从数据目录中选择微观数据并提交使用申请",
        "site.task.dataApplication.title": "数据使用申请",
        "site.task.description": "统计数据服务平台{title}：{summary}。",
        "site.task.descriptionTitle": "「{title}」",
        "site.task.institutions.summary": "查看已登记的机构名单",
        "site.task.institutions.title": "已申请机构",
        "site.task.institutionsRegister.summary": "研究机构首次申请前登记机构信息",
        "site.task.institutionsRegister.title": "机构登记",
        "site.task.outcomeRegister.summary": "登记已审核通过的最终研究成果",
        "site.task.outcomeRegister.title": "最终成果登记",
        "site.task.outcomes.summary": "下载成果审核表并登记最终研究成果",
        "site.task.outcomes.title": "最终成果审核与登记",
        "site.task.query.summary": "凭手机号码和查询密码查看进度、导出并上传申请表",
        "site.task.query.title": "申请结果查询",
        "site.task.statisticianLookup.summary": "凭身份证号码和查询密码查看注册信息，开放注册表后增加服务单位",
        "site.task.statisticianLookup.title": "注册信息查询",
        "site.task.statisticianRegister.summary": "报表单位的统计人员注册，填写统计服务单位；注册后企业方可报表",
        "site.task.statisticianRegister.title": "统计从业人员注册登记",
        "site.tooLarge.notSaved": "您提交的内容超过了系统能够接收的大小，没有被保存。",
        "site.tooLarge.retry": "每份材料请上传不超过 10MB 的扫描件或照片（PDF、JPG 或 PNG），然后重新提交。",
        "site.tooLarge.title": "提交的内容太大",
        "site.upload.format": "格式：PDF、JPG 或 PNG",
        "site.upload.rules": "上传要求",
        "site.upload.size": "大小：不超过 10MB",
      }
    `);
  });
  it('pins the direct-reporting API messages and export headers', () => {
    expect(area('directReport')).toMatchInlineSnapshot(`
      {
        "directReport.admin.adminAccounts": "管理员账号登录",
        "directReport.admin.allReasons": "全部",
        "directReport.admin.exportCsv": "导出 CSV",
        "directReport.admin.exportFailed": "导出失败，请稍后重试",
        "directReport.admin.exportXlsx": "导出 Excel",
        "directReport.admin.noAdminAccounts": "无",
        "directReport.admin.reason": "说明",
        "directReport.calendar.notArray": "请求体应为数组",
        "directReport.calendar.text": "应为文本",
        "directReport.calendar.tooMany": "一次最多{max}条",
        "directReport.calendar.unknownKeys": "不认识的字段：{keys}",
        "directReport.delegation.agencyName": "缺少代理机构名称（不超过200个字符）",
        "directReport.delegation.agencyNo": "代理机构登记编号不超过20个字符",
        "directReport.delegation.duplicate": "同一批中企业 {code} 与代理机构“{agency}”自同一时间起的委托出现了不止一次",
        "directReport.delegation.window": "委托结束时间应晚于开始时间",
        "directReport.enterprise.category": "专业应为 {categories} 之一",
        "directReport.enterprise.cityCode": "市州代码应为6位数字",
        "directReport.enterprise.countyCode": "县区代码应为6位数字",
        "directReport.enterprise.name": "缺少单位名称",
        "directReport.enterprise.notArray": "请求体应为企业数组",
        "directReport.enterprise.tooMany": "一次最多10万家企业",
        "directReport.event.account": "account：缺少账号或超过100个字符",
        "directReport.event.accountControl": "account：不能含换行等控制字符",
        "directReport.event.accountKind": "accountKind：应为 enterprise 或 admin",
        "directReport.event.at": "at：{reason}",
        "directReport.event.enterpriseCode": "enterpriseCode：{reason}",
        "directReport.event.idControl": "id：不能含换行等控制字符",
        "directReport.event.invalidJson": "不是有效的JSON",
        "directReport.event.ip": "ip：不是有效的IPv4或IPv6地址",
        "directReport.event.notJsonOrNdjson": "请求体应为JSON数组或NDJSON",
        "directReport.event.notObject": "不是一个JSON对象",
        "directReport.event.tooLong": "这条记录超过{max}个字符，未读取",
        "directReport.export.column.adminAccounts": "管理员账号登录（不计入直报率）",
        "directReport.export.column.category": "专业",
        "directReport.export.column.cityCode": "市州代码",
        "directReport.export.column.code": "统一社会信用代码",
        "directReport.export.column.countyCode": "县区代码",
        "directReport.export.column.delegated": "统计代理",
        "directReport.export.column.finallyDirect": "末次直报",
        "directReport.export.column.firstIp": "首次登录IP",
        "directReport.export.column.initiallyDirect": "初始直报",
        "directReport.export.column.lastIp": "末次登录IP",
        "directReport.export.column.nFirst": "首次IP企业数",
        "directReport.export.column.nLast": "末次IP企业数",
        "directReport.export.column.name": "单位名称",
        "directReport.export.column.reason": "说明",
        "directReport.export.enterpriseSheet": "企业明细",
        "directReport.export.finalDirect": "末次直报企业数",
        "directReport.export.finalRate": "末次直报率(%)",
        "directReport.export.flags": "提示",
        "directReport.export.initialDirect": "初始直报企业数",
        "directReport.export.initialRate": "初始直报率(%)",
        "directReport.export.item": "项目",
        "directReport.export.loggedIn": "登录企业数",
        "directReport.export.no": "否",
        "directReport.export.period": "网报期",
        "directReport.export.regionCode": "地区代码",
        "directReport.export.regionName": "地区",
        "directReport.export.regionSheet": "各地区",
        "directReport.export.required": "应报企业数",
        "directReport.export.totalsSheet": "汇总",
        "directReport.export.value": "数值",
        "directReport.export.yes": "是",
        "directReport.flagExplanation.allocated": "末次直报率比初始高 {delta} 个百分点以上：可能先集中登录企业账号操作、再由企业上报（分配数据）",
        "directReport.flagExplanation.operatedByOthers": "初始直报率比末次高 {delta} 个百分点以上：可能有他人用企业账号登录",
        "directReport.ingest.allRejected": "没有接受任何登录记录：{count}条全部被拒绝，原因见 rejections",
        "directReport.ingest.mediaType": "请以 application/json（数组）或 application/x-ndjson 发送登录记录",
        "directReport.ingestions.since": "since：{reason}",
        "directReport.parametersInvalid": "直报率计算参数无效，使用默认值：{detail}",
        "directReport.period.code": "网报期代码应为 2026-10（月报）或 2026-Q3（季报）的形式",
        "directReport.period.codeOf.monthly": "月报的网报期代码应为年-月，如 2026-10",
        "directReport.period.codeOf.quarterly": "季报的网报期代码应为年-Q季度，如 2026-Q3",
        "directReport.period.duplicate": "同一批中网报期代码 {code} 出现了不止一次",
        "directReport.period.type": "类型应为 monthly（月报）或 quarterly（季报）",
        "directReport.period.window": "网报结束时间应晚于开始时间",
        "directReport.periodNotFound": "没有代码为 {code} 的网报期",
        "directReport.reasonField": "未知的原因代码",
        "directReport.reasonUnknown": "reason 应为 {reasons} 之一",
        "directReport.settings.anomalyDelta": "anomalyDelta 应为 0 到 100 之间的数（百分点）",
        "directReport.settings.category": "专业应为 {categories} 之一",
        "directReport.settings.ipCountScope": "ipCountScope（或 scope）应为 period 或 rank",
        "directReport.settings.threshold": "threshold 应为正整数",
      }
    `);
  });
});

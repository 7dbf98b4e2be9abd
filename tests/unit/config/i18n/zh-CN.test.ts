import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  type MessageKey,
  type Messages,
  messagesSchema,
  type PlainMessageKey,
  placeholdersOf,
  t,
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
        "workflow.agency.effectiveDate": "委托生效日期应为有效日期，如 2026-12-01",
        "workflow.agency.effectiveDateRequired": "请填写委托生效日期",
        "workflow.agency.notYourLevel": "当前状态为“{status}”，{level}不能作出决定",
        "workflow.agency.reasonRequired": "请填写不通过的理由",
        "workflow.agency.registrationNo": "请输入登记编号，如 DL-2026-000001",
        "workflow.agency.wrongPair": "登记编号或查询密码不正确",
        "workflow.decision.accessOnlyForData": "只有数据使用申请可以设定数据使用期限",
        "workflow.decision.accessOrder": "数据使用期限的结束日期不能早于开始日期",
        "workflow.decision.accessPair": "数据使用期限的开始和结束日期要同时填写",
        "workflow.decision.action": "请选择审核决定：通过、退回修改或不通过",
        "workflow.decision.date": "请按 2026-12-01 的格式填写日期",
        "workflow.decision.reasonTooLong": "理由不能超过2000个字",
        "workflow.registration.alreadyOpen": "注册表已经开放，等待本人修改后提交",
        "workflow.registration.notReopened": "注册表已锁定，不能修改。如需增加服务单位，请联系当地统计局开放注册表。",
        "workflow.registration.reasonRequired": "请填写理由",
        "workflow.registration.removed": "该注册已注销",
        "workflow.submission.notAllowed": "当前状态为“{status}”，不能执行“{action}”",
        "workflow.submission.reasonRequired": "请填写理由：退回修改或不通过时必须说明原因",
      }
    `);
  });
  it('pins the statistician registration messages', () => {
    expect(area('statistician')).toMatchInlineSnapshot(`
      {
        "statistician.alreadyRegistered": "该身份证号码已注册登记。每人只能注册一次：如需增加服务单位，请在原注册表的“统计服务单位情况”中增加；原注册表无法打开时，请联系当地统计局开放注册表。",
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
        "admin.jurisdiction.unassigned": "您的账号尚未分配辖区，请联系系统管理员在“辖区分配”中设置",
        "admin.unnamedStaff": "工作人员",
        "admin.withheld": "（无权查看）",
        "region.city": "市州代码 {code} 不在行政区划代码表（GB/T 2260）中",
        "region.county": "县区代码 {code} 不在行政区划代码表（GB/T 2260）中",
        "region.countyOfCity": "县区代码 {county}（{countyName}）不属于市州 {city}（{cityName}）",
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
        "http.invalidFields": "请检查并修改标出的内容",
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
        "http.tooManyAttempts": "尝试次数过多，请{minutes}分钟后再试",
        "http.unreadableJson": "提交的内容不是有效的 JSON 对象或数组，无法读取，请检查格式后重新提交",
        "printer.launchFailed": "Chromium 浏览器无法启动",
        "printer.noChromium": "服务器上没有 Chromium 浏览器（{path}）",
        "printer.noCjkFont": "服务器上没有中文字体（fonts-noto-cjk）",
      }
    `);
  });
});

import { computeCreditCodeCheckChar } from '../../../config/src/validators/credit-code.ts';

let institutionsMade = 0;

/** Valid answers for each public form, as a person would type them; tests change one thing at a time. */
export const validInstitution = (overrides: Record<string, unknown> = {}) => ({
  agreeNotice: true,
  fullName: '北京大学',
  // One institution per credit code: each call is another institution unless a test says otherwise.
  creditCode: institutionCode(++institutionsMade),
  website: 'https://www.pku.edu.cn',
  abbreviation: 'PKU',
  englishName: 'Peking University',
  address: '北京市海淀区颐和园路5号',
  email: 'office@pku.edu.cn',
  legalRepName: '王五',
  legalRepPosition: '校长',
  legalRepTitle: '教授',
  contactName: '李四',
  contactPosition: '科研处处长',
  contactTitle: '研究员',
  contactPhone: '158 0000 0001',
  contactEmail: 'lisi@pku.edu.cn',
  commitment: true,
  ...overrides,
});

export const validDataApplication = (institutionNo: string, overrides: Record<string, unknown> = {}) => ({
  agreeInstructions: true,
  projectName: '中国城镇化与家庭消费研究',
  projectSource: 'nssfc',
  institution: institutionNo,
  leaderName: '张三',
  leaderIdNumber: '11010519491231002X',
  leaderTitle: '教授',
  leaderPhone: '13800138000',
  leaderEmail: 'zhangsan@pku.edu.cn',
  teamMembers: '赵六，北京大学，副教授',
  researchPurpose: '研究城镇化对家庭消费结构的影响。',
  researchMethods: '面板数据双重差分。',
  datasets: ['household-income-living', 'census-2010'],
  dataYears: '2013—2020',
  usePeriodStart: '2026-12-01',
  usePeriodEnd: '2027-11-30',
  expectedOutcomes: '论文两篇',
  ...overrides,
});

export const validChangeApplication = (originalNo: string, overrides: Record<string, unknown> = {}) => ({
  datasets: ['agricultural-census-3'],
  projectName: '中国城镇化与家庭消费研究',
  originalApplicationNo: originalNo,
  applicantName: '张三',
  applicantIdNumber: '11010519491231002X',
  applicantTitle: '教授',
  phone: '13800138000',
  email: 'zhangsan@pku.edu.cn',
  projectProgress: '50%',
  dataInUse: '第六次全国人口普查',
  methodsUsed: '描述统计',
  processing: '清洗与匹配',
  useAndPlace: '数据开发中心安全室',
  changeAndReason: '增加农业普查数据以研究农户消费。',
  ...overrides,
});

export const validOutcome = (applicationNo: string, overrides: Record<string, unknown> = {}) => ({
  applicationNo,
  applicantName: '张三',
  phone: '13800138000',
  leaderName: '张三',
  projectName: '中国城镇化与家庭消费研究',
  outcomeName: '城镇化与家庭消费升级',
  outcomeForm: 'journal',
  author1: '张三，北京大学经济学院，教授',
  publication: '《经济研究》，2027年第5期',
  fullTextPublished: 'published',
  indexing: ['cssci'],
  ...overrides,
});

/** A valid 事业单位 credit code for institution number `n`. */
export const institutionCode = (n: number) => unitCode(n, '12110000MB');

/** A valid credit code for unit (or enterprise) number `n`. */
export const unitCode = (n: number, prefix = '91510104MA') => {
  const body = `${prefix}${String(n).padStart(17 - prefix.length, '0')}`;
  return body + computeCreditCodeCheckChar(body);
};

/** `count` service units with valid codes, the first one comprehensive. */
export const units = (count: number, from = 1) =>
  Array.from({ length: count }, (_, i) => ({
    code: unitCode(from + i),
    name: `服务单位${from + i}`,
    role: i === 0 ? 'comprehensive' : 'specialised',
  }));

/** A statistician's registration that passes every check (the ID is GB 11643's example). */
export const validStatistician = (overrides: Record<string, unknown> = {}) => ({
  name: '王芳',
  idNumber: '11010519491231002X',
  phone: '13800138000',
  education: '本科',
  qualification: '统计师',
  employer: '成都某制造有限公司',
  registeredBy: 'self',
  serviceUnits: units(3),
  ...overrides,
});

/** An agent agency's answers (sent as the `data` part of its multipart registration). */
export const validAgency = (delegators: Array<{ code: string; name: string }>, overrides: Record<string, unknown> = {}) => ({
  agencyName: '成都某某财务咨询有限公司',
  creditCode: unitCode(900, '91510107MA'),
  countyCode: '510107',
  address: '成都市武侯区某某路1号',
  contactName: '赵敏',
  contactPhone: '13900139000',
  delegators,
  ...overrides,
});

/** An active industrial enterprise of a 县区 and 市州 (code and name each), as the direct-reporting master data lists it. */
export const inRegion = (
  code: string,
  name: string,
  [countyCode, countyName]: readonly [string, string],
  [cityCode, cityName]: readonly [string, string],
) => ({
  code,
  name,
  cityCode,
  cityName,
  countyCode,
  countyName,
  category: 'industry' as const,
  active: true,
});

/** An active industrial enterprise of 锦江区, 成都市. */
export const inJinjiang = (code: string, name = code) => inRegion(code, name, ['510104', '锦江区'], ['510100', '成都市']);

/** The registration link the reporting gate hands out for an enterprise without a statistician (seeds/004 §十). */
export async function gateLinkFor(
  cmsUrl: string,
  apiToken: string,
  code: string,
): Promise<{ url: string; token: string; expiresAt: string }> {
  const response = await fetch(`${cmsUrl}/api/direct-report/gate/${code}`, { headers: { authorization: `Bearer ${apiToken}` } });
  const answer = (await response.json()) as { registrationLink?: { url: string; token: string; expiresAt: string } };
  if (!answer.registrationLink) throw new Error(`The gate gave no registration link for ${code}`);
  return answer.registrationLink;
}

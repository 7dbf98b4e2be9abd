import { type SubmissionKindId, submissionKinds } from '../submissions.ts';
import type { AgencyLevel } from '../workflow/agency.ts';

export type ContentAction = 'read' | 'create' | 'update' | 'delete';

/** What one role may do with one content type. */
export interface RoleGrant {
  /** Content type, e.g. api::dataset.dataset. */
  uid: string;
  actions: readonly ContentAction[];
  /** Whether the role sees personal fields (see personal-data.ts); false hides them field by field. */
  personal: boolean;
  /** Only the records of the user's own region (辖区分配, jurisdiction.ts). */
  inJurisdiction?: boolean;
}

/**
 * An admin role of the data centre or the bureau, created at bootstrap.
 *
 * No role reads the review history (api::review-event) in the Content Manager: it spans every
 * record type and region, so a grant there showed each role the history of records it may not
 * open. Staff read a record's history on the desks' record routes, which check the record first.
 */
export interface AdminRoleDefinition {
  /** The role's code name, stable across databases and releases: tests, scripts and `code` use it. */
  name: string;
  /** What staff read in Settings → Roles and Users, in zh-CN; free to change. */
  displayName: string;
  description: string;
  grants: readonly RoleGrant[];
  /** May approve, return and reject submissions (the review actions of the workflow). */
  decides: boolean;
  /** May upload and manage files in the media library (notice attachments). */
  media: boolean;
  /** The levels of the agency approval chain this role decides at (seeds/004 §七). */
  agencyLevels?: readonly AgencyLevel[];
}

/**
 * Strapi's `code` of a StatDesk role ('Reviewer' → 'statdesk-reviewer'): Strapi makes a new one
 * from the name and a timestamp on every database, and the name is what staff read, in zh-CN.
 */
export const adminRoleCode = (name: string): string => `statdesk-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;

/**
 * Strapi's own super admin role, found by the code Strapi gives it: shown on the home page and in
 * Settings as "Super Admin" (in capitals on the home page's profile card) until renamed.
 */
export const superAdminRole = {
  code: 'strapi-super-admin',
  displayName: '系统管理员',
  description: '系统管理员：管理后台账号、角色和辖区分配，可以使用全部功能。',
} as const;

const uid = (singular: string) => `api::${singular}.${singular}`;
const submissionUids = (Object.keys(submissionKinds) as SubmissionKindId[]).map((id) => uid(submissionKinds[id].collection));
const read = ['read'] as const;
const edit = ['read', 'create', 'update', 'delete'] as const;
const keep = ['read', 'create', 'update'] as const;

/** The custom admin action behind 通过 / 退回修改 / 不通过, one subject per submission type. */
export const DECIDE_ACTION = 'api::review.decide';

export const adminRoles: readonly AdminRoleDefinition[] = [
  {
    name: 'Reviewer',
    displayName: '审核员',
    description: '数据开发中心审核员：查看申请及盖章申请表，作出通过、退回修改、不通过的决定；不能修改申请内容，不能删除。',
    grants: [
      // Reviewers compare the record with the stamped form, ID numbers included (seeds/000 §二).
      ...submissionUids.map((subject) => ({ uid: subject, actions: read, personal: true })),
      { uid: uid('stamped-form'), actions: read, personal: true },
      { uid: uid('attachment'), actions: read, personal: true },
      { uid: uid('dataset'), actions: read, personal: false },
    ],
    decides: true,
    media: false,
  },
  {
    name: 'Content editor',
    displayName: '内容编辑',
    description: '内容编辑：维护数据目录、通知公告、网站设置和打印模板，查看成果登记（不含个人信息）。',
    grants: [
      { uid: uid('dataset'), actions: edit, personal: false },
      { uid: uid('notice'), actions: edit, personal: false },
      // One settings entry: kept, never deleted (the pages fall back to the seed's words without it).
      { uid: uid('site-setting'), actions: keep, personal: false },
      { uid: uid('print-template'), actions: edit, personal: false },
      // Registered outcomes are announced; who filed them is not the editor's business.
      { uid: uid('outcome'), actions: read, personal: false },
    ],
    decides: false,
    media: true,
  },
  {
    name: 'Bureau staff',
    displayName: '统计局业务人员',
    description: '统计局工作人员：统计从业人员、统计代理机构、一套表直报企业、网报期和计算参数。',
    grants: [
      { uid: uid('statistician'), actions: ['read', 'update'], personal: true },
      // seeds/004 §十一: the links a 综合统计人员 gave colleagues, read when a registration is questioned.
      { uid: uid('registration-link'), actions: read, personal: true },
      { uid: uid('enterprise'), actions: keep, personal: false },
      { uid: uid('reporting-period'), actions: keep, personal: false },
      { uid: uid('delegation'), actions: keep, personal: false },
      { uid: uid('direct-report-setting'), actions: ['read', 'update'], personal: false },
      // seeds/004 §六: the bureau knows which addresses are its stations', offices' and agencies'.
      { uid: uid('operator-address'), actions: keep, personal: false },
    ],
    decides: false,
    media: false,
  },
  ...(
    [
      [
        'County bureau',
        '县区统计局',
        'county',
        '县区统计局：审核本县区的统计代理机构登记，开放或代为修改统计从业人员注册表，查看本县区的一套表直报率。',
      ],
      ['City bureau', '市州统计局', 'city', '市州统计局：审批县区审核通过的统计代理机构登记，查看本市州的一套表直报率。'],
      [
        'Province collection centre',
        '省数据采集中心',
        'province',
        '省数据采集中心：确认统计代理机构登记并确定委托生效日期，查看全省的一套表直报率。',
      ],
    ] as const
  ).map(([name, displayName, level, description]) => ({
    name,
    displayName,
    description,
    grants: [
      // seeds/004 §七: a 县区 reviews its own agencies and a 市州 its counties'; the province sees all.
      { uid: uid('agency'), actions: read, personal: true, inJurisdiction: level !== 'province' },
      { uid: uid('delegation'), actions: read, personal: false },
      { uid: uid('operator-address'), actions: read, personal: false },
      // The 一套表直报率 page and its exports, for the bureau's own region (seeds/004 §五: each 市州 reads its rates).
      { uid: uid('enterprise'), actions: read, personal: false, inJurisdiction: level !== 'province' },
      // seeds/004 §十二: the person asks the local bureau to reopen or correct a registration.
      ...(level === 'county'
        ? [
            { uid: uid('statistician'), actions: ['read', 'update'] as const, personal: true },
            { uid: uid('registration-link'), actions: read, personal: true },
          ]
        : []),
      // seeds/004 §七 "在试点统计代理制的地方": the province sets where agencies may register.
      ...(level === 'province' ? [{ uid: uid('agency-pilot'), actions: edit, personal: false }] : []),
    ],
    decides: false,
    media: false,
    agencyLevels: [level],
  })),
];

/** The roles limited to their 辖区 (辖区分配): the county and city bureaus; the province sees every region. */
const regionBoundRoleCodes = new Set(
  adminRoles.filter((role) => role.agencyLevels?.some((level) => level !== 'province')).map((role) => adminRoleCode(role.name)),
);

/**
 * Whether a user with these roles works in one region only. A user who also holds a role without
 * that limit (the bureau's own staff, a super admin) is not limited by the other.
 */
export const isRegionBound = (roleCodes: readonly string[]): boolean =>
  roleCodes.length > 0 && roleCodes.every((code) => regionBoundRoleCodes.has(code));

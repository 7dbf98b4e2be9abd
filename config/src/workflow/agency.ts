import { t } from '../i18n/messages.ts';
import { isIsoDate } from '../validators/date.ts';
/**
 * The approval chain of an agent agency (seeds/004 §七): the 县区 bureau reviews, the 市州
 * bureau approves, the province's collection centre confirms with the date the delegations take
 * effect. Any level may refuse, with a reason. As data, like workflow/submission.ts.
 */
export const agencyStatuses = ['county_review', 'city_review', 'province_review', 'confirmed', 'rejected'] as const;
export type AgencyStatus = (typeof agencyStatuses)[number];

export const agencyStatusLabels: Record<AgencyStatus, string> = {
  county_review: '待县区统计局审核',
  city_review: '待市州统计局审批',
  province_review: '待省数据采集中心确认',
  confirmed: '已确认生效',
  rejected: '未通过',
};

export const agencyLevels = ['county', 'city', 'province'] as const;
export type AgencyLevel = (typeof agencyLevels)[number];

export const agencyLevelLabels: Record<AgencyLevel, string> = {
  county: '县区统计局',
  city: '市州统计局',
  province: '省数据采集中心',
};

/** The admin permission of each level (registered at bootstrap, granted by role). */
export const agencyReviewAction = (level: AgencyLevel) => `api::agency.review-${level}`;

/** The status each level decides on. */
export const statusAtLevel: Record<AgencyLevel, AgencyStatus> = {
  county: 'county_review',
  city: 'city_review',
  province: 'province_review',
};

export type AgencyDecision = 'approve' | 'reject';
export const agencyActions = ['submit', 'county_approve', 'city_approve', 'province_confirm', 'reject', 'resubmit'] as const;
export type AgencyAction = (typeof agencyActions)[number];

export const agencyActionLabels: Record<AgencyAction, string> = {
  submit: '提交登记',
  county_approve: '县区审核通过',
  city_approve: '市州审批通过',
  province_confirm: '省数据采集中心确认',
  reject: '不通过',
  resubmit: '补充材料后重新提交',
};

const approvals: Record<AgencyLevel, { action: AgencyAction; to: AgencyStatus }> = {
  county: { action: 'county_approve', to: 'city_review' },
  city: { action: 'city_approve', to: 'province_review' },
  province: { action: 'province_confirm', to: 'confirmed' },
};

export type AgencyCheck =
  | { ok: true; action: AgencyAction; to: AgencyStatus }
  | { ok: false; status: 400 | 409; field?: 'reason' | 'effectiveDate'; message: string };

/** Whether `level` may decide now, what the decision is called and where it leads. */
export function checkAgencyDecision(
  from: AgencyStatus,
  level: AgencyLevel,
  decision: { decision: AgencyDecision; reason?: string | undefined; effectiveDate?: string | undefined },
): AgencyCheck {
  if (statusAtLevel[level] !== from)
    return {
      ok: false,
      status: 409,
      message: t('workflow.agency.notYourLevel', { status: agencyStatusLabels[from], level: agencyLevelLabels[level] }),
    };
  if (decision.decision === 'reject') {
    if (!decision.reason?.trim()) return { ok: false, status: 400, field: 'reason', message: t('workflow.agency.reasonRequired') };
    return { ok: true, action: 'reject', to: 'rejected' };
  }
  if (level === 'province') {
    const date = decision.effectiveDate?.trim() ?? '';
    if (!date) return { ok: false, status: 400, field: 'effectiveDate', message: t('workflow.agency.effectiveDateRequired') };
    if (!isIsoDate(date)) return { ok: false, status: 400, field: 'effectiveDate', message: t('workflow.agency.effectiveDate') };
  }
  return { ok: true, ...approvals[level] };
}

/** The level whose review a status is, if any. */
const levelOfStatus = (status: string | null): AgencyLevel | undefined => agencyLevels.find((level) => statusAtLevel[level] === status);

/** One step of an agency's history, as stored (lib/history). */
export interface AgencyEvent {
  action: string;
  fromStatus: string | null;
  actor: string;
  reason: string | null;
  at: string;
}

/**
 * The level that refused a registration: the agency supplements its documents and resubmits to
 * that level under the same number (seeds/004 §七: the county reviews until 审核无误, the city
 * approves, the province confirms). Undefined when the last decision was no refusal.
 */
export function refusingLevel(events: readonly AgencyEvent[]): AgencyLevel | undefined {
  const last = [...events].reverse().find((event) => event.action !== 'upload' && event.action !== 'edit');
  return last?.action === 'reject' ? levelOfStatus(last.fromStatus) : undefined;
}

/** What a level last decided on a registration, who and why: what the levels above read (seeds/004 §七). */
export interface LevelDecision {
  level: AgencyLevel;
  levelLabel: string;
  actionLabel: string;
  actor: string;
  reason: string | null;
  at: string;
}

/** The latest decision of each level that has decided, county first. */
export function decisionsByLevel(events: readonly AgencyEvent[]): LevelDecision[] {
  return agencyLevels.flatMap((level) => {
    const decision = [...events]
      .reverse()
      .find((event) => event.action !== 'submit' && event.action !== 'resubmit' && levelOfStatus(event.fromStatus) === level);
    if (!decision) return [];
    return [
      {
        level,
        levelLabel: agencyLevelLabels[level],
        actionLabel: agencyActionLabels[decision.action as AgencyAction] ?? decision.action,
        actor: decision.actor,
        reason: decision.reason,
        at: decision.at,
      },
    ];
  });
}

/**
 * Whether an agency of `countyCode` is in a pilot of the statistical agency system ("在试点统计代理制的
 * 地方", seeds/004 §七): the province lists pilots as 县区, whole 市州 or the whole province.
 */
export function isAgencyPilot(pilotCodes: readonly string[], countyCode: string): boolean {
  const pilots = new Set(pilotCodes);
  return pilots.has(countyCode) || pilots.has(`${countyCode.slice(0, 4)}00`) || pilots.has(`${countyCode.slice(0, 2)}0000`);
}

export const AGENCY_MODEL = 'api::agency.agency';
export const STATISTICIAN_MODEL = 'api::statistician.statistician';

export interface BureauEvent {
  action: string;
  actionLabel: string;
  toLabel: string;
  actor: string;
  reason: string | null;
  /** A personal field's change is stored by name only ({ withheld: true }), never with its values. */
  changes?: Record<string, { from: unknown; to: unknown } | { withheld: true }> | null;
  at: string;
}

export interface AgencyRecord {
  agency: {
    registrationNo: string;
    status: string;
    statusLabel: string;
    reviewReason: string | null;
    effectiveDate: string | null;
    countyCode: string;
    countyName: string;
    /** `letter`: the purpose of the enterprise's 委托书 among the documents. */
    delegators: Array<{ code: string; name: string; letter: string }>;
  };
  documents: Array<{ purpose: string; fileName: string; size: number }>;
  history: BureauEvent[];
  level: 'county' | 'city' | 'province' | null;
  canDecide: boolean;
}

export interface StatisticianRecord {
  registration: { registrationNo: string; state: 'locked' | 'reopened' | 'removed'; stateLabel: string };
  history: BureauEvent[];
  fieldLabels: Record<string, string>;
  canManage: boolean;
}

export const agencyPath = (no: string | undefined) => (no ? `/bureau-desk/agencies/${encodeURIComponent(no)}` : undefined);
export const statisticianPath = (no: string | undefined) => (no ? `/bureau-desk/statisticians/${encodeURIComponent(no)}` : undefined);

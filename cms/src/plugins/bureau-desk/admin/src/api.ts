import { endpoints, pathOf } from '@statdesk/config/contract';

export const AGENCY_MODEL = 'api::agency.agency';
export const STATISTICIAN_MODEL = 'api::statistician.statistician';

export type { AgencyRecord, BureauEvent, StatisticianRecord } from '@statdesk/config/contract';

export const agencyPath = (no: string | undefined) => (no ? pathOf(endpoints.bureauAgency, { no }) : undefined);
export const statisticianPath = (no: string | undefined) => (no ? pathOf(endpoints.bureauStatistician, { no }) : undefined);
export const myJurisdictionPath = pathOf(endpoints.bureauMyJurisdiction, {});

import { endpoints as e } from '@statdesk/config/contract';
import { deskRoute } from '../../../../../lib/contract-routes';
import { withFieldAccess } from '../../../../../lib/field-access';

const PREFIX = '/bureau-desk';
/** Method and path from the contract (config/src/contract), under the plugin's prefix. */
const desk = (endpoint: Parameters<typeof deskRoute>[1], handler: string) => deskRoute(PREFIX, endpoint, handler);

/**
 * The bureau's desk in the admin. Admin routes: every one needs a signed-in admin (the admin JWT);
 * the controller checks the role's permission and the field-access policy its field permissions
 * (mounted under /bureau-desk as the plugin's admin router, as the review desk's are).
 */
export const bureauDeskRoutes = {
  type: 'admin' as const,
  prefix: PREFIX,
  routes: withFieldAccess([
    desk(e.bureauAgencyQueues, 'bureau-desk.agencyQueues'),
    desk(e.bureauMyJurisdiction, 'bureau-desk.myJurisdiction'),
    desk(e.bureauStatistician, 'bureau-desk.statistician'),
    desk(e.bureauReopenStatistician, 'bureau-desk.reopen'),
    desk(e.bureauRemoveStatistician, 'bureau-desk.remove'),
    desk(e.bureauConfirmStatisticianUnit, 'bureau-desk.confirmUnit'),
    desk(e.bureauResetStatisticianPassword, 'bureau-desk.resetPassword'),
    desk(e.bureauAgency, 'bureau-desk.agency'),
    desk(e.bureauDecideAgency, 'bureau-desk.decideAgency'),
    desk(e.bureauAgencyDocument, 'bureau-desk.agencyDocument'),
    desk(e.bureauReportPeriods, 'bureau-desk.reportPeriods'),
    desk(e.bureauPeriodClosings, 'bureau-desk.periodClosings'),
    desk(e.bureauClosePeriod, 'bureau-desk.closePeriod'),
    desk(e.bureauReopenPeriod, 'bureau-desk.reopenPeriod'),
    // The export first: its path (`…/2026-10.xlsx`) would match the report's `:period` too.
    desk(e.bureauExportReport, 'bureau-desk.exportReport'),
    desk(e.bureauReport, 'bureau-desk.report'),
  ]),
};

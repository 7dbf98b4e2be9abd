import { withFieldAccess } from '../../../../../lib/field-access';

/**
 * The bureau's desk in the admin. Admin routes: every one needs a signed-in admin (the admin JWT);
 * the controller checks the role's permission and the field-access policy its field permissions
 * (mounted under /bureau-desk as the plugin's admin router, as the review desk's are).
 */
export const bureauDeskRoutes = {
  type: 'admin' as const,
  prefix: '/bureau-desk',
  routes: withFieldAccess([
    { method: 'GET', path: '/statisticians/:no', handler: 'bureau-desk.statistician' },
    { method: 'POST', path: '/statisticians/:no/reopen', handler: 'bureau-desk.reopen' },
    { method: 'POST', path: '/statisticians/:no/remove', handler: 'bureau-desk.remove' },
    { method: 'GET', path: '/agencies/:no', handler: 'bureau-desk.agency' },
    { method: 'POST', path: '/agencies/:no/decisions', handler: 'bureau-desk.decideAgency' },
    { method: 'GET', path: '/agencies/:no/documents/:purpose', handler: 'bureau-desk.agencyDocument' },
    { method: 'GET', path: '/direct-report/periods', handler: 'bureau-desk.reportPeriods' },
    { method: 'GET', path: '/direct-report/reports/:period', handler: 'bureau-desk.report' },
  ]),
};

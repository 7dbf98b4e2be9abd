import { withFieldAccess } from '../../lib/field-access';
import controller from './controllers/bureau-desk';

/**
 * The bureau's desk in the admin. Admin routes: every one needs a signed-in admin (the admin JWT);
 * the controller checks the role's permission and the field-access policy its field permissions
 * (see review-desk/admin-routes.ts for why these are registered in src/index.ts).
 */
export const bureauDeskRoutes = {
  type: 'admin' as const,
  prefix: '/bureau-desk',
  routes: withFieldAccess([
    { method: 'GET', path: '/statisticians/:no', handler: controller.statistician },
    { method: 'POST', path: '/statisticians/:no/reopen', handler: controller.reopen },
    { method: 'POST', path: '/statisticians/:no/remove', handler: controller.remove },
    { method: 'GET', path: '/agencies/:no', handler: controller.agency },
    { method: 'POST', path: '/agencies/:no/decisions', handler: controller.decideAgency },
    { method: 'GET', path: '/agencies/:no/documents/:purpose', handler: controller.agencyDocument },
    { method: 'GET', path: '/direct-report/periods', handler: controller.reportPeriods },
    { method: 'GET', path: '/direct-report/reports/:period', handler: controller.report },
  ]),
};

import type { Core } from '@strapi/strapi';
import { answerGateBeforeKoa } from './api/statistician/gate-fast-path';
import { createGateIndex, type GateIndex } from './api/statistician/services/gate-index';
import { scheduleAccessPeriods } from './bootstrap/access-period-job';
import { forgetOtherAdminLanguages } from './bootstrap/admin-language';
import { ensureAdminRoles, nameSuperAdminRole, registerReviewAction } from './bootstrap/admin-roles';
import { seedAgencyPilots } from './bootstrap/agency-pilots';
import { closePublicSignUp } from './bootstrap/close-public-sign-up';
import { createFirstAdmin } from './bootstrap/create-first-admin';
import { registerJurisdictionCondition } from './bootstrap/jurisdiction';
import { configureReviewViews } from './bootstrap/list-views';
import { type MailWorker, startMailWorker } from './bootstrap/mail-worker';
import { withdrawMarketplace } from './bootstrap/no-marketplace';
import { seedAgencyDemo } from './bootstrap/seed-agency-demo';
import { seedContent } from './bootstrap/seed-content';
import { seedDemo } from './bootstrap/seed-demo';
import { seedDirectReport } from './bootstrap/seed-direct-report-demo';
import { seedStatisticianDemo } from './bootstrap/seed-statistician-demo';
import { stripDefaultRoles } from './bootstrap/strip-default-roles';
import { closePrinter, warmUpPrinter } from './lib/pdf-printer';
import { serviceOf } from './lib/services';

let gateIndex: GateIndex | undefined;
let mailWorker: MailWorker | undefined;

export default {
  async register({ strapi }: { strapi: Core.Strapi }) {
    await registerReviewAction(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await closePublicSignUp(strapi);
    // Before the roles: their agency permissions carry this condition.
    await registerJurisdictionCondition(strapi);
    await ensureAdminRoles(strapi);
    await nameSuperAdminRole(strapi);
    await withdrawMarketplace(strapi);
    await stripDefaultRoles(strapi);
    await forgetOtherAdminLanguages(strapi);
    await configureReviewViews(strapi);
    await createFirstAdmin(strapi);
    await seedContent(strapi);
    await seedAgencyPilots(strapi);
    gateIndex = createGateIndex(strapi);
    await gateIndex.start();
    serviceOf(strapi, 'api::statistician.gate').attachIndex(gateIndex);
    answerGateBeforeKoa(strapi);
    mailWorker = startMailWorker(strapi);
    await seedDemo(strapi);
    await seedDirectReport(strapi);
    await seedAgencyDemo(strapi);
    await seedStatisticianDemo(strapi);
    await scheduleAccessPeriods(strapi);
    // Not awaited: the server answers meanwhile. Tests start many servers and print in few.
    if (process.env.NODE_ENV !== 'test') void warmUpPrinter((message) => strapi.log.info(message));
  },

  async destroy() {
    await mailWorker?.stop();
    await gateIndex?.stop();
    await closePrinter();
  },
};

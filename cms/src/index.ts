import type { Core } from '@strapi/strapi';
import { bureauDeskRoutes } from './api/bureau-desk/admin-routes';
import { reviewDeskRoutes } from './api/review-desk/admin-routes';
import { answerGateBeforeKoa } from './api/statistician/gate-fast-path';
import type { GateService } from './api/statistician/services/gate';
import { createGateIndex, GATE_TRIGGER_SQL, type GateIndex } from './api/statistician/services/gate-index';
import { forgetOtherAdminLanguages } from './bootstrap/admin-language';
import { ensureAdminRoles, registerReviewAction } from './bootstrap/admin-roles';
import { closePublicSignUp } from './bootstrap/close-public-sign-up';
import { createFirstAdmin } from './bootstrap/create-first-admin';
import { registerJurisdictionCondition } from './bootstrap/jurisdiction';
import { configureReviewViews } from './bootstrap/list-views';
import { seedAgencyDemo } from './bootstrap/seed-agency-demo';
import { seedContent } from './bootstrap/seed-content';
import { seedDemo } from './bootstrap/seed-demo';
import { seedDirectReport } from './bootstrap/seed-direct-report-demo';
import { seedStatisticianDemo } from './bootstrap/seed-statistician-demo';
import { stripDefaultRoles } from './bootstrap/strip-default-roles';
import { closePrinter } from './lib/pdf-printer';

let gateIndex: GateIndex | undefined;

export default {
  async register({ strapi }: { strapi: Core.Strapi }) {
    await registerReviewAction(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await closePublicSignUp(strapi);
    // Mounted when the server starts listening, after bootstrap (see admin-routes.ts).
    strapi.server.routes(reviewDeskRoutes as never);
    strapi.server.routes(bureauDeskRoutes as never);
    // Before the roles: their agency permissions carry this condition.
    await registerJurisdictionCondition(strapi);
    await ensureAdminRoles(strapi);
    await stripDefaultRoles(strapi);
    await forgetOtherAdminLanguages(strapi);
    await configureReviewViews(strapi);
    await createFirstAdmin(strapi);
    await seedContent(strapi);
    // Strapi checks `unique` in the application only; the bulk upsert needs the database to know it.
    await strapi.db.connection.raw('create unique index if not exists enterprises_code_unique on enterprises (code)');
    // A report's page of explanations is in code order under "C" (as the reference sorts): read
    // along this index rather than sorting 100 000 enterprises for 100.
    await strapi.db.connection.raw('create index if not exists enterprises_code_c on enterprises (code collate "C")');
    // One registration per ID number (seeds/004 §十二), and the gate's containment lookup indexed.
    await strapi.db.connection.raw('create unique index if not exists statisticians_id_number_unique on statisticians (id_number)');
    await strapi.db.connection.raw(
      'create index if not exists statisticians_service_units on statisticians using gin (service_units jsonb_path_ops)',
    );
    await strapi.db.connection.raw(GATE_TRIGGER_SQL);
    gateIndex = createGateIndex(strapi);
    await gateIndex.start();
    (strapi.service('api::statistician.gate') as unknown as GateService).attachIndex(gateIndex);
    answerGateBeforeKoa(strapi);
    await seedDemo(strapi);
    await seedDirectReport(strapi);
    await seedAgencyDemo(strapi);
    await seedStatisticianDemo(strapi);
  },

  async destroy() {
    await gateIndex?.stop();
    await closePrinter();
  },
};

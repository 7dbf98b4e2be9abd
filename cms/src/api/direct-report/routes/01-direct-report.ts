import { endpoints as e } from '@statdesk/config/contract';
import { contentRoute } from '../../../lib/contract-routes';

/**
 * The data collection platform's API (DESIGN.md). Every route needs an API token (Strapi's
 * content-API auth); a read-only token may read reports, the calendar, the delegations, the
 * known operator addresses and the settings but not write them. Strapi lets a read-only token call only handlers named `find` and
 * `findOne`, so the CSV and XLSX exports go through `find` too, the format a parameter of the path.
 */
const token = { policies: [] };

export default {
  routes: [
    contentRoute(e.upsertEnterprises, 'direct-report.upsertEnterprises', token),
    contentRoute(e.ingestLoginEvents, 'direct-report.ingest', token),
    contentRoute(e.exportReport, 'direct-report.find', token),
    contentRoute(e.report, 'direct-report.find', token),
    contentRoute(e.listPeriods, 'periods.find', token),
    contentRoute(e.upsertPeriods, 'periods.upsert', token),
    contentRoute(e.closePeriod, 'periods.close', token),
    contentRoute(e.reopenPeriod, 'periods.reopen', token),
    contentRoute(e.listDelegations, 'delegations.find', token),
    contentRoute(e.upsertDelegations, 'delegations.upsert', token),
    contentRoute(e.listOperatorAddresses, 'operator-addresses.find', token),
    contentRoute(e.upsertOperatorAddresses, 'operator-addresses.upsert', token),
    contentRoute(e.settings, 'settings.find', token),
    contentRoute(e.updateSettings, 'settings.replace', token),
    contentRoute(e.ingestions, 'ingestions.find', token),
  ],
};

/**
 * The data collection platform's API (DESIGN.md). Every route needs an API token (Strapi's
 * content-API auth); a read-only token may read reports but not write.
 */
export default {
  routes: [
    { method: 'PUT', path: '/direct-report/enterprises', handler: 'direct-report.upsertEnterprises', config: { policies: [] } },
    { method: 'POST', path: '/direct-report/login-events', handler: 'direct-report.ingest', config: { policies: [] } },
    { method: 'GET', path: '/direct-report/reports/:period.csv', handler: 'direct-report.findCsv', config: { policies: [] } },
    { method: 'GET', path: '/direct-report/reports/:period.xlsx', handler: 'direct-report.findXlsx', config: { policies: [] } },
    { method: 'GET', path: '/direct-report/reports/:period', handler: 'direct-report.find', config: { policies: [] } },
  ],
};

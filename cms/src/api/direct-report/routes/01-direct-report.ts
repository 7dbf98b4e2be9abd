/**
 * The data collection platform's API (DESIGN.md). Every route needs an API token (Strapi's
 * content-API auth); a read-only token may read reports but not write. Strapi lets a read-only
 * token call only handlers named `find` and `findOne`, so the CSV and XLSX exports go through
 * `find` too, the format a parameter of the path.
 */
export default {
  routes: [
    { method: 'PUT', path: '/direct-report/enterprises', handler: 'direct-report.upsertEnterprises', config: { policies: [] } },
    { method: 'POST', path: '/direct-report/login-events', handler: 'direct-report.ingest', config: { policies: [] } },
    { method: 'GET', path: '/direct-report/reports/:period.:format(csv|xlsx)', handler: 'direct-report.find', config: { policies: [] } },
    { method: 'GET', path: '/direct-report/reports/:period', handler: 'direct-report.find', config: { policies: [] } },
  ],
};

export default {
  routes: [
    // Public: anyone may register (the ID number is checked, the answer reveals nothing of others).
    { method: 'POST', path: '/public/statisticians', handler: 'statistician.register', config: { auth: false as const, policies: [] } },
    // The data collection platform asks on its login path, with an API token. Named findOne so
    // that a read-only token (Strapi lets those call find/findOne only) is enough: least privilege.
    { method: 'GET', path: '/direct-report/gate/:enterpriseCode', handler: 'statistician.findOne', config: { policies: [] } },
  ],
};

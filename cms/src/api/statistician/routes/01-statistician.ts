const open = { auth: false as const, policies: [] };

export default {
  routes: [
    // Public: anyone may register (the ID number is checked, the answer reveals nothing of others).
    { method: 'POST', path: '/public/statisticians', handler: 'statistician.register', config: open },
    // Public, limited per ID number and per address: the ID and the query password open one registration.
    { method: 'POST', path: '/public/statisticians/lookup', handler: 'statistician.lookUp', config: open },
    // The look-up's bearer token (checked in the controller) opens that registration only.
    { method: 'GET', path: '/public/statisticians/mine', handler: 'statistician.mine', config: open },
    { method: 'PUT', path: '/public/statisticians/mine/service-units', handler: 'statistician.resubmit', config: open },
    // The data collection platform asks on its login path, with an API token. Named findOne so
    // that a read-only token (Strapi lets those call find/findOne only) is enough: least privilege.
    { method: 'GET', path: '/direct-report/gate/:enterpriseCode', handler: 'statistician.findOne', config: { policies: [] } },
  ],
};

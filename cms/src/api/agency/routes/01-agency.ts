const open = { auth: false as const, policies: [] };

export default {
  routes: [
    // Public: an agency registers with its documents (multipart); the answer reveals nothing of others.
    { method: 'POST', path: '/public/agencies', handler: 'agency.register', config: open },
    // Public, rate-limited: the registration number and query password open one registration's status.
    { method: 'POST', path: '/public/agencies/lookup', handler: 'agency.lookUp', config: open },
    // Public, with the look-up's short-lived token: that one registration's status again.
    { method: 'GET', path: '/public/agencies/mine', handler: 'agency.mine', config: open },
  ],
};

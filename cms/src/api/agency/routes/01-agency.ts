export default {
  routes: [
    // Public: an agency registers with its documents (multipart); the answer reveals nothing of others.
    { method: 'POST', path: '/public/agencies', handler: 'agency.register', config: { auth: false as const, policies: [] } },
  ],
};

export default {
  routes: [
    {
      method: 'GET',
      path: '/health',
      handler: 'health.check',
      // Load balancers and `npm start` poll this without credentials; it reveals nothing personal.
      config: { auth: false, policies: [] },
    },
  ],
};

import { endpoints } from '@statdesk/config/contract';
import { contentRoute } from '../../../lib/contract-routes';

export default {
  routes: [
    // Load balancers and `npm start` poll this without credentials; it reveals nothing personal.
    contentRoute(endpoints.health, 'health.check', { auth: false, policies: [] }),
  ],
};

import { endpoints as e } from '@statdesk/config/contract';
import { contentRoute } from '../../../lib/contract-routes';

const open = { auth: false as const, policies: [] };

export default {
  routes: [
    // Public: an agency registers with its documents (multipart); the answer reveals nothing of others.
    contentRoute(e.registerAgency, 'agency.register', open),
    // Public, rate-limited: the registration number and query password open one registration's status.
    contentRoute(e.lookUpAgency, 'agency.lookUp', open),
    // Public, with the look-up's short-lived token: that one registration's status again.
    contentRoute(e.myAgency, 'agency.mine', open),
    // Public, with the look-up's token: a refused registration, supplemented, back to the level that refused it.
    contentRoute(e.resubmitAgency, 'agency.resubmit', open),
  ],
};

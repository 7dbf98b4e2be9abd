import { endpoints as e } from '@statdesk/config/contract';
import { contentRoute } from '../../../lib/contract-routes';

const open = { auth: false as const, policies: [] };

export default {
  routes: [
    // The look-up's bearer token (checked in the controller) opens the maker's own links only.
    contentRoute(e.listRegistrationLinks, 'registration-link.list', open),
    contentRoute(e.createRegistrationLink, 'registration-link.create', open),
    contentRoute(e.revokeRegistrationLink, 'registration-link.revoke', open),
    // Public: the token is 32 random bytes; the answer names the enterprise and the colleague only.
    contentRoute(e.readRegistrationLink, 'registration-link.findOne', open),
  ],
};

import { endpoints as e } from '@statdesk/config/contract';
import { contentRoute } from '../../../lib/contract-routes';

const open = { auth: false as const, policies: [] };

export default {
  routes: [
    // Public: anyone may register (the ID number is checked, the answer reveals nothing of others).
    contentRoute(e.registerStatistician, 'statistician.register', open),
    // Public, limited per ID number and per address: the ID and the query password open one registration.
    contentRoute(e.lookUpStatistician, 'statistician.lookUp', open),
    // The look-up's bearer token (checked in the controller) opens that registration only.
    contentRoute(e.myRegistration, 'statistician.mine', open),
    contentRoute(e.resubmitRegistration, 'statistician.resubmit', open),
    contentRoute(e.resubmitServiceUnits, 'statistician.resubmitServiceUnits', open),
    // Public: the link's signature names the enterprise; adding it to a registration also takes the
    // ID number and the query password, limited as the look-up is.
    contentRoute(e.readGateLink, 'statistician.gateLink', open),
    contentRoute(e.addGateUnit, 'statistician.addGateUnit', open),
    // The data collection platform asks on its login path, with an API token. Named findOne so
    // that a read-only token (Strapi lets those call find/findOne only) is enough: least privilege.
    contentRoute(e.gate, 'statistician.findOne', { policies: [] }),
  ],
};

import { ChartBubble } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { BureauPanel } from './BureauPanel';
import { bureauActions } from './bureau-actions';

type ContentManagerApis = {
  addDocumentAction(actions: unknown[]): void;
  addEditViewSidePanel(panels: unknown[]): void;
};

/** The bureau desk's admin part: the direct-report dashboard, the record's panel and actions. */
export default {
  register(app: StrapiApp) {
    app.registerPlugin({ id: 'bureau-desk', name: '统计局工作台' });
    app.addMenuLink({
      to: 'direct-report',
      icon: ChartBubble,
      intlLabel: { id: 'statdesk.direct-report', defaultMessage: '一套表直报率' },
      Component: () => import('./pages/DirectReportDashboard'),
      permissions: [{ action: 'plugin::content-manager.explorer.read', subject: 'api::enterprise.enterprise' }],
    });
  },

  bootstrap(app: StrapiApp) {
    const apis = app.getPlugin('content-manager').apis as ContentManagerApis;
    apis.addDocumentAction(bureauActions);
    apis.addEditViewSidePanel([BureauPanel]);
  },
};

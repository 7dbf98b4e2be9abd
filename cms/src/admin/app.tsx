import { ChartBubble, Clock, File, Layout, Pencil } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { BureauPanel } from './bureau/BureauPanel';
import { bureauActions } from './bureau/bureau-actions';
import { ADMIN_LOCALE, pinChineseInterface } from './chinese-interface';
import logo from './extensions/logo.svg';
import { showRegionNames } from './regions';
import { decisionActions } from './review/decision-actions';
import { ReviewPanel } from './review/ReviewPanel';
import { recordLabels } from './translations/record-labels';
import chinese from './translations/zh-Hans.json';

type ContentManagerApis = {
  addDocumentAction(actions: unknown[]): void;
  addEditViewSidePanel(panels: unknown[]): void;
};

export default {
  config: {
    // The office works in Chinese only (pinChineseInterface drops the English Strapi adds).
    locales: [ADMIN_LOCALE],
    // Our name and logo instead of Strapi's, and Chinese for what Strapi's zh-Hans leaves in English.
    translations: { [ADMIN_LOCALE]: { ...recordLabels(), ...chinese } },
    auth: { logo },
    menu: { logo },
    // Otherwise every admin page load asks api.github.com for Strapi's latest release: a government
    // network makes no outbound calls (@strapi/admin layouts/AuthenticatedLayout).
    notifications: { releases: false },
    tutorials: false,
  },

  register(app: StrapiApp) {
    pinChineseInterface(app);
    app.addMenuLink({
      to: 'review-desk',
      icon: Layout,
      intlLabel: { id: 'statdesk.review-desk', defaultMessage: '审核工作台' },
      Component: () => import('./pages/ReviewDesk'),
      permissions: [],
    });
    app.addMenuLink({
      to: 'print-templates',
      icon: Pencil,
      intlLabel: { id: 'statdesk.print-templates', defaultMessage: '打印模板' },
      Component: () => import('./pages/PrintTemplates'),
      permissions: [{ action: 'plugin::content-manager.explorer.read', subject: 'api::print-template.print-template' }],
    });
    app.addMenuLink({
      to: 'direct-report',
      icon: ChartBubble,
      intlLabel: { id: 'statdesk.direct-report', defaultMessage: '一套表直报率' },
      Component: () => import('./pages/DirectReportDashboard'),
      permissions: [{ action: 'plugin::content-manager.explorer.read', subject: 'api::enterprise.enterprise' }],
    });
    app.widgets.register([
      {
        id: 'waiting',
        icon: Clock,
        title: { id: 'statdesk.widget.waiting', defaultMessage: '等待审核' },
        link: { label: { id: 'statdesk.widget.open-desk', defaultMessage: '打开审核工作台' }, href: '/review-desk' },
        component: () => import('./widgets/WaitingWidget').then((m) => m.default),
      },
      {
        id: 'decisions',
        icon: File,
        title: { id: 'statdesk.widget.decisions', defaultMessage: '审核进度' },
        component: () => import('./widgets/DecisionsWidget').then((m) => m.default),
      },
    ]);
  },

  bootstrap(app: StrapiApp) {
    const apis = app.getPlugin('content-manager').apis as ContentManagerApis;
    apis.addDocumentAction([...decisionActions, ...bureauActions]);
    apis.addEditViewSidePanel([ReviewPanel, BureauPanel]);
    app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', showRegionNames);
  },
};

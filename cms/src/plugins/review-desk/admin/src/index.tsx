import { Clock, File, Layout, Pencil } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { decisionActions } from './decision-actions';
import { ReviewPanel } from './ReviewPanel';

type ContentManagerApis = {
  addDocumentAction(actions: unknown[]): void;
  addEditViewSidePanel(panels: unknown[]): void;
};

/** The review desk's admin part: the desk and print-template pages, the home widgets, the record's panel and actions. */
export default {
  register(app: StrapiApp) {
    app.registerPlugin({ id: 'review-desk', name: '审核工作台' });
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
    apis.addDocumentAction(decisionActions);
    apis.addEditViewSidePanel([ReviewPanel]);
  },
};

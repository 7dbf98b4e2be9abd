import type { DocumentActionComponent, PanelComponent } from '@strapi/content-manager/strapi-admin';
import { Clock, File, Layout, Pencil } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { SUBMISSION_MODELS } from './api';
import { ReviewPanel } from './ReviewPanel';
import { withoutEmptyEntryPanel, withoutReadOnlySave } from './read-only-entry';
import { reviewDeskTranslations } from './translations';

type ContentManagerApis = {
  addDocumentAction(actions: (current: DocumentActionComponent[]) => DocumentActionComponent[]): void;
  addEditViewSidePanel(panels: PanelComponent[] | ((current: PanelComponent[]) => PanelComponent[])): void;
};

/** Only roles that read submissions see the desk, its widgets and its queue (the overview needs one). */
const READS_SUBMISSIONS = SUBMISSION_MODELS.map((subject) => ({ action: 'plugin::content-manager.explorer.read', subject }));

/** The review desk's admin part: the desk and print-template pages, the home widgets, the record's panel and actions. */
export default {
  register(app: StrapiApp) {
    app.registerPlugin({ id: 'review-desk', name: '审核工作台' });
    app.addMenuLink({
      to: 'review-desk',
      icon: Layout,
      intlLabel: { id: 'statdesk.review-desk', defaultMessage: '审核工作台' },
      Component: () => import('./pages/ReviewDesk'),
      permissions: READS_SUBMISSIONS,
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
        permissions: READS_SUBMISSIONS,
      },
      {
        id: 'decisions',
        icon: File,
        title: { id: 'statdesk.widget.decisions', defaultMessage: '审核进度' },
        component: () => import('./widgets/DecisionsWidget').then((m) => m.default),
        permissions: READS_SUBMISSIONS,
      },
    ]);
  },

  bootstrap(app: StrapiApp) {
    const apis = app.getPlugin('content-manager').apis as ContentManagerApis;
    apis.addDocumentAction(withoutReadOnlySave);
    apis.addEditViewSidePanel([ReviewPanel]);
    apis.addEditViewSidePanel(withoutEmptyEntryPanel);
  },

  registerTrads: async ({ locales }: { locales: string[] }) => locales.map((locale) => ({ locale, data: reviewDeskTranslations() })),
};

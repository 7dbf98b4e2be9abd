import type { DocumentActionComponent, PanelComponent } from '@strapi/content-manager/strapi-admin';
import { ChartBubble, Clock } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { BureauPanel } from './BureauPanel';
import { bureauActions, withoutSaveOnReadOnly } from './bureau-actions';
import { showRegistrationStatus } from './registration-status';
import { UnassignedNotice } from './UnassignedNotice';
import { withoutEmptyEntryPanel } from './without-empty-entry-panel';

/** Our inputs for stored values staff should not type as JSON or by hand (cms/src/plugins/bureau-desk/server). */
const CUSTOM_FIELDS = [
  { name: 'service-units', type: 'json', label: '统计服务单位', Input: () => import('./fields/ServiceUnitsInput') },
  { name: 'region', type: 'string', label: '辖区（GB/T 2260）', Input: () => import('./fields/RegionInput') },
  { name: 'admin-user', type: 'email', label: '管理员账号', Input: () => import('./fields/AdminUserInput') },
] as const;

type ContentManagerApis = {
  addDocumentAction(actions: unknown[] | ((actions: DocumentActionComponent[]) => DocumentActionComponent[])): void;
  addEditViewSidePanel(panels: unknown[] | ((panels: PanelComponent[]) => PanelComponent[])): void;
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
    // An officer's home shows their own queue, not the review desk's (which needs submissions).
    app.widgets.register([
      {
        id: 'agency-queue',
        pluginId: 'bureau-desk',
        icon: Clock,
        title: { id: 'bureau-desk.widget.agency-queue', defaultMessage: '代理机构待审' },
        component: () => import('./widgets/AgencyQueueWidget').then((m) => m.default),
        permissions: [{ action: 'plugin::content-manager.explorer.read', subject: 'api::agency.agency' }],
      },
    ]);
    app.customFields.register(
      CUSTOM_FIELDS.map(({ name, type, label, Input }) => ({
        name,
        pluginId: 'bureau-desk',
        type,
        intlLabel: { id: `bureau-desk.${name}`, defaultMessage: label },
        intlDescription: { id: `bureau-desk.${name}.description`, defaultMessage: label },
        components: { Input },
      })),
    );
  },

  bootstrap(app: StrapiApp) {
    const contentManager = app.getPlugin('content-manager');
    const apis = contentManager.apis as ContentManagerApis;
    contentManager.injectComponent('listView', 'actions', { name: 'bureau-desk-unassigned', Component: UnassignedNotice });
    apis.addDocumentAction(bureauActions);
    apis.addDocumentAction(withoutSaveOnReadOnly);
    apis.addEditViewSidePanel([BureauPanel]);
    apis.addEditViewSidePanel(withoutEmptyEntryPanel);
    app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', showRegistrationStatus);
  },
};

/**
 * StatDesk's own services by UID, so that a look-up is typed (src/lib/services.ts). Strapi
 * generates the content types' registry (types/generated) but not one of services: a service is a
 * factory, and its type is what the factory returns. Kept apart from Strapi's Public.Services,
 * which, once declared, would have to list Strapi's own services too.
 */
import type agencyChain from '../src/api/agency/services/chain';
import type agencyRegistration from '../src/api/agency/services/registration';
import type agencyStatus from '../src/api/agency/services/status';
import type datasetCatalog from '../src/api/dataset/services/catalog';
import type directReportClosing from '../src/api/direct-report/services/closing';
import type directReportDelegations from '../src/api/direct-report/services/delegations';
import type directReportEnterprises from '../src/api/direct-report/services/enterprises';
import type directReportIngest from '../src/api/direct-report/services/ingest';
import type directReportIngestions from '../src/api/direct-report/services/ingestions';
import type directReportOperatorAddresses from '../src/api/direct-report/services/operator-addresses';
import type directReportPeriods from '../src/api/direct-report/services/periods';
import type directReportReport from '../src/api/direct-report/services/report';
import type directReportSettings from '../src/api/direct-report/services/settings';
import type noticeNotices from '../src/api/notice/services/notices';
import type registrationLinkLinks from '../src/api/registration-link/services/links';
import type siteSettingSettings from '../src/api/site-setting/services/settings';
import type statisticianAccount from '../src/api/statistician/services/account';
import type statisticianBureau from '../src/api/statistician/services/bureau';
import type statisticianGate from '../src/api/statistician/services/gate';
import type statisticianRegistration from '../src/api/statistician/services/registration';
import type reviewDeskServices from '../src/plugins/review-desk/server/src/services';

type Made<F> = F extends (...args: never[]) => infer S ? S : never;
type ReviewDesk = typeof reviewDeskServices;

declare global {
  interface StatDeskServices {
    'api::agency.chain': Made<typeof agencyChain>;
    'api::agency.registration': Made<typeof agencyRegistration>;
    'api::agency.status': Made<typeof agencyStatus>;
    'api::dataset.catalog': Made<typeof datasetCatalog>;
    'api::direct-report.closing': Made<typeof directReportClosing>;
    'api::direct-report.delegations': Made<typeof directReportDelegations>;
    'api::direct-report.enterprises': Made<typeof directReportEnterprises>;
    'api::direct-report.ingest': Made<typeof directReportIngest>;
    'api::direct-report.ingestions': Made<typeof directReportIngestions>;
    'api::direct-report.operator-addresses': Made<typeof directReportOperatorAddresses>;
    'api::direct-report.periods': Made<typeof directReportPeriods>;
    'api::direct-report.report': Made<typeof directReportReport>;
    'api::direct-report.settings': Made<typeof directReportSettings>;
    'api::notice.notices': Made<typeof noticeNotices>;
    'api::registration-link.links': Made<typeof registrationLinkLinks>;
    'api::site-setting.settings': Made<typeof siteSettingSettings>;
    'api::statistician.account': Made<typeof statisticianAccount>;
    'api::statistician.bureau': Made<typeof statisticianBureau>;
    'api::statistician.gate': Made<typeof statisticianGate>;
    'api::statistician.registration': Made<typeof statisticianRegistration>;
    'plugin::review-desk.access-periods': Made<ReviewDesk['access-periods']>;
    'plugin::review-desk.attachments': Made<ReviewDesk['attachments']>;
    'plugin::review-desk.change': Made<ReviewDesk['change']>;
    'plugin::review-desk.desk': Made<ReviewDesk['desk']>;
    'plugin::review-desk.notify': Made<ReviewDesk['notify']>;
    'plugin::review-desk.printable': Made<ReviewDesk['printable']>;
    'plugin::review-desk.password': Made<ReviewDesk['password']>;
    'plugin::review-desk.query': Made<ReviewDesk['query']>;
    'plugin::review-desk.resubmit': Made<ReviewDesk['resubmit']>;
    'plugin::review-desk.review': Made<ReviewDesk['review']>;
    'plugin::review-desk.stamped-form': Made<ReviewDesk['stamped-form']>;
    'plugin::review-desk.stats': Made<ReviewDesk['stats']>;
    'plugin::review-desk.submit': Made<ReviewDesk['submit']>;
    'plugin::review-desk.templates': Made<ReviewDesk['templates']>;
    'plugin::review-desk.turnaround': Made<ReviewDesk['turnaround']>;
  }
}

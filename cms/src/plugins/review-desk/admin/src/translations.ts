import { statusLabels } from '@statdesk/config';
import { documentStatusTranslations } from '../../../../admin/shared/document-status';

/**
 * Words Strapi's zh-Hans lacks on the pages this desk sends staff to, each a MISSING_TRANSLATION
 * error: the filter's case-insensitive operators (a reviewer filters a list by 审核状态), and the
 * empty 最近编辑 widget on the home of a role without the desk's widgets (a bureau officer's).
 */
const STRAPI_GAPS = {
  'content-manager.widget.last-edited.no-data': '没有编辑过的条目',
  'components.FilterOptions.FILTER_TYPES.$eqi': '等于(不区分大小写)',
  'components.FilterOptions.FILTER_TYPES.$nei': '不等于(不区分大小写)',
  'components.FilterOptions.FILTER_TYPES.$containsi': '包含(不区分大小写)',
  'components.FilterOptions.FILTER_TYPES.$notContainsi': '不包含(不区分大小写)',
  'components.FilterOptions.FILTER_TYPES.$startsWithi': '开头为(不区分大小写)',
  'components.FilterOptions.FILTER_TYPES.$endsWithi': '结尾为(不区分大小写)',
};

/** The review desk's words in the Content Manager: the submissions' review statuses in a list, and its filter. */
export const reviewDeskTranslations = (): Record<string, string> => ({ ...documentStatusTranslations(statusLabels), ...STRAPI_GAPS });

import { t } from '@statdesk/config';

/** The six entries of the seed's home page (seeds/000_…txt §二), then the direct-reporting tasks; in the page's language. */
export const microdataTasks = () => [
  {
    href: '/institutions/register',
    title: t('site.task.institutionsRegister.title'),
    summary: t('site.task.institutionsRegister.summary'),
  },
  { href: '/institutions', title: t('site.task.institutions.title'), summary: t('site.task.institutions.summary') },
  { href: '/data-applications/new', title: t('site.task.dataApplication.title'), summary: t('site.task.dataApplication.summary') },
  { href: '/change-applications/new', title: t('site.task.changeApplication.title'), summary: t('site.task.changeApplication.summary') },
  { href: '/query', title: t('site.task.query.title'), summary: t('site.task.query.summary') },
  { href: '/outcomes', title: t('site.task.outcomes.title'), summary: t('site.task.outcomes.summary') },
];
/** 一套表 (seeds/004): statistics staff and agent agencies register here. */
export const directReportTasks = () => [
  {
    href: '/statisticians/register',
    title: t('site.task.statisticianRegister.title'),
    summary: t('site.task.statisticianRegister.summary'),
  },
  { href: '/statisticians/lookup', title: t('site.task.statisticianLookup.title'), summary: t('site.task.statisticianLookup.summary') },
  { href: '/agencies/register', title: t('site.task.agencyRegister.title'), summary: t('site.task.agencyRegister.summary') },
  { href: '/agencies/lookup', title: t('site.task.agencyLookup.title'), summary: t('site.task.agencyLookup.summary') },
];

/** The page's description for search results: the summary the home page gives its task, if it is one. */
export function describeTask(pathname: string): string | undefined {
  const path = pathname.replace(/\/$/, '') || '/';
  const task = [
    ...microdataTasks(),
    ...directReportTasks(),
    { href: '/outcomes/register', title: '', summary: t('site.task.outcomeRegister.summary') },
  ].find((t) => t.href === path);
  return (
    task &&
    t('site.task.description', { title: task.title && t('site.task.descriptionTitle', { title: task.title }), summary: task.summary })
  );
}

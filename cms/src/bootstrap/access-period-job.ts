import type { Core } from '@strapi/strapi';
import { serviceOf } from '../lib/services';

/**
 * The daily end of access periods (plugin review-desk, services/access-periods), five minutes
 * after midnight in Beijing, when a period's last day has just passed. Every instance schedules it;
 * the service makes concurrent runs safe. It also runs once at start, so that a server that was
 * down at midnight catches up.
 */
export async function scheduleAccessPeriods(strapi: Core.Strapi): Promise<void> {
  const run = () => serviceOf(strapi, 'plugin::review-desk.access-periods').run();
  strapi.cron.add({ accessPeriods: { task: run, options: { rule: '0 5 0 * * *', tz: 'Asia/Shanghai' } } });
  await run().catch((error: unknown) => strapi.log.error(`Access periods not checked at start: ${String(error)}`));
}

import type { Core } from '@strapi/strapi';
import { serviceOf } from '../lib/services';
import { mailEnabled } from '../plugins/review-desk/server/src/services/notify';

export interface MailWorker {
  /** Stops the timer and waits for a pass under way, so the database is not closed beneath it. */
  stop(): Promise<void>;
}

/** How often each instance looks for due mail; `MAIL_OUTBOX_INTERVAL_MS=0` runs no worker here. */
const intervalOf = (): number => {
  const configured = Number(process.env.MAIL_OUTBOX_INTERVAL_MS ?? 5000);
  return Number.isFinite(configured) && configured >= 0 ? configured : 5000;
};

/**
 * Sends the outbox's due mail every few seconds, on every instance: the rows each pass claims are
 * locked with SKIP LOCKED, so instances share the work without sending a message twice
 * (lib/mail-outbox.ts). Nothing runs when mail is off. A pass never overlaps the previous one, and
 * a failure (the database restarting) is logged and tried again at the next tick.
 */
export function startMailWorker(strapi: Core.Strapi): MailWorker {
  const interval = intervalOf();
  if (!mailEnabled() || interval === 0) return { stop: async () => {} };
  let pass: Promise<unknown> | undefined;
  const tick = () => {
    if (pass) return;
    pass = serviceOf(strapi, 'plugin::review-desk.notify')
      .deliverDue()
      .catch((error: unknown) => strapi.log.warn(`Mail worker pass failed: ${String(error)}`))
      .finally(() => {
        pass = undefined;
      });
  };
  const timer = setInterval(tick, interval);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await pass;
    },
  };
}

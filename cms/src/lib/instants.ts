import { isIsoDateTime, t } from '@statdesk/config';
import { errors } from '@strapi/utils';

/**
 * Refuses, before Strapi stores them, datetime attributes that are not ISO 8601 instants with an
 * offset on a day and at a time that exist (config's one validator, DESIGN.md "dates are ISO 8601
 * with offset"). Strapi's own check refuses 30 February in English, and takes a time without an
 * offset as the server's local time, which moves a window by the server's time zone.
 * A Date (set by our own services and seeds) is checked for being a valid instant only.
 */
export function checkInstants(data: Record<string, unknown> | undefined, labels: Record<string, string>): void {
  if (!data) return;
  const wrong = Object.entries(labels).flatMap(([name, label]) => {
    const value = data[name];
    const isValid =
      value === undefined ||
      value === null ||
      (value instanceof Date ? !Number.isNaN(value.getTime()) : typeof value === 'string' && isIsoDateTime(value.trim()));
    return isValid ? [] : [{ path: [name], message: t('validators.date.dateTimeOf', { label }) }];
  });
  const first = wrong[0];
  if (first) throw new errors.ValidationError(first.message, { errors: wrong });
}

/**
 * Refuses a window whose end is not after its start (a period's [opensAt, closesAt), a
 * delegation's [effectiveFrom, effectiveTo)): such a window holds no instant, and the rule would
 * silently count nothing in it. Checked when both ends are in the data being saved.
 */
export function checkOrder(data: Record<string, unknown> | undefined, from: string, to: string, message: string): void {
  const start = data?.[from];
  const end = data?.[to];
  if (start === undefined || start === null || end === undefined || end === null) return;
  const millis = (value: unknown) => (value instanceof Date ? value.getTime() : Date.parse(String(value).trim()));
  if (millis(end) <= millis(start)) throw new errors.ValidationError(message, { errors: [{ path: [to], message }] });
}

import { type Field, t } from '@statdesk/config';
import type { AstroGlobal } from 'astro';
import { visitorAddress } from './client-address.ts';
import { lookUpAgency } from './cms/agencies.ts';
import type { Refusal } from './cms/errors.ts';
import { lookUpStatistician } from './cms/statisticians.ts';
import { queryRecords } from './cms/submissions.ts';
import { readFormBody } from './form-body.ts';
import { agencyCookie, type LookUpCookie, recordsCookie, registrationCookie } from './session.ts';

/**
 * A refused look-up as its page shows it: a wrong pair once, next to the password (GOV.UK: the
 * error summary links to the field); other problems by field, or else as the summary's message.
 */
export function lookUpProblems(refusal: Refusal): { errors: Record<string, string>; message: string | undefined } {
  const errors = refusal.status === 401 ? { password: refusal.message } : refusal.fields;
  return { errors, message: Object.keys(errors).length === 0 ? refusal.message : undefined };
}

/** The query password field of a look-up; `shownWhen` says when the person was shown it (提交申请时, 注册后…). */
export const queryPasswordField = (shownWhen: string): Field => ({
  name: 'password',
  type: 'text',
  label: t('site.lookUp.passwordLabel'),
  hint: t('site.lookUp.passwordHint', { shownWhen }),
  maxLength: 20,
  autocomplete: 'off',
});

/** What opens a statistician's registration: the ID number and the query password (seeds/004 §十二). */
export const registrationIdField = (): Field => ({
  name: 'idNumber',
  type: 'idCard',
  label: t('site.statisticianLookup.idLabel'),
  hint: t('site.statisticianLookup.idHint'),
});
export const registrationPasswordField = () => queryPasswordField(t('site.statisticianLookup.shownWhen'));

/** One look-up page: where it lives, the cookie that keeps its token, and what opens it. */
export interface LookUp {
  path: string;
  cookie: LookUpCookie;
  /** The form field that names what is looked up: phone, registration number or ID number. */
  identifier: string;
  open(identifier: string, password: string, clientAddress: string): Promise<{ ok: true; data: { token: string } } | Refusal>;
}

/** 申请结果查询 (seeds/000 §3.4), 代理机构登记查询 (seeds/004 §七) and 注册信息查询 (seeds/004 §十二). */
export const lookUps = {
  records: { path: '/query', cookie: recordsCookie, identifier: 'phone', open: queryRecords },
  agency: { path: '/agencies/lookup', cookie: agencyCookie, identifier: 'registrationNo', open: lookUpAgency },
  registration: { path: '/statisticians/lookup', cookie: registrationCookie, identifier: 'idNumber', open: lookUpStatistician },
} satisfies Record<string, LookUp>;

/** What a look-up page shows after a request: a redirect to follow, or the form's identifier and problems. */
export interface LookUpOutcome {
  redirect?: Response;
  identifier: string;
  errors: Record<string, string>;
  message: string | undefined;
}

/**
 * The request every look-up page answers alike: a GET shows the empty form; a POST with
 * `_action=logout` forgets the token; any other POST opens the record with the identifier and
 * password, keeps its token in the page's own cookie and redirects (Post/Redirect/Get: a refresh
 * never re-sends the password), or comes back refused with the identifier the person typed.
 * `data` is the form when the page has read it already.
 */
export async function answerLookUp(
  Astro: Pick<AstroGlobal, 'cookies' | 'url' | 'redirect' | 'clientAddress' | 'request'>,
  lookUp: LookUp,
  data?: FormData,
): Promise<LookUpOutcome> {
  const nothing: LookUpOutcome = { identifier: '', errors: {}, message: undefined };
  const form = data ?? (Astro.request.method === 'POST' ? await readFormBody(Astro.request) : undefined);
  if (!form) return nothing;
  if (form.get('_action') === 'logout') {
    lookUp.cookie.forget(Astro.cookies);
    return { ...nothing, redirect: Astro.redirect(lookUp.path, 303) };
  }
  const identifier = String(form.get(lookUp.identifier) ?? '');
  const answer = await lookUp.open(identifier, String(form.get('password') ?? ''), visitorAddress(Astro));
  if (!answer.ok) return { identifier, ...lookUpProblems(answer) };
  lookUp.cookie.remember(Astro.cookies, Astro.url, answer.data.token);
  return { ...nothing, redirect: Astro.redirect(lookUp.path, 303) };
}

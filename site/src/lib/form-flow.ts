/**
 * One flow for every public form (GOV.UK question page → check answers → confirmation), driven
 * by the form's definition in config/. Works as plain POSTs: each step carries the answers of the
 * others in hidden fields, so nothing typed is lost and the site keeps no state.
 */
import {
  type Field,
  type FieldOption,
  type FormDefinition,
  formSchemas,
  parseForm,
  readFormValues,
  type SubmissionKindId,
  submissionKinds,
} from '@statdesk/config';
import type { AstroGlobal } from 'astro';
import { getNotice, getOptionSources, type Notice, submit } from './cms';
import { rememberRecordToken, stashConfirmation } from './session';

export type Step = 'consent' | 'form' | 'check';

export interface FlowState {
  kind: SubmissionKindId;
  form: FormDefinition;
  step: Step;
  /** Fields shown on this step. */
  fields: readonly Field[];
  values: Record<string, unknown>;
  errors: Record<string, string>;
  /** A message for the whole form (e.g. the service refused it). */
  formError?: string;
  options: Record<string, FieldOption[]>;
  notices: Record<string, Notice>;
  redirect?: string;
}

/** Consent fields at the head of a form are a step of their own (申请须知 / 填表说明 before the form, seeds/000 §3.1, §3.2). */
export const leadingConsents = (form: FormDefinition): Field[] => {
  const head: Field[] = [];
  for (const field of form.fields) {
    if (field.type !== 'consent') break;
    head.push(field);
  }
  return head;
};

const pick = (errors: Record<string, string>, fields: readonly Field[]) =>
  Object.fromEntries(Object.entries(errors).filter(([name]) => fields.some((f) => f.name === name)));

async function loadNotices(form: FormDefinition): Promise<Record<string, Notice>> {
  const keys = form.fields.flatMap((f) => (f.type === 'consent' ? [f.statement] : []));
  const notices = await Promise.all(keys.map((k) => getNotice(k)));
  return Object.fromEntries(notices.map((n) => [n.key, n]));
}

export async function runFormFlow(Astro: AstroGlobal, kind: SubmissionKindId): Promise<FlowState> {
  const form = submissionKinds[kind].form as FormDefinition;
  const consents = leadingConsents(form);
  const questions = form.fields.filter((f) => !consents.includes(f));
  const [options, notices] = await Promise.all([getOptionSources(), loadNotices(form)]);
  const state = (step: Step, values: Record<string, unknown>, errors: Record<string, string> = {}, formError?: string): FlowState => ({
    kind,
    form,
    step,
    fields: step === 'consent' ? consents : questions,
    values,
    errors,
    ...(formError && { formError }),
    options,
    notices,
  });

  if (Astro.request.method !== 'POST') return state(consents.length > 0 ? 'consent' : 'form', {});

  const data = await Astro.request.formData();
  const values = readFormValues(form, data);
  const submittedStep = String(data.get('_step') ?? 'form') as Step;
  const action = String(data.get('_action') ?? 'continue');
  const parsed = parseForm(formSchemas[kind], values);
  const errors = parsed.ok ? {} : parsed.fields;

  if (submittedStep === 'consent') {
    const consentErrors = pick(errors, consents);
    return Object.keys(consentErrors).length > 0 ? state('consent', values, consentErrors) : state('form', values);
  }
  if (submittedStep === 'form' || action === 'edit') {
    if (action === 'edit') return state('form', values);
    // A consent lost on the way (e.g. an old tab) sends the person back to agree again.
    if (Object.keys(pick(errors, consents)).length > 0) return state('consent', values, pick(errors, consents));
    // Check answers shows (and carries) the answers as they will be stored: https:// added, spaces gone.
    return parsed.ok ? state('check', parsed.values) : state('form', values, errors);
  }

  // submittedStep === 'check' and action === 'submit': the service decides.
  const answer = await submit(kind, values);
  if (!answer.ok) {
    const fieldErrors = pick(answer.fields, form.fields);
    return state('form', values, fieldErrors, Object.keys(fieldErrors).length === 0 ? answer.message : undefined);
  }
  const { applicationNo, queryPassword, token } = answer.data;
  stashConfirmation(Astro.cookies, Astro.url, { kind, applicationNo, ...(queryPassword && { queryPassword }) });
  if (token) rememberRecordToken(Astro.cookies, Astro.url, token);
  return { ...state('check', values), redirect: '/confirmation' };
}

/**
 * One flow for every public form (GOV.UK question page → check answers → confirmation), driven
 * by the form's definition in config/. Works as plain POSTs: each step carries the answers of the
 * others in hidden fields, so nothing typed is lost and the site keeps no state.
 */
import {
  activeLocale,
  type Field,
  type FieldOption,
  type FormDefinition,
  formIn,
  formSchemaIn,
  parseForm,
  readFormValues,
  type SubmissionKindId,
} from '@statdesk/config';
import type { AstroGlobal } from 'astro';
import type { z } from 'zod';
import { visitorAddress } from './client-address';
import { findNotice, getOptionSources, type Notice } from './cms/content';
import type { Refusal } from './cms/errors';
import { submit } from './cms/submissions';
import { readFormBody } from './form-body';
import { moveRows, refusedRowRemoval } from './rows';
import { type Confirmation, rememberRecordToken, stashConfirmation } from './session';

/** A file the check step asks for, by the name it is posted under. */
export interface Upload {
  name: string;
  label: string;
  /** Several files may be chosen at once. */
  multiple?: boolean;
  /** What the file must be when it is not a scan (an agency's list of enterprises, seeds/004 §七). */
  hint?: string;
  /** The file chooser's types; scans unless given. */
  accept?: string;
  /** May be left empty (the service says when it is needed after all). */
  optional?: boolean;
  error?: string;
}

/** One public form's flow: its definition, how it is validated and where its answers go. */
export interface FlowSpec {
  id: string;
  form: FormDefinition;
  schema: z.ZodType<Record<string, unknown>>;
  /** Files asked for on the check step (after the answers that decide them are final). */
  uploads?: (values: Record<string, unknown>) => Upload[];
  /** `visitor` is the person's address, for the CMS's attempt limits (lib/client-address). */
  send(
    values: Record<string, unknown>,
    data: FormData,
    visitor: string,
  ): Promise<{ ok: true; confirmation: Confirmation; token?: string } | Refusal>;
  confirmationPath: string;
  /** The answers the form opens with (修改申请: the stored ones); the consent step is skipped. */
  initial?: Record<string, unknown>;
  /**
   * A step before the questions whose answers fill them in (a change starts from its original,
   * seeds/000 §3.3); its answers are not carried further. Skipped with `?blank=1`.
   */
  start?: {
    fields: readonly Field[];
    load(answers: Record<string, string>, visitor: string): Promise<{ ok: true; values: Record<string, unknown> } | Refusal>;
  };
}

/** A file input left empty arrives as an empty part without a name. */
export const chosenFile = (file: FormDataEntryValue | null): file is File => file instanceof File && (file.size > 0 || file.name !== '');

/** The files a form asks for on its check step (an outcome's 最终成果审核表, a data application's 相关附件). */
const uploadsOf = (form: FormDefinition): Upload[] =>
  (form.uploads ?? []).map(({ name, label, max }) => ({ name, label, ...((max ?? 1) > 1 && { multiple: true }) }));

/** Every file chosen for the form's uploads, each in its own part under the upload's name. */
const chosenFiles = (form: FormDefinition, data: FormData) =>
  uploadsOf(form).flatMap(({ name }) => data.getAll(name).flatMap((file) => (chosenFile(file) ? [{ name, file }] : [])));

/** The flow of a microdata submission (the seed's four forms). */
export const submissionFlow = (kind: SubmissionKindId): FlowSpec => {
  const locale = activeLocale();
  const form = formIn(kind, locale);
  return {
    id: kind,
    form,
    schema: formSchemaIn(kind, locale),
    ...(form.uploads && { uploads: () => uploadsOf(form) }),
    async send(values, data) {
      const answer = await submit(kind, values, chosenFiles(form, data));
      if (!answer.ok) return answer;
      const { applicationNo, queryPassword, token } = answer.data;
      return { ok: true, confirmation: { kind, applicationNo, queryPassword }, token };
    },
    confirmationPath: '/confirmation',
  };
};

export type Step = 'start' | 'consent' | 'form' | 'check';

export interface FlowState {
  kind: string;
  form: FormDefinition;
  step: Step;
  /** Fields shown on this step. */
  fields: readonly Field[];
  values: Record<string, unknown>;
  errors: Record<string, string>;
  /** A message for the whole form (e.g. the service refused it). */
  formError?: string;
  /** The service's status when it refused the answers (409: the person or thing is already registered). */
  refusedWith?: number;
  options: Record<string, FieldOption[]>;
  notices: Record<string, Notice>;
  /** Files asked for on the check step. */
  uploads: Upload[];
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

/** The errors that belong to a form's fields, including the cells of its rows (`serviceUnits.2.code`). */
const pickFieldErrors = (errors: Record<string, string>, fields: readonly Field[]) =>
  Object.fromEntries(Object.entries(errors).filter(([name]) => fields.some((f) => f.name === name.split('.')[0])));

/** The notices the consent steps show; one that is missing is left out and its step says so (Consent.astro). */
async function loadNotices(form: FormDefinition): Promise<Record<string, Notice>> {
  const keys = form.fields.flatMap((f) => (f.type === 'consent' ? [f.statement] : []));
  const notices = await Promise.all(keys.map((k) => findNotice(k)));
  return Object.fromEntries(notices.flatMap((n) => (n ? [[n.key, n]] : [])));
}

type StateOf = (step: Step, values: Record<string, unknown>, errors?: Record<string, string>, formError?: string) => FlowState;

/** The start step's answers, as typed: shown again when refused, never carried into the form. */
async function startStep(start: NonNullable<FlowSpec['start']>, data: FormData, visitor: string, state: StateOf): Promise<FlowState> {
  const answers = Object.fromEntries(start.fields.map((f) => [f.name, String(data.get(f.name) ?? '').trim()]));
  const loaded = await start.load(answers, visitor);
  if (loaded.ok) return state('form', loaded.values);
  const errors = pick(loaded.fields, start.fields);
  const { password: _typed, ...kept } = answers;
  return state('start', kept, errors, Object.keys(errors).length === 0 ? loaded.message : undefined);
}

const STEPS: readonly Step[] = ['start', 'consent', 'form', 'check'];

/**
 * The step the person was on, with what they typed and nothing judged: the language switch posts
 * the form to the same page in the other language, so that no answer is lost (a start step's
 * password is not carried, as when it is refused).
 */
function shownAgain(spec: FlowSpec, data: FormData, state: StateOf): FlowState {
  const posted = String(data.get('_step') ?? 'form') as Step;
  const step = STEPS.includes(posted) && (posted !== 'start' || spec.start) ? posted : 'form';
  if (step === 'start') {
    const { password: _typed, ...kept } = Object.fromEntries(
      (spec.start?.fields ?? []).map((f) => [f.name, String(data.get(f.name) ?? '')]),
    );
    return state('start', kept);
  }
  return state(step, readFormValues(spec.form, data));
}

export async function runFormFlow(Astro: AstroGlobal, flow: SubmissionKindId | FlowSpec): Promise<FlowState> {
  const spec = typeof flow === 'string' ? submissionFlow(flow) : flow;
  const { form } = spec;
  const consents = leadingConsents(form);
  const questions = form.fields.filter((f) => !consents.includes(f));
  const [options, notices] = await Promise.all([getOptionSources(), loadNotices(form)]);
  const state = (step: Step, values: Record<string, unknown>, errors: Record<string, string> = {}, formError?: string): FlowState => ({
    kind: spec.id,
    form,
    step,
    fields: step === 'consent' ? consents : step === 'start' ? (spec.start?.fields ?? []) : questions,
    values,
    errors,
    ...(formError && { formError }),
    options,
    notices,
    uploads:
      step === 'check' && spec.uploads ? spec.uploads(values).map((u) => ({ ...u, ...(errors[u.name] && { error: errors[u.name] }) })) : [],
  });

  if (Astro.request.method !== 'POST') {
    if (spec.initial) return state('form', spec.initial);
    if (spec.start && !Astro.url.searchParams.has('blank')) return state('start', {});
    return state(consents.length > 0 ? 'consent' : 'form', {});
  }

  const data = await readFormBody(Astro.request);
  const action = String(data.get('_action') ?? 'continue');
  if (action === 'language') return shownAgain(spec, data, state);
  if (spec.start && data.get('_step') === 'start') return startStep(spec.start, data, visitorAddress(Astro), state);
  const values = readFormValues(form, data);
  const submittedStep = String(data.get('_step') ?? 'form') as Step;
  // "Add another" and "remove" re-show the questions without judging them yet (GOV.UK "Add another thing").
  const moved = moveRows(form, values, action);
  if (moved) return state('form', moved, refusedRowRemoval(form, values, action));
  const parsed = parseForm(spec.schema, values);
  const errors = parsed.ok ? {} : parsed.fields;

  if (submittedStep === 'consent') {
    const consentErrors = pick(errors, consents);
    return Object.keys(consentErrors).length > 0 ? state('consent', values, consentErrors) : state('form', values);
  }
  if (action === 'edit') return state('form', values);
  // A consent lost on the way (e.g. an old tab) sends the person back to agree again.
  if (Object.keys(pick(errors, consents)).length > 0) return state('consent', values, pick(errors, consents));
  // The check step judges its answers again (fields and the form's rules) before the service
  // does, so a problem is shown next to its question, never only as the service's refusal.
  if (!parsed.ok) return state('form', values, errors);
  // Check answers shows (and carries) the answers as they will be stored: https:// added, spaces gone.
  if (submittedStep === 'form') return state('check', parsed.values);

  // submittedStep === 'check' and action === 'submit': the service decides.
  const answer = await spec.send(values, data, visitorAddress(Astro));
  if (!answer.ok) {
    const uploadNames = new Set(spec.uploads?.(values).map((u) => u.name) ?? []);
    const uploadErrors = Object.fromEntries(Object.entries(answer.fields).filter(([name]) => uploadNames.has(name)));
    // A refused file keeps the person on the check step, next to that file; a refused answer goes back to the questions.
    if (Object.keys(uploadErrors).length > 0 && Object.keys(answer.fields).length === Object.keys(uploadErrors).length)
      return state('check', values, uploadErrors);
    const fieldErrors = pickFieldErrors(answer.fields, form.fields);
    return {
      ...state('form', values, fieldErrors, Object.keys(fieldErrors).length === 0 ? answer.message : undefined),
      refusedWith: answer.status,
    };
  }
  stashConfirmation(Astro.cookies, Astro.url, answer.confirmation);
  if (answer.token) rememberRecordToken(Astro.cookies, Astro.url, answer.token);
  return { ...state('check', values), redirect: spec.confirmationPath };
}

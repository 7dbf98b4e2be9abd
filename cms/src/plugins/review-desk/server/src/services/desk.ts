import {
  actionLabels,
  appliesTo,
  canTransition,
  type DecisionInput,
  decisionSchema,
  type Field,
  kindOfRecordNo,
  parseForm,
  type QrStatus,
  type SubmissionKindId,
  type SubmissionStatus,
  statusLabels,
  submissionKinds,
  systemFieldLabels,
  t,
  transitions,
} from '@statdesk/config';
import { decisionVerbs } from '@statdesk/config/contract';
import type { Core } from '@strapi/strapi';
import { type FieldAccess, formatVisibleAnswer, WITHHELD } from '../../../../../lib/field-access';
import { invalidFields, PublicError } from '../../../../../lib/http-errors';
import { type Entry, findRecord, formatShanghaiTime, tableOf, uidOf } from '../../../../../lib/records';
import { serviceOf, servicesIn } from '../../../../../lib/services';
import type { Table } from '../../../../../lib/table-export';

export interface ListFilter {
  kind: SubmissionKindId;
  status?: SubmissionStatus;
  /** Part of a record number, applicant or organisation name. */
  q?: string;
  page?: number;
  pageSize?: number;
}

/** The kinds approved with an access period: a data application, and a change that replaces its original's. */
const PERIOD_KINDS: SubmissionKindId[] = ['data-application', 'change-application'];

/** What a reviewer is told of a scan's QR code: only an unreadable one needs a look (stamped-form service). */
const scanFlagOf = (qrStatus: unknown): string | null => ((qrStatus as QrStatus) === 'unreadable' ? t('upload.qr.unreadable') : null);

/** The seed's 等待实验室审批 queue comes first; the others follow the workflow's order. */
export const QUEUE_ORDER: SubmissionStatus[] = [
  'awaiting_review',
  'awaiting_upload',
  'returned',
  'approved',
  'rejected',
  'expired',
  'revoked',
];

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = servicesIn(strapi, 'plugin::review-desk');

  /** The caller's conditions, the status, and a search over the fields it may read (no others). */
  const whereOf = (filter: ListFilter, access: FieldAccess) =>
    access.listWhere(uidOf(filter.kind), filter.status ? { status: filter.status } : {}, {
      q: filter.q,
      fields: ['recordNo', 'organisationName', submissionKinds[filter.kind].form.applicantField],
    });

  /** Matching records, oldest first (the order a queue is worked in), as the caller may see them. */
  const findMatching = async (filter: ListFilter, access: FieldAccess, page?: { offset: number; limit: number }) => {
    const uid = uidOf(filter.kind);
    const rows = (await strapi.db.query(uid).findMany({
      where: whereOf(filter, access),
      orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }],
      ...page,
    })) as Entry[];
    return rows.map((row) => access.project(uid, row));
  };

  /** The flags of the listed records' current scans, in one query. */
  const scanFlagsOf = async (nos: string[]): Promise<Map<string, string | null>> => {
    const scans = (await strapi.db.query('api::stamped-form.stamped-form').findMany({
      where: { recordNo: { $in: nos }, current: true },
      select: ['recordNo', 'qrStatus'],
    })) as Array<{ recordNo: string; qrStatus: string | null }>;
    return new Map(scans.map((scan) => [scan.recordNo, scanFlagOf(scan.qrStatus)]));
  };

  const summaryOf = (kindId: SubmissionKindId, entry: Entry, scanFlag: string | null = null) => ({
    documentId: entry.documentId,
    recordNo: entry.recordNo,
    applicant: String(entry[submissionKinds[kindId].form.applicantField] ?? ''),
    organisation: String(entry.organisationName ?? ''),
    status: entry.status,
    statusLabel: statusLabels[entry.status as SubmissionStatus],
    submittedAt: entry.submittedAt,
    reviewedAt: entry.reviewedAt ?? null,
    scanFlag,
  });

  const catalogOptions = () => serviceOf(strapi, 'api::dataset.catalog').options();

  /**
   * Whether the reader may see a field's values in a record's history. A field the record does
   * not have is its original's (a change's approval records the period it gave the original).
   */
  const readableInHistory = (kindId: SubmissionKindId, access: FieldAccess) => (field: string) =>
    field in strapi.getModel(uidOf(kindId)).attributes
      ? access.canRead(uidOf(kindId), field)
      : access.canRead(uidOf('data-application'), field);

  /** A file's name often names the person: shown only to a role that reads the whole record. */
  const named = <T extends { fileName: unknown }>(file: T, whole: boolean): T => (whole ? file : { ...file, fileName: WITHHELD });

  return {
    /** Per kind: how many records are in each status, queues in working order. */
    async queues() {
      return Promise.all(
        (Object.keys(submissionKinds) as SubmissionKindId[]).map(async (kindId) => {
          const grouped = (await strapi.db
            .connection(tableOf(strapi, kindId))
            .select('status')
            .count({ n: '*' })
            .groupBy('status')) as Array<{ status: string; n: string | number }>;
          const counts = QUEUE_ORDER.map((status) => ({
            status,
            label: statusLabels[status],
            count: Number(grouped.find((g) => g.status === status)?.n ?? 0),
          }));
          return { kind: kindId, noun: submissionKinds[kindId].noun, collection: uidOf(kindId), queues: counts };
        }),
      );
    },

    async list(filter: ListFilter, access: FieldAccess) {
      const pageSize = Math.min(Math.max(filter.pageSize ?? 20, 1), 100);
      const page = Math.max(filter.page ?? 1, 1);
      const [rows, total] = await Promise.all([
        findMatching(filter, access, { offset: (page - 1) * pageSize, limit: pageSize }),
        strapi.db.query(uidOf(filter.kind)).count({ where: whereOf(filter, access) }),
      ]);
      const flags = await scanFlagsOf(rows.map((row) => row.recordNo));
      return {
        rows: rows.map((row) => summaryOf(filter.kind, row, flags.get(row.recordNo) ?? null)),
        pagination: { page, pageSize, total: Number(total), pageCount: Math.max(1, Math.ceil(Number(total) / pageSize)) },
      };
    },

    /** What the side panel shows: status, what may happen next, the scan, attachments and history. */
    async detail(no: string, access: FieldAccess) {
      const found = await findRecord(strapi, no);
      if (!found) throw new PublicError(404, 'NotFoundError', t('workflow.submission.notFound'));
      const { kindId, entry } = found;
      access.requireRecord(uidOf(kindId), entry);
      const whole = access.readsWholeRecord(uidOf(kindId), entry);
      const status = entry.status as SubmissionStatus;
      const scan = (await strapi.db.query('api::stamped-form.stamped-form').findOne({ where: { recordNo: no, current: true } })) as Record<
        string,
        unknown
      > | null;
      return {
        recordNo: no,
        kind: kindId,
        noun: submissionKinds[kindId].noun,
        status,
        statusLabel: statusLabels[status],
        reviewReason: entry.reviewReason ?? null,
        accessStart: entry.accessStart ?? null,
        accessEnd: entry.accessEnd ?? null,
        actions: decisionVerbs
          .filter((action) => appliesTo(kindId, action) && canTransition(status, action))
          .map((action) => ({
            action,
            label: actionLabels[action],
            needsReason: transitions[action].needsReason,
          })),
        stampedForm: scan
          ? named(
              {
                fileName: scan.fileName,
                mime: scan.mime,
                size: scan.size,
                uploadedAt: scan.uploadedAt,
                scanFlag: scanFlagOf(scan.qrStatus),
              },
              whole,
            )
          : null,
        attachments: (await service('attachments').list(no)).map((file) => named(file, whole)),
        history: await service('review').history(no, readableInHistory(kindId, access), await catalogOptions()),
        original: kindId === 'change-application' ? await service('change').comparison(entry, access) : null,
      };
    },

    /** 通过 / 退回修改 / 不通过 / 终止使用 through the workflow in config/, with the applicant's mail queued. */
    async decide(no: string, input: unknown, actor: string, access: FieldAccess) {
      const kindId = kindOfRecordNo(no);
      if (!kindId) throw new PublicError(404, 'NotFoundError', t('workflow.submission.notFound'));
      const parsed = parseForm(decisionSchema, input);
      if (!parsed.ok) throw invalidFields(parsed.fields);
      const decision: DecisionInput = parsed.values;
      if (!appliesTo(kindId, decision.action))
        throw new PublicError(409, 'ConflictError', t('workflow.decision.notForKind', { action: actionLabels[decision.action] }));
      // Said next to the reason box rather than as a refused transition (DESIGN.md: reason required).
      if (transitions[decision.action].needsReason && !decision.reason?.trim())
        throw invalidFields({ reason: t('workflow.submission.reasonRequired') });
      const hasPeriod = Boolean(decision.accessStart);
      if (hasPeriod && (!PERIOD_KINDS.includes(kindId) || decision.action !== 'approve'))
        throw invalidFields({ accessStart: t('workflow.decision.accessOnlyForData') });
      // Approving a change updates its original in the same transaction (seeds/000 §3.3).
      const amendsOriginal = kindId === 'change-application' && decision.action === 'approve';
      let amended: Record<string, { from: unknown; to: unknown }> | undefined;
      const period = { accessStart: decision.accessStart, accessEnd: decision.accessEnd };
      await service('review').transition(
        no,
        {
          action: decision.action,
          actor,
          reason: decision.reason,
          // A change keeps no period of its own: the period is the original's (its history says so).
          changes: hasPeriod && !amendsOriginal ? period : {},
          recordedChanges: () => amended ?? {},
        },
        amendsOriginal
          ? async (entry) => {
              amended = await service('change').amendOriginal(entry, period, actor);
            }
          : undefined,
        // The applicant's mail is queued with the decision: both are stored or neither.
        (changed) => service('notify').decided(kindId, changed, decision.action),
      );
      return this.detail(no, access);
    },

    scan: (no: string) => service('stamped-form').current(no),

    /**
     * A filtered list as a table with zh-CN headers and Asia/Shanghai times. Only fields the
     * caller may read are exported, so field-level permissions hold here too.
     */
    async table(filter: ListFilter, access: FieldAccess): Promise<Table> {
      const kind = submissionKinds[filter.kind];
      const canRead = (field: string) => access.canRead(uidOf(filter.kind), field);
      const options = await catalogOptions();
      const answers = (kind.form.fields as readonly Field[]).filter((field) => field.type !== 'consent' && canRead(field.name));
      const system: Array<[string, string, (e: Entry) => string]> = [
        ['recordNo', systemFieldLabels.recordNo, (e) => e.recordNo],
        ['status', systemFieldLabels.status, (e) => statusLabels[e.status as SubmissionStatus]],
        ['organisationName', systemFieldLabels.organisationName, (e) => String(e.organisationName ?? '')],
        ['submittedAt', systemFieldLabels.submittedAt, (e) => formatShanghaiTime(e.submittedAt)],
        ['reviewedAt', systemFieldLabels.reviewedAt, (e) => formatShanghaiTime(e.reviewedAt)],
        ['reviewReason', systemFieldLabels.reviewReason, (e) => String(e.reviewReason ?? '')],
      ];
      if (filter.kind === 'data-application')
        system.push([
          'accessStart',
          t('workflow.submission.accessPeriodLabel'),
          (e) => (e.accessStart ? t('workflow.submission.accessPeriod', { start: String(e.accessStart), end: String(e.accessEnd) }) : ''),
        ]);
      const columns = system.filter(([field]) => canRead(field));
      const rows = await findMatching(filter, access);
      return {
        name: kind.noun,
        headers: [...columns.map(([, header]) => header), ...answers.map((field) => field.label)],
        rows: rows.map((row) => [
          ...columns.map(([, , get]) => get(row)),
          ...answers.map((field) => formatVisibleAnswer(field, row[field.name], options)),
        ]),
      };
    },
  };
};

import {
  type ConsentField,
  composeFormCode,
  type Field,
  type FieldOption,
  isLocale,
  type Locale,
  printedFormIn,
  type SubmissionKindId,
  type SubmissionStatus,
  statusLabels,
  submissionKinds,
  t,
  translator,
} from '@statdesk/config';
import type { Core } from '@strapi/strapi';
import QRCode from 'qrcode';
import { formatVisibleAnswer } from '../../../../../lib/field-access';
import { answersVersion } from '../../../../../lib/form-version';
import { serviceUnavailable } from '../../../../../lib/http-errors';
import { cachedPdf } from '../../../../../lib/pdf-cache';
import { PrinterUnavailableError, printPdf } from '../../../../../lib/pdf-printer';
import { type Entry, findRecord, formatShanghaiTime } from '../../../../../lib/records';
import { serviceOf } from '../../../../../lib/services';
import { renderTemplate } from '../../../../../lib/templates';

interface Section {
  name: string;
  rows: Array<{ label: string; value: string }>;
}

/** Who signs each printed form (seeds/000_…txt §3.1: 法人单位负责人签字（单位公章）). */
const SIGN_LINE = {
  institution: 'printer.signLine.institution',
  'data-application': 'printer.signLine.dataApplication',
  'change-application': 'printer.signLine.changeApplication',
  outcome: 'printer.signLine.outcome',
} as const satisfies Record<SubmissionKindId, string>;

/** The language the record was filled in; records from before English read as zh-CN. */
const languageOf = (entry: Entry): Locale => (isLocale(entry.language) ? entry.language : 'zh-CN');

/** The public's answer when this server cannot print: the HTML form prints the same page. */
export const PDF_UNAVAILABLE = t('printer.pdfUnavailable');

/** Who asked: the public is pointed at the HTML form; staff are told why, to pass on to whoever runs the server. */
export type PdfAudience = 'public' | 'staff';

function unavailableFor(audience: PdfAudience, recordNo: string, error: PrinterUnavailableError) {
  if (audience === 'staff') return serviceUnavailable(t('printer.pdfUnavailableStaff', { detail: error.message }));
  return serviceUnavailable(PDF_UNAVAILABLE, { htmlForm: `/api/public/records/${encodeURIComponent(recordNo)}/form.html` });
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** Labels for options that come from the CMS: the catalog and the registered institutions. */
  async function cmsOptions(): Promise<FieldOption[]> {
    const datasets = (await strapi.db.query('api::dataset.dataset').findMany({ select: ['code', 'name'] })) as Array<{
      code: string;
      name: string;
    }>;
    return datasets.map((d) => ({ value: d.code, label: d.name }));
  }

  async function noticeParagraphs(key: string): Promise<{ title: string; paragraphs: string[] }> {
    const notice = (await strapi.db.query('api::notice.notice').findOne({ where: { key } })) as { title: string; body: string } | null;
    return {
      title: notice?.title ?? '',
      paragraphs: (notice?.body ?? '')
        .split(/\n\s*\n|\n/)
        .map((p) => p.trim())
        .filter(Boolean),
    };
  }

  /**
   * The QR code's text: the number and the version of the record's own answers (lib/form-version),
   * read from the record as stored, so a staff print with answers withheld carries the same code.
   * A template preview's sample record is not stored and shows its own answers' version.
   */
  async function formCode(kindId: SubmissionKindId, entry: Entry): Promise<string> {
    const stored = await findRecord(strapi, entry.recordNo);
    return composeFormCode({ recordNo: entry.recordNo, version: answersVersion(kindId, stored?.entry ?? entry) });
  }

  /** Everything a print template may show, already formatted; values stay plain text for escaping. */
  async function buildView(kindId: SubmissionKindId, entry: Entry) {
    // An application made in English prints in English with the Chinese beside it: the reviewer reads Chinese.
    const locale = languageOf(entry);
    const printed = translator(locale);
    const form = printedFormIn(kindId, locale);
    const options = await cmsOptions();
    const institutionOption =
      kindId === 'data-application'
        ? [{ value: String(entry.institution), label: `${entry.organisationName}（${entry.institution}）` }]
        : [];
    const sections: Section[] = [];
    const statements: Array<{ title: string; paragraphs: string[]; signLine: string }> = [];
    for (const field of form.fields as readonly Field[]) {
      if (field.type === 'consent') {
        if (field.section)
          statements.push({
            ...(await noticeParagraphs((field as ConsentField).statement)),
            title: field.label,
            signLine: printed(SIGN_LINE[kindId]),
          });
        continue;
      }
      const name = field.section ?? '';
      let section = sections.at(-1);
      if (!section || section.name !== name) {
        section = { name, rows: [] };
        sections.push(section);
      }
      section.rows.push({ label: field.label, value: formatVisibleAnswer(field, entry[field.name], [...options, ...institutionOption]) });
    }
    if (statements.length === 0)
      statements.push({
        title: printed('printer.applicantStatementTitle'),
        paragraphs: [printed('printer.applicantStatement')],
        signLine: printed(SIGN_LINE[kindId]),
      });
    return {
      title: form.title,
      recordNo: entry.recordNo,
      submittedAt: formatShanghaiTime(entry.submittedAt),
      statusLabel: statusLabels[entry.status as SubmissionStatus],
      // The period granted at approval, printed with the answers it was granted for (seeds/000 §二).
      accessPeriod: entry.accessStart
        ? printed('workflow.submission.accessPeriod', { start: String(entry.accessStart), end: String(entry.accessEnd) })
        : '',
      // Level Q (ISO/IEC 18004: about 25 % of the code restored) so a stamp or a fold over the code still reads.
      qrCode: await QRCode.toDataURL(await formCode(kindId, entry), { margin: 1, width: 240, errorCorrectionLevel: 'Q' }),
      sections,
      statements,
      reviewerTitle: printed('printer.reviewerTitle'),
      words: {
        recordNo: printed('printer.head.recordNo'),
        submittedAt: printed('printer.head.submittedAt'),
        accessPeriod: printed('printer.head.accessPeriod'),
        qrAlt: printed('printer.head.qrAlt', { no: entry.recordNo }),
        reviewerOpinion: printed('printer.reviewerOpinion'),
        reviewerSign: printed('printer.reviewerSign'),
        forInstitutions: printed('printer.forInstitutions'),
      },
    };
  }

  /** A content editor's override of the form's template, else the one in config/templates. */
  const override = (kindId: SubmissionKindId) => serviceOf(strapi, 'plugin::review-desk.templates').override(kind(kindId));

  return {
    buildView,
    async html(kindId: SubmissionKindId, entry: Entry): Promise<string> {
      return renderTemplate(kind(kindId), await buildView(kindId, entry), await override(kindId));
    },
    /**
     * The form as a PDF, printed once per version of what it shows (lib/pdf-cache.ts); a 503 naming
     * the HTML form instead when this server lacks Chromium or the CJK fonts.
     */
    async pdf(kindId: SubmissionKindId, entry: Entry, audience: PdfAudience = 'public'): Promise<Buffer> {
      const html = await this.html(kindId, entry);
      try {
        return await cachedPdf(html, printPdf);
      } catch (error) {
        if (!(error instanceof PrinterUnavailableError)) throw error;
        const cause = error.cause instanceof Error ? ` (${error.cause.message.split('\n')[0]})` : '';
        strapi.log.warn(`PDF of ${entry.recordNo} not printed: ${error.message}${cause}; npm start installs chromium and fonts-noto-cjk`);
        throw unavailableFor(audience, entry.recordNo, error);
      }
    },
  };
};

const kind = (kindId: SubmissionKindId) => submissionKinds[kindId].form.id;

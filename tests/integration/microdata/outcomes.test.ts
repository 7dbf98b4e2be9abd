import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from '../support/admin.ts';
import { SAMPLE_PDF, SAMPLE_PNG } from '../support/files.ts';
import { validDataApplication, validOutcome } from '../support/fixtures.ts';
import { fieldErrors, postJson, type Submitted } from '../support/http.ts';
import { approvedInstitution, approveWithoutScan, review } from '../support/review.ts';
import { bootCms, type TestCms } from '../support/strapi.ts';

type QueryAnswer = { records: Array<{ recordNo: string; kind: string; status: string; statusLabel: string; reason: string }> };

/** An outcome posted as the site posts it with files: the answers as JSON in part `data`, each file in its own part. */
async function postOutcome(url: string, answers: Record<string, unknown>, files: Record<string, [Buffer, string, string]>) {
  const form = new FormData();
  form.append('data', JSON.stringify(answers));
  for (const [name, [bytes, fileName, type]] of Object.entries(files))
    form.append(name, new Blob([new Uint8Array(bytes)], { type }), fileName);
  const response = await fetch(`${url}/api/public/outcomes`, { method: 'POST', body: form });
  return { status: response.status, body: (await response.json()) as Submitted & Record<string, unknown> };
}

describe('最终成果登记 (seeds/000 §3.5, §3.6)', () => {
  let cms: TestCms;
  let applicationNo: string;
  const outcomesCount = async () => Number(await cms.strapi.db.query('api::outcome.outcome').count());

  beforeAll(async () => {
    cms = await bootCms('outcomes');
    const institution = await approvedInstitution(cms);
    const application = await postJson<Submitted>(
      cms.url,
      '/api/public/data-applications',
      validDataApplication(institution.applicationNo),
    );
    applicationNo = application.body.applicationNo;
    await approveWithoutScan(cms, applicationNo);
  });
  afterAll(async () => {
    await cms?.stop();
  });

  it('gives an outcome a query password that opens it on /query with its status and the reviewer’s reason', async () => {
    const { status, body } = await postJson<Submitted & { outcomeNo: string }>(
      cms.url,
      '/api/public/outcomes',
      validOutcome(applicationNo),
    );
    expect(status).toBe(201);
    expect(body.queryPassword).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{2}$/);
    expect(body.outcomeNo).toBe(body.applicationNo);
    expect(body.applicationNo).toMatch(/^CG-\d{4}-\d{6}$/);

    await review(cms).transition(body.applicationNo, { action: 'return', actor: '审核员甲', reason: '请补充刊物的出版日期' });
    const query = await postJson<QueryAnswer>(cms.url, '/api/public/query', { phone: '13800138000', password: body.queryPassword });
    expect(query.status).toBe(200);
    // The phone's other records (the data application it reports on) are listed beside it.
    expect(query.body.records).toContainEqual(
      expect.objectContaining({ recordNo: body.applicationNo, kind: 'outcome', statusLabel: '退回修改', reason: '请补充刊物的出版日期' }),
    );
  });

  it('refuses 其他 without the index named and 未收录 beside an index, field by field, writing nothing', async () => {
    const before = await outcomesCount();
    const other = await postJson(cms.url, '/api/public/outcomes', validOutcome(applicationNo, { indexing: ['other'] }));
    expect(other.status).toBe(400);
    expect(fieldErrors(other.body)).toEqual({ indexingOther: '选择了“其他”，请填写（收录情况）其他' });
    const none = await postJson(cms.url, '/api/public/outcomes', validOutcome(applicationNo, { indexing: ['none', 'sci'] }));
    expect(fieldErrors(none.body)).toEqual({ indexing: '选择“未收录”时不能再选择其他收录情况' });
    expect(await outcomesCount()).toBe(before);
  });

  it('stores the review form and the published full text privately, and shows them to the reviewer on the outcome', async () => {
    const { status, body } = await postOutcome(cms.url, validOutcome(applicationNo), {
      reviewForm: [SAMPLE_PNG, '最终成果审核表.png', 'image/png'],
      fullText: [SAMPLE_PDF, '全文.pdf', 'application/pdf'],
    });
    expect(status).toBe(201);
    const rows = (await cms.strapi.db
      .query('api::attachment.attachment')
      .findMany({ where: { recordNo: body.applicationNo }, orderBy: { id: 'asc' } })) as Array<Record<string, string>>;
    expect(rows.map((r) => [r.purpose, r.mime])).toEqual([
      ['reviewForm', 'image/png'],
      ['fullText', 'application/pdf'],
    ]);
    // Private: stored outside Strapi's public /uploads, and no upload-plugin file holds them.
    expect(rows.every((r) => r.storageKey?.startsWith(`outcomes/${body.applicationNo}/`))).toBe(true);
    expect(await cms.strapi.db.query('plugin::upload.file').count({ where: { name: { $in: ['全文.pdf', '最终成果审核表.png'] } } })).toBe(
      0,
    );

    const reviewer = await signInAs(cms, 'Reviewer', 'outcome-reviewer@example.org');
    const detail = await reviewer.json<{ attachments: Array<{ fileName: string }> }>('GET', `/review-desk/records/${body.applicationNo}`);
    expect(detail.body.attachments.map((a) => a.fileName)).toEqual(['最终成果审核表.png', '全文.pdf']);
    const file = await reviewer.call('GET', `/review-desk/records/${body.applicationNo}/attachments/2?download=1`);
    expect(Buffer.from(await file.arrayBuffer())).toEqual(SAMPLE_PDF);
    // Nobody without a desk account reads them, not even with the outcome's own query token.
    const anonymous = await fetch(`${cms.url}/review-desk/records/${body.applicationNo}/attachments/2?download=1`);
    expect(anonymous.status).toBe(401);
  });

  it('refuses a full text that is not a PDF next to its upload, and stores neither the outcome nor its files', async () => {
    const before = await outcomesCount();
    const attachments = Number(await cms.strapi.db.query('api::attachment.attachment').count());
    const { status, body } = await postOutcome(cms.url, validOutcome(applicationNo), {
      reviewForm: [SAMPLE_PDF, '审核表.pdf', 'application/pdf'],
      fullText: [SAMPLE_PNG, '全文.png', 'image/png'],
    });
    expect(status).toBe(400);
    expect(fieldErrors(body)).toEqual({ fullText: '发布版全文只能上传PDF文件' });
    expect(await outcomesCount()).toBe(before);
    expect(Number(await cms.strapi.db.query('api::attachment.attachment').count())).toBe(attachments);
  });
});

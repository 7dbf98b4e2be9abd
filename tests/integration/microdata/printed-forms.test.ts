import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buffer } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_PDF, SAMPLE_PNG } from '../support/files.ts';
import { validDataApplication, validInstitution } from '../support/fixtures.ts';
import { postJson, type Submitted } from '../support/http.ts';
import { approvedInstitution } from '../support/review.ts';
import { bootCms, type TestCms } from '../support/strapi.ts';

type Record = Submitted & { token: string };

/** seeds/000 §3.1's example 登记表 (北京大学), as the seed's form shows it filled in. */
const SEED_INSTITUTION = validInstitution({
  fullName: '北京大学',
  website: 'www.bjdx.com',
  abbreviation: 'bjdx',
  englishName: 'bjdx',
  address: '北京市',
  email: 'bjdx@163.com',
  legalRepName: '法人代表姓名',
  legalRepPosition: '法人代表职务',
  legalRepTitle: '法人代表职称',
  contactName: '联系人姓名',
  contactPosition: '联系人职务',
  contactTitle: '联系人职称',
  contactPhone: '15800000000',
  contactEmail: 'bjdx@163.com',
});

describe('printed forms people can stamp and scan (seeds/000 §3.1 steps 5–6)', () => {
  let cms: TestCms;
  let scratch: string;
  let institution: Record;
  let application: Record;
  const auth = (record: Record) => ({ authorization: `Bearer ${record.token}` });

  /** The record's PDF: its page count and its text, page by page. */
  async function printed(record: Record) {
    const response = await fetch(`${cms.url}/api/public/records/${record.applicationNo}/form.pdf`, { headers: auth(record) });
    expect(response.status).toBe(200);
    const file = join(scratch, `${record.applicationNo}.pdf`);
    writeFileSync(file, Buffer.from(await response.arrayBuffer()));
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    // pdffonts lists one font a line under its two header lines.
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    return { pages, text, fonts, pageTexts: text.split('\f').filter((page) => page.trim() !== '') };
  }

  const uploadScans = async (record: Record, files: Array<[Buffer, string, string]>) => {
    const form = new FormData();
    for (const [bytes, name, type] of files) form.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
    const response = await fetch(`${cms.url}/api/public/records/${record.applicationNo}/stamped-form`, {
      method: 'POST',
      headers: auth(record),
      body: form,
    });
    return {
      status: response.status,
      body: (await response.json()) as { status?: string; error?: { details: { fields: { file?: string } } } },
    };
  };

  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'statdesk-printed-'));
    cms = await bootCms('printed-forms', { PRIVATE_UPLOADS_DIR: join(scratch, 'uploads') });
    institution = await approvedInstitution(cms, SEED_INSTITUTION);
    application = (await postJson<Record>(cms.url, '/api/public/data-applications', validDataApplication(institution.applicationNo))).body;
  });
  afterAll(async () => {
    await cms?.stop();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('prints the seed’s institution form on one A4 page, answers and stamp block together, without its status', async () => {
    const { pages, text } = await printed(institution);
    expect(pages).toBe(1);
    expect(text).toContain('法人代表职称');
    expect(text).toContain('法人单位负责人签字（单位公章）');
    expect(text).not.toContain('当前状态');
    expect(text).not.toContain('审核通过');
  });

  /**
   * Chromium writes a font's glyphs 256 to a PDF font, by glyph number: the system's 65 000-glyph
   * CJK face scatters a form's few hundred characters over dozens of them, while the form's own
   * subset (cms/src/lib/pdf-fonts.ts), numbered from 1, fits a few. Many fonts here means the
   * subset was not embedded and each print costs ~1 s of Chromium handling the whole face.
   */
  it('prints with the form’s own characters of the CJK font embedded, its text still Chinese', async () => {
    const { fonts, text } = await printed(institution);
    expect(fonts.length).toBeLessThanOrEqual(8);
    expect(text).toContain('微观数据开发应用机构登记表');
  });

  it('prints a data application like the seed’s on one page too', async () => {
    const { pages, text } = await printed(application);
    expect(pages).toBe(1);
    expect(text).toContain('项目负责人签字');
    expect(text).not.toContain('当前状态');
  });

  it('prints the number on every page of a longer form, and says which page of how many', async () => {
    const long = (
      await postJson<Record>(
        cms.url,
        '/api/public/data-applications',
        validDataApplication(institution.applicationNo, { researchPurpose: '研究城镇化对家庭消费结构的影响。'.repeat(200) }),
      )
    ).body;
    const { pages, pageTexts } = await printed(long);
    expect(pages).toBeGreaterThan(1);
    expect(pageTexts).toHaveLength(pages);
    pageTexts.forEach((page, index) => {
      expect(page).toContain(`申请编号：${long.applicationNo}`);
      expect(page).toMatch(new RegExp(`${index + 1}\\s*/\\s*${pages}`));
    });
  });

  it('takes a photo of each page as one upload, joined into one PDF in the order chosen', async () => {
    const answer = await uploadScans(application, [
      [SAMPLE_PNG, '第1页.png', 'image/png'],
      [SAMPLE_PDF, '第2页.pdf', 'application/pdf'],
      [SAMPLE_PNG, '第3页.png', 'image/png'],
    ]);
    expect(answer.status).toBe(200);
    expect(answer.body.status).toBe('awaiting_review');
    const service = cms.strapi.service('plugin::review-desk.stamped-form' as never) as unknown as {
      current(no: string): Promise<{ body: NodeJS.ReadableStream; mime: string; fileName: string }>;
    };
    const current = await service.current(application.applicationNo);
    expect(current.mime).toBe('application/pdf');
    expect(current.fileName).toBe(`盖章申请表-${application.applicationNo}.pdf`);
    const file = join(scratch, 'joined.pdf');
    writeFileSync(file, await buffer(current.body));
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Pages:\s+3\n/);
  });

  it('refuses more than ten files in one upload, saying what to do, and keeps the scan it had', async () => {
    const answer = await uploadScans(
      application,
      Array.from({ length: 11 }, (_, i) => [SAMPLE_PNG, `第${i + 1}页.png`, 'image/png'] as [Buffer, string, string]),
    );
    expect(answer.status).toBe(400);
    expect(answer.body.error?.details.fields.file).toBe('一次最多上传10个文件；请把多页申请表扫描成一个 PDF，或每页拍一张照片后一起上传');
    const scans = await cms.strapi.db.query('api::stamped-form.stamped-form').findMany({ where: { recordNo: application.applicationNo } });
    expect(scans).toHaveLength(1);
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AgencyLevel, normaliseQueryPassword, syntheticCreditCode } from '@statdesk/config';
import type { Core } from '@strapi/strapi';
import { hashSecret } from '../lib/password-hash';
import type { UploadedFile } from '../lib/scan-file';
import { serviceOf } from '../lib/services';
import { isDemoWanted } from './demo-wanted';
import { DEMO_ACTOR, DEMO_PASSWORD } from './seed-demo';

/** A one-page PDF of a few hundred bytes, standing in for every scanned document. */
const DEMO_SCAN = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

/** Three agencies of 成都市 at different points of the chain; none confirmed, so the demo report is unchanged. */
const DEMO_AGENCIES: Array<{ name: string; county: string; delegators: number; decisions: Array<[AgencyLevel, string, string?]> }> = [
  { name: '成都锦城财务咨询有限公司', county: '510104', delegators: 2, decisions: [] },
  {
    name: '成都蓉信统计代理有限公司',
    county: '510107',
    delegators: 3,
    decisions: [
      ['county', 'approve'],
      ['city', 'approve'],
    ],
  },
  {
    name: '成都天府账务服务有限公司',
    county: '510105',
    delegators: 1,
    decisions: [
      ['county', 'approve'],
      ['city', 'reject', '委托书未加盖企业公章，请补充后重新登记'],
    ],
  },
];

/**
 * With SEED_DEMO, agencies for the bureaus' desks and the public look-up, registered and
 * decided through the same services as the site and the admin; the README's demo password opens them.
 */
export async function seedAgencyDemo(strapi: Core.Strapi): Promise<void> {
  if (!(await isDemoWanted(strapi, 'api::agency.agency'))) return;
  const registration = serviceOf(strapi, 'api::agency.registration');
  const chain = serviceOf(strapi, 'api::agency.chain');
  const dir = mkdtempSync(join(tmpdir(), 'statdesk-demo-'));
  try {
    const scan: UploadedFile = { filepath: join(dir, 'scan.pdf'), size: DEMO_SCAN.length, originalFilename: '扫描件.pdf' };
    writeFileSync(scan.filepath, DEMO_SCAN);
    const numbers: string[] = [];
    for (const [i, agency] of DEMO_AGENCIES.entries()) {
      const delegators = Array.from({ length: agency.delegators }, (_, k) => ({
        code: syntheticCreditCode(agency.county, 9000 + i * 10 + k),
        name: `演示委托企业${i + 1}-${k + 1}`,
      }));
      const letters = Object.fromEntries(delegators.map((_, k) => [`letter.${k}`, scan]));
      const { registrationNo } = await registration.register(
        {
          agencyName: agency.name,
          creditCode: syntheticCreditCode(agency.county, 8000 + i),
          countyCode: agency.county,
          address: '四川省成都市',
          contactName: '演示联系人',
          contactPhone: '13900000000',
          delegators,
        },
        { businessLicence: scan, legalPersonCertificate: scan, ...letters },
      );
      for (const [level, decision, reason] of agency.decisions) {
        await chain.decide(registrationNo, level, DEMO_ACTOR, { decision, ...(reason && { reason }) });
      }
      numbers.push(registrationNo);
    }
    const passwordHash = await hashSecret(normaliseQueryPassword(DEMO_PASSWORD));
    await strapi.db.query('api::agency.agency').updateMany({ where: {}, data: { passwordHash } });
    strapi.log.info(`Demo data: agencies ${numbers.join(', ')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

import { computeIdCardCheckChar, normaliseQueryPassword } from '@statdesk/config';
import type { Core } from '@strapi/strapi';
import { hashSecret } from '../lib/password-hash';
import { serviceOf } from '../lib/services';
import { isDemoWanted } from './demo-wanted';
import { DEMO_ACTOR, DEMO_PASSWORD } from './seed-demo';

/** The "client address" of the seed's registrations, for the attempt limit their answers count against. */
const SEED_ADDRESS = 'demo-seed';

/** A valid resident ID (GB 11643): 17 digits and the check character they imply. */
const idNumber = (body17: string) => `${body17}${computeIdCardCheckChar(body17)}`;

/** Three people of 成都市: one registered, one the bureau reopened, one it removed (seeds/004 §十二). */
const DEMO_PEOPLE: Array<{ name: string; id: string; units: number; bureau?: { action: 'reopen' | 'remove'; reason: string } }> = [
  { name: '李明', id: idNumber('51010419850312031'), units: 2 },
  { name: '王芳', id: idNumber('51010719900823042'), units: 1, bureau: { action: 'reopen', reason: '本人申请增加服务单位' } },
  { name: '陈刚', id: idNumber('51010519781105053'), units: 1, bureau: { action: 'remove', reason: '已离职' } },
];

/**
 * With SEED_DEMO, statistics staff for the bureau's desk, the public look-up and the reporting gate,
 * registered and changed through the same services as the site and the admin. Their service units
 * are enterprises of the direct-reporting demo, so the gate allows some of those.
 */
export async function seedStatisticianDemo(strapi: Core.Strapi): Promise<void> {
  if (!(await isDemoWanted(strapi, 'api::statistician.statistician'))) return;
  const registration = serviceOf(strapi, 'api::statistician.registration');
  const bureau = serviceOf(strapi, 'api::statistician.bureau');
  const gate = serviceOf(strapi, 'api::statistician.gate');
  const enterprises = (await strapi.db
    .query('api::enterprise.enterprise')
    .findMany({ where: { countyCode: { $startsWith: '5101' } }, orderBy: { id: 'asc' }, limit: 4 })) as Array<{
    code: string;
    name: string;
  }>;
  let next = 0;
  const numbers: string[] = [];
  for (const person of DEMO_PEOPLE) {
    const units = enterprises.slice(next, next + person.units).map((e, k) => ({
      code: e.code,
      name: e.name,
      role: k === 0 ? 'comprehensive' : 'specialised',
    }));
    next += person.units;
    if (units.length === 0) break;
    // The first unit through the gate's link, as the platform sends people (verified, it opens the
    // gate); any other stays typed by hand, waiting for the bureau's 核实, as the desk shows.
    const gateToken = gate.linkFor(units[0]?.code ?? '')?.token;
    const { registrationNo } = await registration.register(
      {
        gateToken,
        name: person.name,
        idNumber: person.id,
        phone: '13900000001',
        education: '本科',
        qualification: '统计师',
        employer: units[0]?.name,
        registeredBy: 'self',
        serviceUnits: units,
      },
      SEED_ADDRESS,
    );
    if (person.bureau) await bureau[person.bureau.action](registrationNo, DEMO_ACTOR, person.bureau.reason);
    numbers.push(registrationNo);
  }
  const passwordHash = await hashSecret(normaliseQueryPassword(DEMO_PASSWORD));
  await strapi.db.query('api::statistician.statistician').updateMany({ where: {}, data: { passwordHash } });
  strapi.log.info(`Demo data: statistics staff ${numbers.join(', ')}`);
}

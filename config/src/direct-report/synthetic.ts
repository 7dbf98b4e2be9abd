/**
 * A deterministic (seeded) synthetic dataset for demos, tests and benchmarks (docs/benchmarks.md):
 * enterprises logging in from their own offices, shared business-park NATs, township offices
 * logging in with many accounts at the end of a period (初始 > 末次), central operation then own
 * reporting (末次 > 初始), agencies with delegations, and administrators' logins.
 */
import { computeCreditCodeCheckChar } from '../validators/credit-code.ts';
import { sichuanRegions } from './sichuan.ts';
import type { Category, Delegation, Enterprise, LoginEvent, ReportingPeriod } from './types.ts';

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ORG_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CATEGORY_WEIGHTS: Array<[Category, number]> = [
  ['industry', 0.45],
  ['trade', 0.3],
  ['real_estate', 0.1],
  ['construction', 0.15],
];
const NAME_PARTS = ['蜀', '锦', '川', '峨眉', '天府', '巴山', '岷江', '嘉陵', '青城', '剑门', '金沙', '雅砻'];
const NAME_KINDS: Record<Category, string> = {
  industry: '制造有限公司',
  trade: '商贸有限公司',
  real_estate: '置业有限公司',
  construction: '建设工程有限公司',
};

/** A GB 32100-valid credit code for enterprise number `i` of a county. */
export function syntheticCreditCode(countyCode: string, i: number): string {
  let org = '';
  for (let n = i + 1_000_003, k = 0; k < 9; k++, n = Math.floor(n / 31)) org = ORG_ALPHABET[n % 31] + org;
  const body = `91${countyCode}${org}`;
  return body + computeCreditCodeCheckChar(body);
}

export interface SyntheticOptions {
  seed: number;
  enterprises: number;
  /** Roughly how many login events to produce. */
  events: number;
  period: ReportingPeriod;
}

export interface SyntheticDataset {
  enterprises: Enterprise[];
  delegations: Delegation[];
  /** Events are produced lazily: millions need not sit in memory. */
  events(): Generator<Omit<LoginEvent, 'seq'>>;
}

export function generateDataset(options: SyntheticOptions): SyntheticDataset {
  const random = seededRandom(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const counties = sichuanRegions.flatMap((city) => city.counties.map(([code, name]) => ({ city, code, name })));
  const categoryOf = () => {
    let remaining = random();
    for (const [category, weight] of CATEGORY_WEIGHTS) {
      remaining -= weight;
      if (remaining < 0) return category;
    }
    return 'industry' as Category;
  };
  const enterprises: Enterprise[] = Array.from({ length: options.enterprises }, (_, i) => {
    const county = counties[i % counties.length] ?? counties[0];
    const category = categoryOf();
    return {
      code: syntheticCreditCode(county?.code ?? '510104', i),
      name: `${county?.name ?? ''}${pick(NAME_PARTS)}${pick(NAME_PARTS)}${NAME_KINDS[category]}${i}`,
      cityCode: county?.city.code ?? '510100',
      cityName: county?.city.name ?? '成都市',
      countyCode: county?.code ?? '510104',
      countyName: county?.name ?? '锦江区',
      category,
      active: random() > 0.03,
    };
  });

  // Who logs in how: most from their own office; some behind a park's NAT; some handled by a
  // township office at the end; some operated centrally first; some by a delegated agency.
  type Pattern = 'own' | 'park' | 'township_end' | 'central_first' | 'agency' | 'absent';
  const patternOf = (): Pattern => {
    const r = random();
    return r < 0.62 ? 'own' : r < 0.76 ? 'park' : r < 0.83 ? 'township_end' : r < 0.88 ? 'central_first' : r < 0.92 ? 'agency' : 'absent';
  };
  const patterns = enterprises.map(patternOf);
  // Park tenants share a NAT in clusters of 3–12, around the threshold of 5.
  const parkOf = new Map<number, number>();
  let park = 0;
  let parkRoom = 0;
  for (const [i, pattern] of patterns.entries()) {
    if (pattern !== 'park') continue;
    if (parkRoom === 0) {
      park++;
      parkRoom = 3 + Math.floor(random() * 10);
    }
    parkOf.set(i, park);
    parkRoom--;
  }
  const delegations: Delegation[] = enterprises
    .filter((_, i) => patterns[i] === 'agency')
    .map((e) => ({ enterpriseCode: e.code, from: new Date(options.period.opensAt.getTime() - 90 * 86_400_000), to: null }));

  const opens = options.period.opensAt.getTime();
  const span = options.period.closesAt.getTime() - opens;
  const perEnterprise = Math.max(1, Math.round(options.events / Math.max(1, options.enterprises)));
  // Township and bureau offices serve a whole 市州 here, so that they gather more than five enterprises.
  const cityIndex = (e: Enterprise) => sichuanRegions.findIndex((c) => c.code === e.cityCode) + 1;
  const ownIp = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;

  function* events(): Generator<Omit<LoginEvent, 'seq'>> {
    const local = seededRandom(options.seed + 1);
    for (const [i, e] of enterprises.entries()) {
      const pattern = patterns[i];
      if (pattern === 'absent') continue;
      const n = 1 + Math.floor(local() * perEnterprise * 2);
      const account = (k: number) => `${e.code}-${k % 3 === 2 ? 2 : 1}`;
      for (let k = 0; k < n; k++) {
        const fraction = (k + local()) / n;
        const at = new Date(opens + Math.floor(fraction * span * 0.98));
        let ip = ownIp(i);
        if (pattern === 'park') ip = `172.16.${((parkOf.get(i) ?? 0) >> 8) & 255}.${(parkOf.get(i) ?? 0) & 255}`;
        if (pattern === 'township_end' && k === n - 1) ip = `192.168.${cityIndex(e)}.1`;
        if (pattern === 'central_first' && k === 0) ip = `192.168.${cityIndex(e)}.2`;
        if (pattern === 'agency') ip = `100.64.${cityIndex(e)}.9`;
        yield { account: account(k), enterpriseCode: e.code, accountKind: 'enterprise', ip, at };
        // Administrators check progress with their own accounts from the bureau (never counted, §八).
        if (local() < 0.02)
          yield { account: `admin-${e.countyCode}`, enterpriseCode: e.code, accountKind: 'admin', ip: `192.168.${cityIndex(e)}.3`, at };
      }
    }
  }

  return { enterprises, delegations, events };
}

import { createRequire } from 'node:module';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EnterpriseVersion, enterprisesAsOf } from '../../../config/src/direct-report/master-data.ts';
import { computeDirectReport, type RuleInput } from '../../../config/src/direct-report/reference.ts';
import {
  categories,
  type DirectReport,
  defaultRuleParameters,
  type Enterprise,
  type LoginEvent,
  type Reason,
  type RuleParameters,
  reasons,
} from '../../../config/src/direct-report/types.ts';
import { CMS_DIR } from '../../../scripts/lib/paths.ts';
import { inJinjiang } from '../support/fixtures.ts';
import { bootCms, type TestCms } from '../support/strapi.ts';

// The SQL implementation lives in the compiled CMS; load it from there, as Strapi does.
type Query = { period: RuleInput['period']; parameters: RuleParameters };
interface Selection {
  city?: string;
  reason?: Reason;
  limit?: number;
  offset?: number;
}
interface RuleModule {
  computeReportInSql(knex: Knex, query: Query & { closed?: boolean }): Promise<DirectReport>;
  computeReportPage(
    knex: Knex,
    query: Query & { closed?: boolean },
    selection: Selection,
  ): Promise<{ report: DirectReport; matching: number }>;
  storeClosedResults(knex: Knex, query: Query): Promise<void>;
}
interface PartitionModule {
  ensureMonthPartitions(knex: Knex, instants: Iterable<string>): Promise<void>;
}
interface SummaryModule {
  storeEvents(knex: Knex, rows: Array<Record<string, string>>, arrival?: string[]): Promise<number>;
  reserveArrivalOrder(knex: Knex, count: number): Promise<string[]>;
  ensureSummary(knex: Knex, window: { code: string; opensAt: Date; closesAt: Date }): Promise<void>;
  foldStaged(knex: Knex): Promise<boolean>;
  SUMMARY_TABLES: string[];
  storedEventOf(login: LoginEvent, eventKey: string): Record<string, string>;
}
/**
 * How the events reach the database: in batches of a random size, folded into a summary built
 * before they arrive (perhaps for a window the bureau has since moved, so the report must rebuild
 * it, or moved halfway through, so later batches fold onto a rebuilt summary) or summarised
 * afterwards from the raw events, a batch perhaps sent twice, each batch perhaps repeating the
 * tail of the one before (a retried stream: the new events of a partly stored batch are folded, the
 * old are not), the staged batch summaries merged into the summaries after every so many batches
 * or only when the report reads; and which page of explanations to compare.
 */
const deliveries = fc.record({
  summary: fc.constantFrom('built-after' as const, 'built-before' as const, 'built-for-an-old-window' as const, 'rebuilt-midway' as const),
  batchSize: fc.integer({ min: 1, max: 40 }),
  resendFirstBatch: fc.boolean(),
  overlap: fc.integer({ min: 0, max: 5 }),
  /** Merges the staged summaries after every this many batches (0: when the report reads). */
  mergeEvery: fc.integer({ min: 0, max: 4 }),
  /** Then closed, and its report read from what closing stored. */
  closed: fc.boolean(),
  selection: fc.record(
    {
      city: fc.constantFrom('510100', '510101'),
      reason: fc.constantFrom(...reasons),
      limit: fc.integer({ min: 1, max: 5 }),
      offset: fc.integer({ min: 0, max: 6 }),
    },
    { requiredKeys: [] },
  ),
});
type Delivery = typeof deliveries extends fc.Arbitrary<infer T> ? T : never;
const DEFAULT_DELIVERY: Delivery = {
  summary: 'built-after',
  batchSize: 100,
  resendFirstBatch: false,
  overlap: 0,
  mergeEvery: 0,
  closed: true,
  selection: {},
};
const requireFromCms = createRequire(join(CMS_DIR, 'package.json'));

const CODES = Array.from({ length: 14 }, (_, i) => `91510100MA${String(i).padStart(7, '0')}X`.slice(0, 18));
const IPS = ['10.0.0.1', '10.0.0.2', '10.0.0.3', '172.16.5.9', '2001:db8::1', '192.168.1.100'];
const MONTHLY = {
  code: '2026-10',
  type: 'monthly' as const,
  opensAt: new Date('2026-11-01T00:00:00Z'),
  closesAt: new Date('2026-11-11T00:00:00Z'),
};
const QUARTERLY = {
  code: '2026-Q3',
  type: 'quarterly' as const,
  opensAt: new Date('2026-10-01T00:00:00Z'),
  closesAt: new Date('2026-10-21T00:00:00Z'),
};
const HOUR = 3_600_000;

/** An enterprise's login an hour into the monthly window: logins that tie on time, told apart by arrival. */
const loginAtOneInstant = (seq: number, enterprise: string, ip: string): LoginEvent => ({
  seq,
  account: `${enterprise}-1`,
  enterpriseCode: enterprise,
  accountKind: 'enterprise',
  ip,
  at: new Date(MONTHLY.opensAt.getTime() + HOUR),
});

/** An enterprise's master data as the enterprises and enterprise_versions tables hold it. */
const enterpriseRow = (e: Enterprise) => ({
  code: e.code,
  name: e.name,
  city_code: e.cityCode,
  city_name: e.cityName,
  county_code: e.countyCode,
  county_name: e.countyName,
  category: e.category,
  active: e.active,
});

/** An input with the master data's history: its `enterprises` are those in force when the window ended. */
type Scenario = RuleInput & { versions?: EnterpriseVersion[] };

/**
 * How an enterprise's master data changed around the window: not at all, moved (county, category
 * or closed) at an hour, added only then, or removed then.
 */
const histories = fc.record({
  kind: fc.constantFrom('none' as const, 'changed' as const, 'added' as const, 'removed' as const),
  // From well before the window to after it, and exactly at its end.
  hour: fc.oneof(fc.integer({ min: -100, max: 400 }), fc.constant('closes' as const)),
  county: fc.integer({ min: 0, max: 1 }),
  category: fc.constantFrom(...categories),
  active: fc.boolean(),
});

function versionsOf(
  now: Enterprise,
  history: typeof histories extends fc.Arbitrary<infer T> ? T : never,
  period: RuleInput['period'],
): EnterpriseVersion[] {
  const at = history.hour === 'closes' ? period.closesAt : new Date(period.opensAt.getTime() + history.hour * HOUR);
  const always: EnterpriseVersion = { ...now, validFrom: null, validTo: null };
  if (history.kind === 'none') return [always];
  if (history.kind === 'added') return [{ ...always, validFrom: at }];
  if (history.kind === 'removed') return [{ ...always, validTo: at }];
  const countyCode = `${now.countyCode.slice(0, 5)}${history.county}`;
  const moved = { ...now, countyCode, countyName: `县${countyCode.slice(-2)}`, category: history.category, active: history.active };
  return [
    { ...always, validTo: at },
    { ...moved, validFrom: at, validTo: null },
  ];
}

/** Random periods, enterprises, delegations and logins: ties, shared IPs of every size, admin and out-of-window logins. */
const scenarios = (parameters: fc.Arbitrary<Partial<RuleParameters>>) =>
  fc
    .record({
      period: fc.constantFrom(MONTHLY, QUARTERLY),
      parameters,
      enterprises: fc.uniqueArray(
        fc.record({
          code: fc.constantFrom(...CODES.slice(0, 12)),
          city: fc.integer({ min: 0, max: 1 }),
          county: fc.integer({ min: 0, max: 1 }),
          category: fc.constantFrom(...categories),
          active: fc.integer({ min: 0, max: 6 }).map((n) => n > 0),
          history: histories,
        }),
        { selector: (e) => e.code, minLength: 4, maxLength: 12 },
      ),
      delegations: fc.array(
        fc.record({
          code: fc.constantFrom(...CODES),
          fromHour: fc.integer({ min: -800, max: 400 }),
          hours: fc.option(fc.integer({ min: 1, max: 900 })),
        }),
        { maxLength: 3 },
      ),
      events: fc.array(
        fc.record({
          code: fc.constantFrom(...CODES),
          second: fc.boolean(),
          admin: fc.integer({ min: 0, max: 6 }).map((n) => n === 0),
          // One busy "business park" address, so that clusters of every size around the threshold occur.
          ip: fc.oneof({ arbitrary: fc.constant('10.0.0.1'), weight: 2 }, { arbitrary: fc.constantFrom(...IPS), weight: 3 }),
          // A coarse clock makes ties common; some logins fall outside the window.
          hour: fc.integer({ min: -2, max: 50 }).map((h) => h * 10),
        }),
        { minLength: 10, maxLength: 80 },
      ),
    })
    .map(({ period, parameters, enterprises, delegations, events }): Scenario => {
      const versions = enterprises.flatMap((e) =>
        versionsOf(
          {
            code: e.code,
            name: `企业${e.code.slice(-4)}`,
            cityCode: `51010${e.city}`,
            cityName: `市${e.city}`,
            countyCode: `5101${e.city}${e.county}`,
            countyName: `县${e.city}${e.county}`,
            category: e.category,
            active: e.active,
          },
          e.history,
          period,
        ),
      );
      return {
        period,
        parameters: { ...defaultRuleParameters(), ...parameters },
        versions,
        enterprises: enterprisesAsOf(versions, period.closesAt),
        delegations: delegations.map((d) => ({
          enterpriseCode: d.code,
          from: new Date(period.opensAt.getTime() + d.fromHour * HOUR),
          to: d.hours === null ? null : new Date(period.opensAt.getTime() + (d.fromHour + d.hours) * HOUR),
        })),
        events: events.map(
          (e, i): LoginEvent => ({
            seq: i + 1,
            account: `${e.code}-${e.second ? 2 : 1}`,
            enterpriseCode: e.code,
            accountKind: e.admin ? 'admin' : 'enterprise',
            ip: e.ip,
            at: new Date(period.opensAt.getTime() + e.hour * HOUR),
          }),
        ),
      };
    });

describe('the direct-reporting rule: SQL over the ingestion summaries agrees with the reference implementation', () => {
  let cms: TestCms;
  let knex: Knex;
  let rule: RuleModule;
  let partitions: PartitionModule;
  let summaries: SummaryModule;

  beforeAll(async () => {
    cms = await bootCms('rule_agreement');
    knex = cms.strapi.db.connection;
    rule = requireFromCms('./dist/src/api/direct-report/services/rule.js') as RuleModule;
    partitions = requireFromCms('./dist/src/api/direct-report/services/partitions.js') as PartitionModule;
    // The rebuild, the write path and the stored row are three modules; the tests use them as one.
    summaries = {
      ...(requireFromCms('./dist/src/api/direct-report/services/summaries.js') as object),
      ...(requireFromCms('./dist/src/api/direct-report/services/store-events.js') as object),
      ...(requireFromCms('./dist/src/api/direct-report/services/stored-event.js') as object),
    } as SummaryModule;
  });
  afterAll(async () => {
    await cms?.stop();
  });

  async function load(input: Scenario, delivery: Delivery): Promise<void> {
    await knex.raw(`truncate dr_login_events, enterprises, enterprise_versions, delegations, ${summaries.SUMMARY_TABLES.join(', ')}`);
    if (input.enterprises.length) {
      await knex('enterprises').insert(input.enterprises.map(enterpriseRow));
    }
    // The history as generated, in place of the one the trigger began when the rows were inserted.
    if (input.versions?.length) {
      await knex.raw('truncate enterprise_versions');
      await knex('enterprise_versions').insert(
        input.versions.map((v) => ({
          ...enterpriseRow(v),
          valid_from: v.validFrom ?? '-infinity',
          valid_to: v.validTo,
        })),
      );
    }
    if (input.delegations.length) {
      await knex('delegations').insert(
        input.delegations.map((d) => ({
          enterprise_code: d.enterpriseCode,
          agency_name: '代理',
          effective_from: d.from,
          effective_to: d.to,
        })),
      );
    }
    await partitions.ensureMonthPartitions(
      knex,
      input.events.map((e) => e.at.toISOString()),
    );
    if (delivery.summary === 'built-before') await summaries.ensureSummary(knex, input.period);
    if (delivery.summary === 'built-for-an-old-window') {
      await summaries.ensureSummary(knex, { ...input.period, closesAt: new Date(input.period.closesAt.getTime() - 100 * HOUR) });
    }
    // Stored in arrival order, so the database's sequence gives the same tie-break as `seq`.
    const rows = input.events.map((e) => summaries.storedEventOf(e, `k${e.seq}`));
    if (delivery.summary === 'rebuilt-midway') {
      await summaries.ensureSummary(knex, { ...input.period, opensAt: new Date(input.period.opensAt.getTime() + 100 * HOUR) });
    }
    for (let i = 0; i < rows.length; i += delivery.batchSize) {
      // Half the batches folded into a summary of another window, rebuilt, then the rest folded onto the rebuilt one.
      if (delivery.summary === 'rebuilt-midway' && i >= rows.length / 2 && i - delivery.batchSize < rows.length / 2) {
        await summaries.ensureSummary(knex, input.period);
      }
      const batch = rows.slice(Math.max(0, i - delivery.overlap), i + delivery.batchSize);
      expect(await summaries.storeEvents(knex, batch)).toBe(Math.min(rows.length, i + delivery.batchSize) - i);
      if (delivery.mergeEvery > 0 && (i / delivery.batchSize + 1) % delivery.mergeEvery === 0) await summaries.foldStaged(knex);
    }
    if (delivery.resendFirstBatch) expect(await summaries.storeEvents(knex, rows.slice(0, delivery.batchSize))).toBe(0);
  }

  const plain = (value: unknown) => JSON.parse(JSON.stringify(value));

  /** The report and the page the API shows (the same selection of the reference's explanations) agree with the reference. */
  const expectReport = async (query: Query & { closed?: boolean }, expected: DirectReport, selection: Selection) => {
    expect(plain(await rule.computeReportInSql(knex, query))).toEqual(plain(expected));
    const { city, reason, limit, offset = 0 } = selection;
    const selected = expected.enterprises.filter((e) => (!city || e.cityCode === city) && (!reason || e.reason === reason));
    const { report, matching } = await rule.computeReportPage(knex, query, selection);
    expect(matching).toBe(selected.length);
    expect(plain(report)).toEqual(
      plain({ ...expected, enterprises: selected.slice(offset, limit === undefined ? undefined : offset + limit) }),
    );
  };

  /**
   * Closed (收口) with what it stored, after everything it was computed from is gone: the master
   * data, the delegations and the summaries. It is still the reference's report.
   */
  async function expectClosedReport(query: Query, expected: DirectReport, selection: Selection) {
    await knex.raw('truncate dr_closed_periods cascade');
    await knex('dr_closed_periods').insert({
      period_code: query.period.code,
      closed_by: 'test',
      parameters: JSON.stringify(query.parameters),
    });
    await rule.storeClosedResults(knex, query);
    await knex.raw(`truncate enterprises, enterprise_versions, delegations, ${summaries.SUMMARY_TABLES.join(', ')}`);
    await expectReport({ ...query, closed: true }, expected, selection);
  }

  const agree = async (input: Scenario, delivery: Delivery = DEFAULT_DELIVERY) => {
    await load(input, delivery);
    const query = { period: input.period, parameters: input.parameters };
    const expected = computeDirectReport(input);
    await expectReport(query, expected, delivery.selection);
    if (delivery.closed) await expectClosedReport(query, expected, delivery.selection);
  };

  it('with the default parameters (period scope, threshold 5)', async () => {
    await fc.assert(fc.asyncProperty(scenarios(fc.constant({})), deliveries, agree), { numRuns: 80 });
  }, 300_000);

  it('with the rank scope', async () => {
    await fc.assert(fc.asyncProperty(scenarios(fc.constant({ ipCountScope: 'rank' as const })), deliveries, agree), { numRuns: 60 });
  }, 300_000);

  it('with other thresholds and anomaly deltas', async () => {
    const parameters = fc.record({
      threshold: fc.integer({ min: 1, max: 8 }),
      anomalyDelta: fc.constantFrom(0, 2.5, 10),
      ipCountScope: fc.constantFrom('period' as const, 'rank' as const),
    });
    await fc.assert(fc.asyncProperty(scenarios(parameters), deliveries, agree), { numRuns: 60 });
  }, 300_000);

  it('on the edges: exactly five and six enterprises on one IP, and an empty required set', async () => {
    const base = { period: MONTHLY, parameters: defaultRuleParameters(), delegations: [] };
    for (const size of [5, 6]) {
      const codes = CODES.slice(0, size);
      await agree({
        ...base,
        enterprises: codes.map((code) => inJinjiang(code)),
        events: codes.map((code, i) => ({
          seq: i + 1,
          account: `${code}-1`,
          enterpriseCode: code,
          accountKind: 'enterprise',
          ip: '10.0.0.1',
          at: new Date(MONTHLY.opensAt.getTime() + i * HOUR),
        })),
      });
    }
    await agree({ ...base, enterprises: [], events: [] });
  });

  it('ranks logins at one instant by arrival even when their batches are written in the other order', async () => {
    const [code] = CODES as [string];
    const input: RuleInput = {
      period: MONTHLY,
      parameters: defaultRuleParameters(),
      delegations: [],
      enterprises: [inJinjiang(code)],
      events: [loginAtOneInstant(1, code, '10.0.0.1'), loginAtOneInstant(2, code, '10.0.0.2')],
    };
    await load({ ...input, events: [] }, { ...DEFAULT_DELIVERY, summary: 'built-before' });
    const [first, second] = input.events as [LoginEvent, LoginEvent];
    const arrivedFirst = await summaries.reserveArrivalOrder(knex, 1);
    const arrivedSecond = await summaries.reserveArrivalOrder(knex, 1);
    await summaries.storeEvents(knex, [summaries.storedEventOf(second, `k${second.seq}`)], arrivedSecond);
    await summaries.storeEvents(knex, [summaries.storedEventOf(first, `k${first.seq}`)], arrivedFirst);
    const expected = plain(computeDirectReport(input));
    expect(expected.enterprises[0]).toMatchObject({ firstIp: '10.0.0.1', lastIp: '10.0.0.2' });
    // Folded as they were written, then summarised afresh from the stored events.
    expect(plain(await rule.computeReportInSql(knex, input))).toEqual(expected);
    await knex.raw(`truncate ${summaries.SUMMARY_TABLES.join(', ')}`);
    expect(plain(await rule.computeReportInSql(knex, input))).toEqual(expected);
  });

  it('folds only the new events of a partly re-sent batch: a re-sent login does not take the last slot from a later tie', async () => {
    const [code, other] = CODES as [string, string];
    const input: RuleInput = {
      period: MONTHLY,
      parameters: defaultRuleParameters(),
      delegations: [],
      enterprises: [inJinjiang(code), inJinjiang(other)],
      events: [loginAtOneInstant(1, code, '10.0.0.1'), loginAtOneInstant(2, code, '10.0.0.2'), loginAtOneInstant(3, other, '10.0.0.3')],
    };
    await load({ ...input, events: [] }, { ...DEFAULT_DELIVERY, summary: 'built-before' });
    await partitions.ensureMonthPartitions(
      knex,
      input.events.map((e) => e.at.toISOString()),
    );
    const [a, b, c] = input.events.map((e) => summaries.storedEventOf(e, `k${e.seq}`)) as Array<Record<string, string>>;
    expect(await summaries.storeEvents(knex, [a, b] as Array<Record<string, string>>)).toBe(2);
    // The platform retries from A: A arrives again (now after B), with C new.
    expect(await summaries.storeEvents(knex, [a, c] as Array<Record<string, string>>)).toBe(1);
    const expected = plain(computeDirectReport(input));
    expect(expected.enterprises.find((e: { code: string }) => e.code === code)).toMatchObject({ lastIp: '10.0.0.2' });
    expect(plain(await rule.computeReportInSql(knex, input))).toEqual(expected);
  });
});

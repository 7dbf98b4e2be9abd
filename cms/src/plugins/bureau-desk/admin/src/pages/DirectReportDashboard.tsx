import {
  Badge,
  Box,
  Button,
  Field,
  Flex,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { messageOf } from '../../../../../admin/shared/api';

interface Rates {
  required: number;
  loggedIn: number;
  initialDirect: number;
  finalDirect: number;
  initialRate: number | null;
  finalRate: number | null;
}
interface Region extends Rates {
  code: string;
  name: string;
  flags: string[];
}
interface Report {
  period: { code: string };
  totals: Rates;
  cities: Array<Region & { counties: Region[] }>;
  sharedIps: Array<{ ip: string; enterpriseCount: number; enterprises: string[] }>;
  enterprises: Array<{ code: string; name: string; countyCode: string; initiallyDirect: boolean; finallyDirect: boolean; reason: string }>;
  flagLabels: Record<string, string>;
  reasonLabels: Record<string, string>;
  pagination: { page: number; pageCount: number; total: number };
}
interface TrendPoint {
  code: string;
  totals: Rates;
}

const percent = (rate: number | null) => (rate === null ? '—' : `${rate.toFixed(2)}%`);
const INITIAL = '初始直报率';
const FINAL = '末次直报率';
const chartRow = (region: { code: string; name: string } & Rates) => ({
  code: region.code,
  name: region.name,
  [INITIAL]: region.initialRate ?? 0,
  [FINAL]: region.finalRate ?? 0,
});

/** A table's column headings. */
function HeaderRow({ labels }: { labels: string[] }) {
  return (
    <Thead>
      <Tr>
        {labels.map((label) => (
          <Th key={label}>
            <Typography variant="sigma">{label}</Typography>
          </Th>
        ))}
      </Tr>
    </Thead>
  );
}

/** Initial against final rate per region as bars; a click on a region's bars drills into it. */
function RatesChart({ regions, onPick }: { regions: Region[]; onPick?: (code: string) => void }) {
  const pick = (entry: unknown) => {
    const code = (entry as { payload?: { code?: string } }).payload?.code;
    if (code && onPick) onPick(code);
  };
  // 21 市州 are wider than the page: the chart scrolls sideways inside its box, the table does not.
  return (
    <div style={{ overflowX: 'auto', maxWidth: '100%' }}>
      <BarChart
        width={Math.max(480, regions.length * 70)}
        height={300}
        data={regions.map(chartRow)}
        style={{ cursor: onPick ? 'pointer' : 'default' }}
      >
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="name" interval={0} angle={-30} textAnchor="end" height={70} />
        <YAxis unit="%" domain={[0, 100]} />
        <Tooltip formatter={(value) => `${Number(value).toFixed(2)}%`} />
        <Legend />
        <Bar dataKey={INITIAL} fill="#4945ff" onClick={pick} isAnimationActive={false} />
        <Bar dataKey={FINAL} fill="#32b26e" onClick={pick} isAnimationActive={false} />
      </BarChart>
    </div>
  );
}

/** The regions as a table too: readable without the chart, and each drillable by keyboard. */
function RegionTable({
  regions,
  flagLabels,
  onPick,
}: {
  regions: Region[];
  flagLabels: Record<string, string>;
  onPick?: (code: string) => void;
}) {
  return (
    <Table colCount={6} rowCount={regions.length + 1}>
      <HeaderRow labels={['地区', '应报企业', INITIAL, FINAL, '提示', '查看']} />
      <Tbody>
        {regions.map((region) => (
          <Tr key={region.code}>
            <Td>
              <Typography>{region.name}</Typography>
            </Td>
            <Td>
              <Typography>{region.required}</Typography>
            </Td>
            <Td>
              <Typography>{percent(region.initialRate)}</Typography>
            </Td>
            <Td>
              <Typography>{percent(region.finalRate)}</Typography>
            </Td>
            <Td>
              <Flex gap={1} wrap="wrap">
                {region.flags.map((flag) => (
                  <Badge key={flag}>{flagLabels[flag] ?? flag}</Badge>
                ))}
              </Flex>
            </Td>
            <Td>
              {onPick && (
                <Button variant="tertiary" size="S" onClick={() => onPick(region.code)}>
                  查看{region.name}
                </Button>
              )}
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius marginBottom={6}>
      <Box paddingBottom={4}>
        <Typography variant="delta" tag="h2">
          {title}
        </Typography>
      </Box>
      {children}
    </Box>
  );
}

/**
 * 一套表直报率: a period's initial and final rates per 市州 with their flags, the trend over
 * periods, the shared addresses, and a drill from 市州 to 县区 to each enterprise's explanation.
 */
export default function DirectReportDashboard() {
  const { get } = useFetchClient();
  const [trend, setTrend] = useState<TrendPoint[] | null>(null);
  const [period, setPeriod] = useState<string | null>(null);
  const [city, setCity] = useState<string | null>(null);
  const [county, setCounty] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  // The report together with the drill it answers, so headings never describe a newer click than the data.
  const [loaded, setLoaded] = useState<{ report: Report; city: string | null; county: string | null } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    get<TrendPoint[]>('/bureau-desk/direct-report/periods').then(
      ({ data }) => {
        setTrend(data);
        setPeriod((current) => current ?? data[0]?.code ?? null);
      },
      (caught) => setError(messageOf(caught)),
    );
  }, [get]);

  const query = new URLSearchParams({ page: String(page), ...(city && { city }), ...(county && { county }) }).toString();
  useEffect(() => {
    if (!period) return;
    get<Report>(`/bureau-desk/direct-report/reports/${encodeURIComponent(period)}?${query}`).then(
      ({ data }) => setLoaded({ report: data, city, county }),
      (caught) => setError(messageOf(caught)),
    );
  }, [get, period, query, city, county]);

  const drill = (next: { city?: string | null; county?: string | null }) => {
    setCity(next.city ?? null);
    setCounty(next.county ?? null);
    setPage(1);
  };
  const report = loaded?.report;
  const cityRow = report?.cities.find((c) => c.code === loaded?.city);
  const shownCounty = loaded?.county ?? null;
  const countyName = (code: string) => report?.cities.flatMap((c) => c.counties).find((c) => c.code === code)?.name ?? code;
  const trendRows = [...(trend ?? [])].reverse().map((point) => chartRow({ code: point.code, name: point.code, ...point.totals }));

  return (
    <Page.Main>
      <Page.Title>一套表直报率</Page.Title>
      <Layouts.Header title="一套表直报率" subtitle="按网报期查看初始、末次直报率，点击市州查看县区，再查看每家企业的计算说明" />
      <Layouts.Content>
        {error && (
          <Box padding={4} marginBottom={4} background="danger100" hasRadius>
            <Typography textColor="danger700">{error}</Typography>
          </Box>
        )}
        {trend?.length === 0 && <Typography>还没有网报期：请先在内容管理中添加“网报期”。</Typography>}
        {period && (
          <Flex gap={4} alignItems="flex-end" marginBottom={6}>
            <Box width="240px">
              {/* The design system's SingleSelect takes its label from Field (it has no label prop). */}
              <Field.Root name="period">
                <Field.Label>网报期</Field.Label>
                <SingleSelect
                  value={period}
                  onChange={(value: string | number) => {
                    setPeriod(String(value));
                    drill({});
                  }}
                >
                  {(trend ?? []).map((point) => (
                    <SingleSelectOption key={point.code} value={point.code}>
                      {point.code}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
              </Field.Root>
            </Box>
            {report && (
              <Typography>
                全省：应报 {report.totals.required} 家，{INITIAL} {percent(report.totals.initialRate)}，{FINAL}{' '}
                {percent(report.totals.finalRate)}
              </Typography>
            )}
          </Flex>
        )}
        {report && report.totals.required === 0 && <Typography>本网报期没有应报企业或登录记录。</Typography>}
        {report && report.totals.required > 0 && (
          <>
            <Section title={cityRow ? `${cityRow.name}各县区` : '各市州'}>
              {cityRow && (
                <Box paddingBottom={4}>
                  <Button variant="secondary" onClick={() => drill({})}>
                    返回全省
                  </Button>
                </Box>
              )}
              <RatesChart
                regions={cityRow ? cityRow.counties : report.cities}
                onPick={(code) => (cityRow ? drill({ city: cityRow.code, county: code }) : drill({ city: code }))}
              />
              <RegionTable
                regions={cityRow ? cityRow.counties : report.cities}
                flagLabels={report.flagLabels}
                onPick={(code) => (cityRow ? drill({ city: cityRow.code, county: code }) : drill({ city: code }))}
              />
            </Section>
            {trendRows.length > 1 && (
              <Section title="各网报期走势">
                <LineChart width={720} height={260} data={trendRows}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="name" />
                  <YAxis unit="%" domain={[0, 100]} />
                  <Tooltip formatter={(value) => `${Number(value).toFixed(2)}%`} />
                  <Legend />
                  <Line dataKey={INITIAL} stroke="#4945ff" isAnimationActive={false} />
                  <Line dataKey={FINAL} stroke="#32b26e" isAnimationActive={false} />
                </LineChart>
              </Section>
            )}
            <Section
              title={`企业明细${shownCounty ? `：${countyName(shownCounty)}` : cityRow ? `：${cityRow.name}` : ''}（共 ${report.pagination.total} 家）`}
            >
              <Table colCount={5} rowCount={report.enterprises.length + 1}>
                <HeaderRow labels={['企业', '县区', '初始', '末次', '说明']} />
                <Tbody>
                  {report.enterprises.map((enterprise) => (
                    <Tr key={enterprise.code}>
                      <Td>
                        <Typography>
                          {enterprise.name}（{enterprise.code}）
                        </Typography>
                      </Td>
                      <Td>
                        <Typography>{countyName(enterprise.countyCode)}</Typography>
                      </Td>
                      <Td>
                        <Typography>{enterprise.initiallyDirect ? '直报' : '非直报'}</Typography>
                      </Td>
                      <Td>
                        <Typography>{enterprise.finallyDirect ? '直报' : '非直报'}</Typography>
                      </Td>
                      <Td>
                        <Typography>{report.reasonLabels[enterprise.reason] ?? enterprise.reason}</Typography>
                      </Td>
                    </Tr>
                  ))}
                </Tbody>
              </Table>
              <Flex gap={2} paddingTop={4}>
                <Button variant="tertiary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                  上一页
                </Button>
                <Typography>
                  第 {report.pagination.page} / {report.pagination.pageCount} 页
                </Typography>
                <Button variant="tertiary" disabled={page >= report.pagination.pageCount} onClick={() => setPage(page + 1)}>
                  下一页
                </Button>
              </Flex>
            </Section>
            <Section title="共用登录IP">
              {report.sharedIps.length === 0 ? (
                <Typography>本网报期没有多家企业共用的登录IP。</Typography>
              ) : (
                <Table colCount={3} rowCount={report.sharedIps.length + 1}>
                  <HeaderRow labels={['IP', '企业数', '企业']} />
                  <Tbody>
                    {report.sharedIps.map((shared) => (
                      <Tr key={shared.ip}>
                        <Td>
                          <Typography>{shared.ip}</Typography>
                        </Td>
                        <Td>
                          <Typography>{shared.enterpriseCount}</Typography>
                        </Td>
                        <Td>
                          <Typography>{shared.enterprises.join('、')}</Typography>
                        </Td>
                      </Tr>
                    ))}
                  </Tbody>
                </Table>
              )}
            </Section>
          </>
        )}
      </Layouts.Content>
    </Page.Main>
  );
}

import { t } from '@statdesk/config';
import { type DirectReportPage, endpoints, pathOf, type Rates, type RegionRates, type TrendPoint } from '@statdesk/config/contract';
import { Box, Button, Field, Flex, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { messageOf, useOpenFile } from '../../../../../admin/shared/api';
import { EnterpriseTable, FINAL, INITIAL, percent, RegionTable, SharedIpTable } from './direct-report-tables';
import { PeriodClosingPanel } from './period-closing';

type Region = RegionRates;
type Report = DirectReportPage;
/** The reason select's "every reason" (the select takes no empty value). */
const ALL = 'all';

const chartRow = (region: { code: string; name: string } & Rates) => ({
  code: region.code,
  name: region.name,
  [INITIAL]: region.initialRate ?? 0,
  [FINAL]: region.finalRate ?? 0,
});

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
  const [reason, setReason] = useState('');
  const [page, setPage] = useState(1);
  // The report together with the drill it answers, so headings never describe a newer click than the data.
  const [loaded, setLoaded] = useState<{ report: Report; city: string | null; county: string | null } | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Bumped after a period is closed or re-opened: the list and the report load again.
  const [version, setVersion] = useState(0);

  useEffect(() => {
    get<TrendPoint[]>(endpoints.bureauReportPeriods.path).then(
      ({ data }) => {
        setTrend(data);
        setPeriod((current) => current ?? data[0]?.code ?? null);
      },
      (caught) => setError(messageOf(caught)),
    );
  }, [get, version]);

  // The filter the enterprise list and both exports share: region drilled to, reason chosen.
  const filter = new URLSearchParams({ ...(city && { city }), ...(county && { county }), ...(reason && { reason }) }).toString();
  const query = `page=${page}${filter ? `&${filter}` : ''}`;
  const openFile = useOpenFile();
  const exportAs = (format: 'csv' | 'xlsx') => {
    if (!period) return;
    const path = `${pathOf(endpoints.bureauExportReport, { period, format })}${filter ? `?${filter}` : ''}`;
    openFile(path, true).catch((caught: Error) => setError(caught.message || t('directReport.admin.exportFailed')));
  };
  useEffect(() => {
    if (!period) return;
    get<Report>(`${pathOf(endpoints.bureauReport, { period })}?${query}`).then(
      ({ data }) => setLoaded({ report: data, city, county }),
      (caught) => setError(messageOf(caught)),
    );
  }, [get, period, query, city, county, version]);

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
                      {point.closing ? t('directReport.closing.closedTag') : ''}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
              </Field.Root>
            </Box>
            <Box width="200px">
              <Field.Root name="reason">
                <Field.Label>{t('directReport.admin.reason')}</Field.Label>
                <SingleSelect
                  value={reason || ALL}
                  onChange={(value: string | number) => {
                    setReason(value === ALL ? '' : String(value));
                    setPage(1);
                  }}
                >
                  <SingleSelectOption value={ALL}>{t('directReport.admin.allReasons')}</SingleSelectOption>
                  {Object.entries(loaded?.report.reasonLabels ?? {}).map(([code, label]) => (
                    <SingleSelectOption key={code} value={code}>
                      {label}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
              </Field.Root>
            </Box>
            <Button variant="secondary" onClick={() => exportAs('xlsx')}>
              {t('directReport.admin.exportXlsx')}
            </Button>
            <Button variant="secondary" onClick={() => exportAs('csv')}>
              {t('directReport.admin.exportCsv')}
            </Button>
          </Flex>
        )}
        {report && period === report.period.code && (
          <PeriodClosingPanel
            code={period}
            closesAt={report.period.closesAt}
            closing={report.closing}
            onChanged={() => setVersion((v) => v + 1)}
          />
        )}
        {report && (
          <Box marginBottom={6}>
            {/* The totals of what the user reads: the province, or a 市州 or 县区 bureau's own region. */}
            <Typography>
              合计：应报 {report.totals.required} 家，{INITIAL} {percent(report.totals.initialRate)}，{FINAL}{' '}
              {percent(report.totals.finalRate)}
            </Typography>
          </Box>
        )}
        {report && report.totals.required === 0 && <Typography>本网报期没有应报企业或登录记录。</Typography>}
        {report && report.totals.required > 0 && (
          <>
            <Section title={cityRow ? `${cityRow.name}各县区` : '各市州'}>
              {cityRow && (
                <Box paddingBottom={4}>
                  <Button variant="secondary" onClick={() => drill({})}>
                    返回各市州
                  </Button>
                </Box>
              )}
              <RatesChart
                regions={cityRow ? cityRow.counties : report.cities}
                onPick={(code) => (cityRow ? drill({ city: cityRow.code, county: code }) : drill({ city: code }))}
              />
              <RegionTable
                regions={cityRow ? cityRow.counties : report.cities}
                report={report}
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
              <EnterpriseTable report={report} countyName={countyName} />
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
                <SharedIpTable report={report} />
              )}
            </Section>
          </>
        )}
      </Layouts.Content>
    </Page.Main>
  );
}

import { t } from '@statdesk/config';
import type { DirectReportPage, RegionRates } from '@statdesk/config/contract';
import { Button, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';

export const INITIAL = '初始直报率';
export const FINAL = '末次直报率';
export const percent = (rate: number | null) => (rate === null ? '—' : `${rate.toFixed(2)}%`);

/** A table's column headings. */
export function HeaderRow({ labels }: { labels: string[] }) {
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

/** The regions as a table too: readable without the chart, and each drillable by keyboard. */
export function RegionTable({
  regions,
  report,
  onPick,
}: {
  regions: RegionRates[];
  report: Pick<DirectReportPage, 'flagExplanations' | 'operatorCauses' | 'operatorCauseLabels'>;
  onPick?: (code: string) => void;
}) {
  return (
    <Table colCount={7} rowCount={regions.length + 1}>
      <HeaderRow labels={['地区', '应报企业', INITIAL, FINAL, '提示', t('directReport.export.operators'), '查看']} />
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
              {/* The flag in words beside its region (seeds/004 §五), not a code to look up. */}
              <Flex direction="column" alignItems="flex-start" gap={1}>
                {region.flags.map((flag) => (
                  <Typography key={flag} textColor="danger700">
                    {report.flagExplanations[flag] ?? flag}
                  </Typography>
                ))}
              </Flex>
            </Td>
            <Td>
              {/* seeds/004 §六: the causes the bureau acts on, from its list of known operator addresses. */}
              <Flex direction="column" alignItems="flex-start" gap={1}>
                {report.operatorCauses
                  .filter((c) => c.code === region.code)
                  .map((c) => (
                    <Typography key={c.cause}>
                      {t('directReport.operator.causeCount', { cause: report.operatorCauseLabels[c.cause], count: String(c.enterprises) })}
                    </Typography>
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

/** A page of enterprises with each one's explanation and the admin accounts that logged in to its data. */
export function EnterpriseTable({ report, countyName }: { report: DirectReportPage; countyName: (code: string) => string }) {
  return (
    <Table colCount={6} rowCount={report.enterprises.length + 1}>
      <HeaderRow labels={['企业', '县区', '初始', '末次', t('directReport.admin.reason'), t('directReport.admin.adminAccounts')]} />
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
            <Td>
              {/* seeds/004 §八: admin accounts are not counted, but they leave a trace. */}
              <Typography>{enterprise.adminAccounts.join('、') || t('directReport.admin.noAdminAccounts')}</Typography>
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
}

/** The IPs more enterprises logged in from than the threshold allows, with the known operator behind each. */
export function SharedIpTable({ report }: { report: DirectReportPage }) {
  return (
    <Table colCount={4} rowCount={report.sharedIps.length + 1}>
      <HeaderRow labels={['IP', '企业数', '企业', t('directReport.admin.operator')]} />
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
            <Td>
              <Typography>
                {shared.operator
                  ? `${report.operatorCauseLabels[shared.operator.cause]}：${shared.operator.label}（${shared.operator.network}）`
                  : t('directReport.admin.operatorUnknown')}
              </Typography>
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
}

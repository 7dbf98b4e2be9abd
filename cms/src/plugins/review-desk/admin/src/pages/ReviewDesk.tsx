import { endpoints, type Queue, type RecordList } from '@statdesk/config/contract';
import { Badge, Box, Button, Flex, Searchbar, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { formatTime, messageOf, useOpenFile } from '../../../../../admin/shared/api';

/**
 * 审核工作台: every queue with its count, 等待实验室审批 first, oldest record first; each record
 * opens in the Content Manager where the review actions are. Lists export as CSV or XLSX.
 */
export default function ReviewDesk() {
  const { get } = useFetchClient();
  const open = useOpenFile();
  const [queues, setQueues] = useState<Queue[] | null>(null);
  const [kind, setKind] = useState<string | null>(null);
  const [status, setStatus] = useState('awaiting_review');
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(1);
  const [list, setList] = useState<RecordList | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    get<Queue[]>(endpoints.deskQueues.path).then(
      ({ data }) => {
        setQueues(data);
        setKind((current) => current ?? data[0]?.kind ?? null);
      },
      (caught) => setError(messageOf(caught)),
    );
  }, [get]);

  const params = new URLSearchParams({ kind: kind ?? '', status, q: query, page: String(page) });
  const paramString = params.toString();
  useEffect(() => {
    if (!kind) return;
    get<RecordList>(`${endpoints.deskRecords.path}?${paramString}`).then(
      ({ data }) => setList(data),
      (caught) => setError(messageOf(caught)),
    );
  }, [get, kind, paramString]);

  const current = queues?.find((q) => q.kind === kind);
  return (
    <Page.Main>
      <Page.Title>审核工作台</Page.Title>
      <Layouts.Header title="审核工作台" subtitle="按状态排队，最早提交的在前；点击编号进入审核页面" />
      <Layouts.Content>
        {error && <Typography textColor="danger600">{error}</Typography>}
        {queues && queues.length === 0 && <Typography>您的角色不审核申请。</Typography>}
        <Flex gap={2} wrap="wrap" paddingBottom={4}>
          {queues?.map((q) => (
            <Button
              key={q.kind}
              variant={q.kind === kind ? 'default' : 'tertiary'}
              onClick={() => {
                setKind(q.kind);
                setPage(1);
              }}
            >
              {q.noun}（待审核 {q.queues.find((s) => s.status === 'awaiting_review')?.count ?? 0}）
            </Button>
          ))}
        </Flex>
        {current && (
          <Flex gap={2} wrap="wrap" paddingBottom={4} role="group" aria-label="审核状态">
            {current.queues.map((s) => (
              <Button
                key={s.status}
                size="S"
                variant={s.status === status ? 'secondary' : 'ghost'}
                onClick={() => {
                  setStatus(s.status);
                  setPage(1);
                }}
              >
                {s.label} {s.count}
              </Button>
            ))}
          </Flex>
        )}
        <Flex gap={2} paddingBottom={4} justifyContent="space-between">
          <Box width="320px">
            <Searchbar
              name="q"
              value={query}
              onChange={(e: { target: { value: string } }) => {
                setQuery(e.target.value);
                setPage(1);
              }}
              onClear={() => setQuery('')}
              clearLabel="清除"
              placeholder="编号、申请人或机构"
            >
              搜索
            </Searchbar>
          </Box>
          <Flex gap={2}>
            <Button
              variant="secondary"
              disabled={!kind}
              onClick={() => open(`${endpoints.deskExport.path}?${paramString}&format=csv`, true)}
            >
              导出 CSV
            </Button>
            <Button
              variant="secondary"
              disabled={!kind}
              onClick={() => open(`${endpoints.deskExport.path}?${paramString}&format=xlsx`, true)}
            >
              导出 XLSX
            </Button>
          </Flex>
        </Flex>
        {list && current && (
          <>
            <Table colCount={6} rowCount={list.rows.length + 1}>
              <Thead>
                <Tr>
                  {['编号', '申请人', '机构', '状态', '提交时间', '审核时间'].map((h) => (
                    <Th key={h}>
                      <Typography variant="sigma">{h}</Typography>
                    </Th>
                  ))}
                </Tr>
              </Thead>
              <Tbody>
                {list.rows.map((row) => (
                  <Tr key={row.recordNo}>
                    <Td>
                      <Link to={`/content-manager/collection-types/${current.collection}/${row.documentId}`}>{row.recordNo}</Link>
                    </Td>
                    <Td>{row.applicant}</Td>
                    <Td>{row.organisation}</Td>
                    <Td>
                      <Flex gap={2}>
                        {row.statusLabel}
                        {row.scanFlag && (
                          <Badge backgroundColor="warning100" textColor="warning700" data-testid="scan-flag">
                            {row.scanFlag}
                          </Badge>
                        )}
                      </Flex>
                    </Td>
                    <Td>{formatTime(row.submittedAt)}</Td>
                    <Td>{formatTime(row.reviewedAt)}</Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
            {list.rows.length === 0 && (
              <Box padding={4}>
                <Typography>这个队列是空的。</Typography>
              </Box>
            )}
            <Flex gap={2} paddingTop={4} alignItems="center">
              <Button variant="tertiary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                上一页
              </Button>
              <Typography>
                第 {list.pagination.page} / {list.pagination.pageCount} 页，共 {list.pagination.total} 条
              </Typography>
              <Button variant="tertiary" disabled={page >= list.pagination.pageCount} onClick={() => setPage(page + 1)}>
                下一页
              </Button>
            </Flex>
          </>
        )}
      </Layouts.Content>
    </Page.Main>
  );
}

import { endpoints, pathOf, type RecordDetail } from '@statdesk/config/contract';
import type { PanelComponent, PanelComponentProps } from '@strapi/content-manager/strapi-admin';
import { unstable_useDocument as useDocument } from '@strapi/content-manager/strapi-admin';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { useState } from 'react';
import { formatTime, useOpenFile } from '../../../../admin/shared/api';
import { isSubmissionModel, useRecord } from './api';
import { Decisions } from './decisions';
import { IssuePassword } from './IssuePassword';
import { MailMessages } from './MailMessages';
import { ScanBeside } from './ScanBeside';
import { Timeline } from './Timeline';

const size = (bytes: number) => (bytes > 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`);

/** A change application's approved original beside it, answer by answer (seeds/000 §3.3). */
function OriginalBeside({ original }: { original: NonNullable<RecordDetail['original']> }) {
  return (
    <Box>
      <Typography variant="sigma" textColor="neutral600">
        原申请 {original.recordNo} 与本次变更
      </Typography>
      <table style={{ width: '100%', borderCollapse: 'collapse' }} data-testid="original-beside">
        <thead>
          <tr>
            <th style={{ textAlign: 'left' }}>
              <Typography variant="pi">项目</Typography>
            </th>
            <th style={{ textAlign: 'left' }}>
              <Typography variant="pi">原申请</Typography>
            </th>
            <th style={{ textAlign: 'left' }}>
              <Typography variant="pi">本次变更</Typography>
            </th>
          </tr>
        </thead>
        <tbody>
          {original.rows.map((row) => (
            <tr key={row.label} style={{ verticalAlign: 'top' }}>
              <td>
                <Typography variant="pi">{row.label}</Typography>
              </td>
              <td>
                <Typography variant="pi">{row.original}</Typography>
              </td>
              <td>
                <Typography variant="pi" fontWeight={row.original === row.change ? undefined : 'bold'}>
                  {row.change}
                </Typography>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Box>
  );
}

type PanelContentProps = Pick<PanelComponentProps, 'model' | 'collectionType' | 'documentId'> & { recordNo: string };

function PanelContent({ recordNo, model, collectionType, documentId }: PanelContentProps) {
  const { record, error, reload } = useRecord(recordNo);
  // The edit view's own copy of the record: loaded again after a decision, without a page reload.
  const { refetch } = useDocument({ model, collectionType, documentId }) as { refetch?: () => unknown };
  const [scanOpen, setScanOpen] = useState(false);
  const openFile = useOpenFile();
  // Why a file did not open (e.g. the server cannot print the PDF), shown under the buttons.
  const [fileError, setFileError] = useState<string | null>(null);
  const open = (path: string, download = false) => {
    setFileError(null);
    openFile(path, download).catch((caught: Error) => setFileError(caught.message));
  };
  if (error) return <Typography textColor="danger600">{error}</Typography>;
  if (!record) return <Typography textColor="neutral600">正在加载…</Typography>;
  const base = pathOf(endpoints.deskRecord, { no: recordNo });
  return (
    <Flex direction="column" alignItems="stretch" gap={4} width="100%">
      <Decisions
        model={model}
        record={record}
        onDecided={async () => {
          await Promise.all([reload(), refetch?.()]);
        }}
      />
      <Box>
        <Typography variant="sigma" textColor="neutral600">
          当前状态
        </Typography>
        <Typography tag="p" fontWeight="bold" data-testid="review-status">
          {record.statusLabel}
        </Typography>
        {record.reviewReason && <Typography tag="p">理由：{record.reviewReason}</Typography>}
        {record.accessStart && (
          <Typography tag="p">
            数据使用期限：{record.accessStart} 至 {record.accessEnd}
          </Typography>
        )}
      </Box>
      {record.original && <OriginalBeside original={record.original} />}
      <Box>
        <Typography variant="sigma" textColor="neutral600">
          盖章申请表
        </Typography>
        {record.stampedForm ? (
          <Flex direction="column" alignItems="stretch" gap={2} paddingTop={1}>
            <Typography tag="p">
              {record.stampedForm.fileName}（{size(record.stampedForm.size)}，{formatTime(record.stampedForm.uploadedAt)}上传）
            </Typography>
            {record.stampedForm.scanFlag && (
              <Typography tag="p" textColor="warning700" fontWeight="bold" data-testid="scan-flag">
                {record.stampedForm.scanFlag}：请核对扫描件上的编号是否为 {record.recordNo}
              </Typography>
            )}
            <Flex gap={2} wrap="wrap">
              <Button variant="secondary" size="S" onClick={() => setScanOpen(!scanOpen)} aria-pressed={scanOpen}>
                {scanOpen ? '关闭扫描件' : '查看扫描件'}
              </Button>
              <Button variant="tertiary" size="S" onClick={() => open(`${base}/stamped-form?download=1`, true)}>
                下载
              </Button>
            </Flex>
            {scanOpen && (
              <ScanBeside
                path={`${base}/stamped-form`}
                fileName={record.stampedForm.fileName}
                mime={record.stampedForm.mime}
                onClose={() => setScanOpen(false)}
              />
            )}
          </Flex>
        ) : (
          <Typography tag="p" textColor="neutral600">
            申请人尚未上传
          </Typography>
        )}
      </Box>
      {record.attachments.length > 0 && (
        <Box>
          <Typography variant="sigma" textColor="neutral600">
            附件
          </Typography>
          {record.attachments.map((file, index) => (
            <Box key={`${file.fileName}-${file.uploadedAt}`} paddingTop={1}>
              <Button variant="tertiary" size="S" onClick={() => open(`${base}/attachments/${index + 1}`)}>
                {file.fileName}
              </Button>
            </Box>
          ))}
        </Box>
      )}
      <Button variant="tertiary" size="S" onClick={() => open(`${base}/form.pdf`)}>
        打印版申请表（PDF）
      </Button>
      {fileError && (
        <Typography tag="p" textColor="danger600" role="alert" data-testid="file-error">
          {fileError}
        </Typography>
      )}
      <IssuePassword recordNo={recordNo} />
      <MailMessages recordNo={recordNo} version={record} />
      <Box>
        <Typography variant="sigma" textColor="neutral600">
          审核记录
        </Typography>
        <Timeline
          testId="review-history"
          items={record.history}
          keyOf={(event) => `${event.at}-${event.action}`}
          captionOf={(event) => `${formatTime(event.at)} · ${event.actor} · ${event.actionLabel}`}
        >
          {(event) => (
            <>
              <Typography tag="p">
                {event.fromLabel ? `${event.fromLabel} → ` : ''}
                {event.toLabel}
              </Typography>
              {event.reason && <Typography tag="p">理由：{event.reason}</Typography>}
              {event.changes.length > 0 && (
                <ul style={{ margin: 0, paddingLeft: '1.2em' }} data-testid="history-changes">
                  {event.changes.map((line) => (
                    <li key={line}>
                      <Typography variant="pi">{line}</Typography>
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
        </Timeline>
      </Box>
    </Flex>
  );
}

/**
 * The edit view's side panel for a submission: the decisions, the scan beside the answers, the
 * printable form, the mail to the applicant and the whole review history. Keyed by record: 下一条 starts afresh.
 */
export const ReviewPanel: PanelComponent = ({ model, document, collectionType, documentId }) => {
  const recordNo = (document as { recordNo?: string } | undefined)?.recordNo;
  if (!isSubmissionModel(model) || !recordNo) return null;
  return {
    title: '审核',
    content: <PanelContent key={recordNo} recordNo={recordNo} model={model} collectionType={collectionType} documentId={documentId} />,
  };
};

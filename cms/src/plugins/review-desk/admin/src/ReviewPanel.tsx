import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { useState } from 'react';
import { formatTime, useOpenFile } from '../../../../admin/shared/api';
import { isSubmissionModel, useRecord } from './api';

const size = (bytes: number) => (bytes > 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`);

function PanelContent({ recordNo }: { recordNo: string }) {
  const { record, error } = useRecord(recordNo);
  const openFile = useOpenFile();
  // Why a file did not open (e.g. the server cannot print the PDF), shown under the buttons.
  const [fileError, setFileError] = useState<string | null>(null);
  const open = (path: string, download = false) => {
    setFileError(null);
    openFile(path, download).catch((caught: Error) => setFileError(caught.message));
  };
  if (error) return <Typography textColor="danger600">{error}</Typography>;
  if (!record) return <Typography textColor="neutral600">正在加载…</Typography>;
  const base = `/review-desk/records/${encodeURIComponent(recordNo)}`;
  return (
    <Flex direction="column" alignItems="stretch" gap={4} width="100%">
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
      <Box>
        <Typography variant="sigma" textColor="neutral600">
          盖章申请表
        </Typography>
        {record.stampedForm ? (
          <Flex direction="column" alignItems="stretch" gap={2} paddingTop={1}>
            <Typography tag="p">
              {record.stampedForm.fileName}（{size(record.stampedForm.size)}，{formatTime(record.stampedForm.uploadedAt)}上传）
            </Typography>
            <Flex gap={2}>
              <Button variant="secondary" size="S" onClick={() => open(`${base}/stamped-form`)}>
                查看扫描件
              </Button>
              <Button variant="tertiary" size="S" onClick={() => open(`${base}/stamped-form?download=1`, true)}>
                下载
              </Button>
            </Flex>
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
      <Box>
        <Typography variant="sigma" textColor="neutral600">
          审核记录
        </Typography>
        <ol style={{ margin: 0, paddingLeft: '1.2em' }} data-testid="review-history">
          {record.history.map((event) => (
            <li key={`${event.at}-${event.action}`} style={{ marginTop: 8 }}>
              <Typography tag="p" variant="pi" textColor="neutral600">
                {formatTime(event.at)} · {event.actor}
              </Typography>
              <Typography tag="p">
                {event.fromLabel ? `${event.fromLabel} → ` : ''}
                {event.toLabel}
              </Typography>
              {event.reason && <Typography tag="p">理由：{event.reason}</Typography>}
            </li>
          ))}
        </ol>
      </Box>
    </Flex>
  );
}

/** The edit view's side panel for a submission: scan, printable form and the whole review history. */
export const ReviewPanel: PanelComponent = ({ model, document }) => {
  const recordNo = (document as { recordNo?: string } | undefined)?.recordNo;
  if (!isSubmissionModel(model) || !recordNo) return null;
  return { title: '审核', content: <PanelContent recordNo={recordNo} /> };
};

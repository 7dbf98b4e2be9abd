import { endpoints, type OutboxMessage, pathOf, type RecordMessages } from '@statdesk/config/contract';
import { Box, Typography } from '@strapi/design-system';
import { useEffect } from 'react';
import { formatTime, useDeskRecord } from '../../../../admin/shared/api';
import { Timeline } from './Timeline';

const keyOf = (message: OutboxMessage) => `${message.createdAt}-${message.subject}`;

const STATE_COLOURS = { sent: 'success600', pending: 'warning600', failed: 'danger600' } as const;
/** How often a panel with mail still waiting asks again (the outbox's worker polls every few seconds). */
const PENDING_POLL_MS = 5_000;

/**
 * The mail the applicant was sent about this record, and whether each went out: a message stays
 * 待发送 while the mail server is unreachable and is retried (docs/operations.md, "Mail").
 * `version` changes after a decision, which queues a new message.
 */
export function MailMessages({ recordNo, version }: { recordNo: string; version: unknown }) {
  const { record, error, reload } = useDeskRecord<RecordMessages>(pathOf(endpoints.deskMessages, { no: recordNo }), version);
  const waiting = record?.messages.some((message) => message.state === 'pending') ?? false;
  // A decision's mail leaves the outbox seconds after the panel has drawn it as 待发送: look again
  // while any waits, so the reviewer sees it go out without reloading the page.
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => void reload(), PENDING_POLL_MS);
    return () => clearInterval(timer);
  }, [waiting, reload]);
  if (error) return <Typography textColor="danger600">{error}</Typography>;
  if (!record || (!record.mailEnabled && record.messages.length === 0)) return null;
  return (
    <Box>
      <Typography variant="sigma" textColor="neutral600">
        通知邮件
      </Typography>
      {record.messages.length === 0 && (
        <Typography tag="p" textColor="neutral600">
          暂无邮件
        </Typography>
      )}
      <Timeline testId="mail-messages" items={record.messages} keyOf={keyOf} captionOf={(message) => formatTime(message.createdAt)}>
        {(message) => (
          <>
            <Typography tag="p">{message.subject}</Typography>
            <Typography tag="p" fontWeight="bold" textColor={STATE_COLOURS[message.state]} data-testid="mail-state">
              {message.stateLabel}
              {message.sentAt ? `（${formatTime(message.sentAt)}）` : ''}
              {message.state !== 'sent' && message.attempts > 0 ? ` · 已尝试 ${message.attempts} 次` : ''}
            </Typography>
            {message.lastError && message.state !== 'sent' && (
              <Typography tag="p" variant="pi" textColor="neutral600">
                原因：{message.lastError}
              </Typography>
            )}
            {message.state === 'pending' && message.nextAttemptAt && message.attempts > 0 && (
              <Typography tag="p" variant="pi" textColor="neutral600">
                下次尝试：{formatTime(message.nextAttemptAt)}
              </Typography>
            )}
          </>
        )}
      </Timeline>
    </Box>
  );
}

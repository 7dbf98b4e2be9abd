import { t } from '@statdesk/config';
import { endpoints, type PeriodClosing, pathOf } from '@statdesk/config/contract';
import { Box, Button, Flex, Modal, Typography } from '@strapi/design-system';
import { useState } from 'react';
import { ActionForm } from '../../../../../admin/shared/ActionForm';
import { formatTime, useDeskRecord } from '../../../../../admin/shared/api';

interface Closings {
  closings: Array<{ action: 'close' | 'reopen'; actor: string; reason: string | null; at: string }>;
  canClose: boolean;
}

interface PeriodClosingProps {
  code: string;
  /** The end of the period's reporting window, from the report. */
  closesAt: string;
  closing: PeriodClosing | null;
  /** Loads the report and the period list again after closing or re-opening. */
  onChanged(): void;
}

/**
 * 收口 of the period shown: whether it is closed and since when, the button that closes or
 * re-opens it (for whoever may edit the 网报期; re-opening asks for a reason), and its history.
 */
export function PeriodClosingPanel({ code, closesAt, closing, onChanged }: PeriodClosingProps) {
  const [open, setOpen] = useState<'close' | 'reopen' | null>(null);
  const { record: data } = useDeskRecord<Closings>(pathOf(endpoints.bureauPeriodClosings, { code }), closing?.closedAt ?? 'open');
  const label = t(`directReport.closing.${open ?? 'close'}`);
  return (
    <Box padding={4} marginBottom={6} background={closing ? 'success100' : 'neutral100'} hasRadius data-testid="period-closing">
      <Flex gap={4} alignItems="center" wrap="wrap">
        <Typography fontWeight="bold">
          {closing
            ? t('directReport.closing.closedAt', { at: formatTime(closing.closedAt), by: closing.closedBy })
            : t('directReport.closing.inProgress')}
        </Typography>
        {data?.canClose && (
          <Button variant={closing ? 'secondary' : 'default'} onClick={() => setOpen(closing ? 'reopen' : 'close')}>
            {t(closing ? 'directReport.closing.reopen' : 'directReport.closing.close')}
          </Button>
        )}
      </Flex>
      {data && data.closings.length > 0 && (
        <Box paddingTop={3}>
          <Typography variant="sigma">{t('directReport.closing.history')}</Typography>
          <ul>
            {data.closings.map((event) => (
              <li key={`${event.action}-${event.at}`}>
                <Typography>
                  {formatTime(event.at)} {t(`directReport.closing.action.${event.action}`)}（{event.actor}）
                  {event.reason ? `：${event.reason}` : ''}
                </Typography>
              </li>
            ))}
          </ul>
        </Box>
      )}
      {open && (
        <Modal.Root open onOpenChange={(isOpen: boolean) => !isOpen && setOpen(null)}>
          <Modal.Content>
            <Modal.Header>
              <Modal.Title>{open === 'close' ? `${label}：${code}` : t('directReport.closing.reopenTitle', { code })}</Modal.Title>
            </Modal.Header>
            {open === 'close' && (
              <Box paddingLeft={7} paddingRight={7} paddingTop={4}>
                <Typography>{t('directReport.closing.confirmClose', { code })}</Typography>
                {/* Closing is the bureau's call (a late correction may need it early), but the logins still due would not count. */}
                {Date.now() < Date.parse(closesAt) && (
                  <Typography tag="p" textColor="danger600" fontWeight="bold" data-testid="early-closing">
                    {t('directReport.closing.beforeWindowEnds', { code, at: formatTime(closesAt) })}
                  </Typography>
                )}
              </Box>
            )}
            <ActionForm
              path={pathOf(open === 'close' ? endpoints.bureauClosePeriod : endpoints.bureauReopenPeriod, { code })}
              body={{}}
              rows={
                open === 'reopen'
                  ? [
                      {
                        name: 'reason',
                        label: t('directReport.closing.reopenReason'),
                        hint: t('directReport.closing.reopenHint'),
                        required: true,
                        multiline: true,
                      },
                    ]
                  : []
              }
              label={label}
              done={`已${label}：${code}`}
              variant={open === 'close' ? 'success' : 'secondary'}
              onClose={() => setOpen(null)}
              onDone={() => {
                setOpen(null);
                onChanged();
              }}
            />
          </Modal.Content>
        </Modal.Root>
      )}
    </Box>
  );
}

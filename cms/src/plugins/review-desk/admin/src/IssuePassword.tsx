import { endpoints, pathOf } from '@statdesk/config/contract';
import { Box, Button, Modal } from '@strapi/design-system';
import { useState } from 'react';
import { ActionForm } from '../../../../admin/shared/ActionForm';
import { NewPassword } from '../../../../admin/shared/NewPassword';

const LABEL = '重新发放查询密码';

/**
 * For an applicant who lost the query password and cannot reset it by mail (mail off, or no email
 * on the record): after checking who is asking, the reviewer issues a new one, shown once; the
 * old one stops working and the history records who did it and why.
 */
export function IssuePassword({ recordNo }: { recordNo: string }) {
  const [open, setOpen] = useState(false);
  return (
    <Box>
      <Button variant="tertiary" size="S" onClick={() => setOpen(true)}>
        {LABEL}
      </Button>
      {open && (
        <Modal.Root open onOpenChange={(isOpen: boolean) => !isOpen && setOpen(false)}>
          <Modal.Content>
            <Modal.Header>
              <Modal.Title>
                {LABEL}：{recordNo}
              </Modal.Title>
            </Modal.Header>
            <ActionForm
              path={pathOf(endpoints.deskIssuePassword, { no: recordNo })}
              body={{}}
              rows={[{ name: 'reason', label: '理由', hint: '如：申请人来电，已核对身份证件', required: true, multiline: true }]}
              label={LABEL}
              done={`已${LABEL}`}
              variant="secondary"
              onClose={() => setOpen(false)}
              showAnswer={NewPassword}
            />
          </Modal.Content>
        </Modal.Root>
      )}
    </Box>
  );
}

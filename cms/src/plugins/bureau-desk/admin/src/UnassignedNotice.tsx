import type { MyJurisdiction } from '@statdesk/config/contract';
import { Typography } from '@strapi/design-system';
import { useParams } from 'react-router-dom';
import { useDeskRecord } from '../../../../admin/shared/api';
import { AGENCY_MODEL, myJurisdictionPath, STATISTICIAN_MODEL } from './api';

const REGIONAL_LISTS = new Set([AGENCY_MODEL, STATISTICIAN_MODEL]);

/**
 * A county or city officer without a 辖区 sees an empty list of agencies: this says why and whom
 * to ask ("尚未分配辖区，请联系系统管理员"), above the list rather than a bare 暂无内容.
 */
export function UnassignedNotice() {
  const { slug } = useParams<{ slug: string }>();
  const shown = Boolean(slug && REGIONAL_LISTS.has(slug));
  const { record } = useDeskRecord<MyJurisdiction>(shown ? myJurisdictionPath : undefined);
  if (!shown || !record?.unassignedMessage) return null;
  return (
    <Typography textColor="danger600" fontWeight="bold" role="alert" data-testid="jurisdiction-unassigned">
      {record.unassignedMessage}
    </Typography>
  );
}

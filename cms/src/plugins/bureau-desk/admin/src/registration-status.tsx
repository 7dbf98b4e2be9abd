import { registrationStateLabels } from '@statdesk/config';
import { Badge } from '@strapi/design-system';
import { useDeskRecord } from '../../../../admin/shared/api';
import { STATISTICIAN_MODEL, type StatisticianRecord, statisticianPath } from './api';

interface Header {
  name: string;
  label: unknown;
  sortable?: boolean;
  attribute?: { type?: string; enum?: string[] };
  cellFormatter?: (row: Record<string, unknown>) => unknown;
}

/**
 * The list hands its rows' `status` over to draft/publish ("published" for every row), so the
 * cell reads the registration's state from the desk, as its panel does.
 */
function RegistrationStatusCell({ no }: { no: string }) {
  const { record } = useDeskRecord<StatisticianRecord>(statisticianPath(no));
  if (!record) return null;
  const removed = record.registration.state === 'removed';
  return (
    <Badge active={!removed} data-testid="registration-status">
      {removed ? registrationStateLabels.removed : '有效'}
    </Badge>
  );
}

/**
 * The statistician's `status` column. The hook is told the list's headers, not its content type,
 * so the column is known by its values (schema.json: active, removed): the submissions' own
 * `status` columns are left to their lists.
 */
const isRegistrationStatus = (header: Header) =>
  header.name === 'status' &&
  header.attribute?.type === 'enumeration' &&
  header.attribute.enum?.length === 2 &&
  header.attribute.enum.includes('active') &&
  header.attribute.enum.includes('removed');

/**
 * A statistician's own `status` (有效 / 已注销) as a list column. The Content Manager draws any
 * column named `status` as its draft/publish badge, so ours goes under another name, with its
 * label and a cell that reads our value; the filter on `status` is the list's own.
 */
export function showRegistrationStatus<T extends { displayedHeaders: Header[] }>(args: T): T {
  return {
    ...args,
    displayedHeaders: args.displayedHeaders.map((header) =>
      isRegistrationStatus(header)
        ? {
            ...header,
            name: 'registrationStatus',
            label: { id: `content-manager.content-types.${STATISTICIAN_MODEL}.status`, defaultMessage: '注销状态' },
            sortable: false,
            cellFormatter: (row: Record<string, unknown>) => <RegistrationStatusCell no={String(row.registrationNo ?? '')} />,
          }
        : header,
    ),
  };
}
